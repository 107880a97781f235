/** Web page → source lines (stub: the HTML reader is being written). */
import { readTextSource } from '../document';
import type { SourceText } from '../source';

export function looksLikeHtml(_bytes: Uint8Array): boolean {
	return false;
}

export function readHtmlSource(file: string, bytes: Uint8Array): SourceText {
	return readTextSource(file, bytes);
}
