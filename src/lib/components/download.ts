/** Browser downloads of generated content. */

/**
 * Saves `blob` as a file named `filename`; the object URL is revoked a little later.
 */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	// Revoke later, not at once: the browser may read the blob only after the click has returned,
	// and a revoked URL then fails the download.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Saves `text` as a file named `filename`. The text is passed through unchanged (a CSV's BOM
 * included).
 */
export function downloadText(text: string, filename: string, type: string): void {
	downloadBlob(new Blob([text], { type }), filename);
}

/** Saves binary content (a PNG, an .xlsx) as a file named `filename`. */
export function downloadBytes(bytes: Uint8Array, filename: string, type: string): void {
	downloadBlob(new Blob([bytes as BlobPart], { type }), filename);
}
