/**
 * Web page → source lines. District sites publish the 情况说明 and the tables as pages, which
 * users save as .html, .htm or .txt; the format is recognised from the bytes (sniff.ts). The page
 * is decoded by its own charset (charset.ts), parsed tolerantly (tokenize.ts, tree.ts) and read
 * into lines (page.ts): prose blocks as lines, table rows as tab-separated cells with blank cells
 * kept — so the later stages read it in the `tabs` layout — and each line carries the line of the
 * HTML file where its row or text starts, to which every figure is traced.
 */
import { ExtractError } from '../errors';
import type { SourceLine } from '../layout';
import type { SourceText } from '../source';
import { decodePage } from './charset';
import { unpackMhtml } from './mhtml';
import type { PageLine } from './lines';
import { readPage } from './page';
import { withTitle } from './page-title';
import { tokenize } from './tokenize';
import { buildTree } from './tree';
import { lineIndexAt } from '../offsets';

export { looksLikeHtml } from './sniff';
export { looksLikeMhtml } from './mhtml';

/** Reads a web page; throws ExtractError naming the file when it cannot be decoded or holds no text. */
export function readHtmlSource(file: string, bytes: Uint8Array): SourceText {
	return readPageSource(file, bytes, null, (line) => line);
}

/** Reads a web page saved as one file (mhtml.ts): its HTML part, each line traced to the archive's line. */
export function readMhtmlSource(file: string, bytes: Uint8Array): SourceText {
	const page = unpackMhtml(file, bytes);
	return readPageSource(file, page.bytes, page.charset, page.archiveLine);
}

/** A page's bytes → source lines; `fileLine` turns a line of the page into a line of the file the user has. */
function readPageSource(file: string, bytes: Uint8Array, outerCharset: string | null, fileLine: (pageLine: number) => number): SourceText {
	const page = decodePage(file, bytes, outerCharset);
	const root = buildTree(tokenize(page.text));
	const content = readPage(root);
	const lines = withTitle(content.lines, root);
	if (!lines.some((l) => l.text.trim() !== '')) {
		throw new ExtractError(file, 'decode', null, '网页中没有可读的文字 (no text in the page)');
	}
	return {
		format: 'html',
		lines: numberLines(lines, page.text, fileLine),
		// <pre> text keeps its own layout, which is then detected like a text file's.
		layout: content.hasPreformatted && !content.hasTable ? null : 'tabs',
		pages: null,
		// A decode warning's line is the page file's: said in its message, since a diagnostic's line
		// is one of the lines read (which are numbered apart from the file's).
		diagnostics: page.diagnostics.map((d) => (d.line === null ? d : { ...d, line: null, message: `第 ${fileLine(d.line)} 行：${d.message}` }))
	};
}

/** Numbers the lines 1..n and gives each the line of the file where it starts. */
function numberLines(lines: readonly PageLine[], text: string, fileLine: (pageLine: number) => number): SourceLine[] {
	const starts = [0];
	for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push((m.index as number) + m[0].length);
	return lines.map((l, i) => ({ no: i + 1, text: l.text, pageLine: fileLine(lineIndexAt(starts, l.offset) + 1) }));
}
