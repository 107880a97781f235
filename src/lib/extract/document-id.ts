/** The contract's doc_id: the first 12 hex digits of the SHA-256 of the file's bytes (Web Crypto, so browsers can compute it too). */
export async function documentId(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)]
		.slice(0, 6)
		.map((b) => b.toString(16).padStart(2, '0'))
		.join('');
}
