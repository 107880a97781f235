/**
 * The contract's doc_id: the first 12 hex digits of the SHA-256 of the file's bytes (Web Crypto,
 * so browsers can compute it too). A disclosure published as two files (narrative + tables) gets
 * the hash of both files' bytes, in the order they are read.
 */
export async function documentId(...files: Uint8Array[]): Promise<string> {
	const bytes = files.length === 1 ? files[0] : concat(files);
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)]
		.slice(0, 6)
		.map((b) => b.toString(16).padStart(2, '0'))
		.join('');
}

function concat(files: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(files.reduce((n, f) => n + f.length, 0));
	let at = 0;
	for (const f of files) {
		out.set(f, at);
		at += f.length;
	}
	return out;
}
