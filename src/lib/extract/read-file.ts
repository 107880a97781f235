/**
 * Any disclosure file → ExtractedDocument: the format is recognised from the bytes (not the file
 * name: a web page saved as .txt is still a web page), its reader turns it into source lines, and
 * the same stages run on them whatever the format.
 */
import type { Utf8Decoder } from './decode';
import { extractSource, readTextSource, type ExtractOptions } from './document';
import { readHtmlSource, readMhtmlSource, looksLikeHtml, looksLikeMhtml } from './html/read-html';
import { ExtractError } from './errors';
import { readPdfSource, type PdfEngine } from './pdf/read-pdf';
import { firstDisclosureOnly, splitDisclosures } from './several-disclosures';
import type { SourceFormat, SourceText } from './source';
import type { ExtractedDocument } from './types';

export interface FileOptions extends ExtractOptions {
	/** pdf.js, set up for where the code runs (Node: scripts/lib/pdf-node.ts; the browser: its own). */
	pdf?: PdfEngine;
	/** A faster UTF-8 decoder for text files where the platform has one (Node: scripts/lib/utf8-node.ts). */
	utf8?: Utf8Decoder;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** What a file is, from its first bytes (a web page saved as one file, .mht, is a web page). */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
	if (PDF_MAGIC.every((b, i) => bytes[i] === b)) return 'pdf';
	return looksLikeMhtml(bytes) || looksLikeHtml(bytes) ? 'html' : 'text';
}

const MiB = 1024 * 1024;

/**
 * The largest file read, by format. No disclosure comes near (a text or web page is a few hundred
 * KB, a PDF tens of MB); a text is held several times over while it is decoded and split (a 126 MB
 * export took 1.7 GB and 16 s to be refused), so a larger one is refused before it is read.
 */
export const MAX_BYTES = { text: 64 * MiB, pdf: 1024 * MiB } as const;

/** The error for a file of `size` bytes whose first bytes are `head`, or null when it is not too large. */
export function sizeProblem(file: string, size: number, head: Uint8Array): ExtractError | null {
	const pdf = sniffFormat(head) === 'pdf';
	const limit = pdf ? MAX_BYTES.pdf : MAX_BYTES.text;
	if (size <= limit) return null;
	// Rounded up, so a file just past the limit does not read as the limit itself.
	const mb = (bytes: number) => (Math.ceil((bytes / MiB) * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });
	const what = pdf ? 'PDF 文件' : '文本和网页文件';
	return new ExtractError(file, 'decode', null, `文件过大：${mb(size)} MB，${what}至多 ${mb(limit)} MB，未读取 (file too large)`);
}

/** Reads a file into source lines with the reader its format needs (its first disclosure, where it holds several). */
export async function readSource(file: string, bytes: Uint8Array, options: FileOptions = {}): Promise<SourceText> {
	return firstDisclosureOnly(await readAnySource(file, bytes, options));
}

/** Reads a file into one source per disclosure it holds (several-disclosures.ts: a 汇编 is several). */
export async function readSourceParts(file: string, bytes: Uint8Array, options: FileOptions = {}): Promise<SourceText[]> {
	return splitDisclosures(file, await readAnySource(file, bytes, options));
}

function readAnySource(file: string, bytes: Uint8Array, options: FileOptions): SourceText | Promise<SourceText> {
	switch (sniffFormat(bytes)) {
		case 'pdf':
			return readPdfSource(file, bytes, options.pdf);
		case 'html':
			return looksLikeMhtml(bytes) ? readMhtmlSource(file, bytes) : readHtmlSource(file, bytes);
		default:
			return readTextSource(file, bytes, options.utf8);
	}
}

/** Extracts one disclosure of any format; throws ExtractError when it is not a readable disclosure. */
export async function extractFile(file: string, bytes: Uint8Array, docId: string, options: FileOptions = {}): Promise<ExtractedDocument> {
	return extractSource(file, await readSource(file, bytes, options), docId, options);
}
