/** Browser downloads of generated content. */

/**
 * Saves `text` as a file named `filename`. The text is passed through unchanged (a CSV's BOM
 * included); the object URL is revoked a little later.
 */
export function downloadText(text: string, filename: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
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
