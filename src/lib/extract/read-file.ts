/**
 * Any disclosure file → ExtractedDocument: the format is recognised from the bytes (not the file
 * name: a web page saved as .txt is still a web page), its reader turns it into source lines, and
 * the same stages run on them whatever the format.
 */
import type { Utf8Decoder } from './decode';
import { extractSource, readTextSource, type ExtractOptions } from './document';
import { readHtmlSource, looksLikeHtml } from './html/read-html';
import { readPdfSource, type PdfEngine } from './pdf/read-pdf';
import type { SourceFormat, SourceText } from './source';
import type { ExtractedDocument } from './types';

export interface FileOptions extends ExtractOptions {
	/** pdf.js, set up for where the code runs (Node: scripts/lib/pdf-node.ts; the browser: its own). */
	pdf?: PdfEngine;
	/** A faster UTF-8 decoder for text files where the platform has one (Node: scripts/lib/utf8-node.ts). */
	utf8?: Utf8Decoder;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** What a file is, from its first bytes. */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
	if (PDF_MAGIC.every((b, i) => bytes[i] === b)) return 'pdf';
	return looksLikeHtml(bytes) ? 'html' : 'text';
}

/** Reads a file into source lines with the reader its format needs. */
export async function readSource(file: string, bytes: Uint8Array, options: FileOptions = {}): Promise<SourceText> {
	switch (sniffFormat(bytes)) {
		case 'pdf':
			return readPdfSource(file, bytes, options.pdf);
		case 'html':
			return readHtmlSource(file, bytes);
		default:
			return readTextSource(file, bytes, options.utf8);
	}
}

/** Extracts one disclosure of any format; throws ExtractError when it is not a readable disclosure. */
export async function extractFile(file: string, bytes: Uint8Array, docId: string, options: FileOptions = {}): Promise<ExtractedDocument> {
	return extractSource(file, await readSource(file, bytes, options), docId, options);
}
