/**
 * PDF → source lines. Each page's text items are placed in their reading frame (page-text.ts),
 * grouped into printed lines of positioned cells (lines.ts), stripped of page numbers and running
 * heads (margins.ts), and the table rows are rebuilt from the cells' positions (grid.ts). Pages
 * without a usable text layer are reported by number; a PDF that cannot be opened, or has no text
 * on any page, is an ExtractError naming the file.
 */
import { ExtractError, type Diagnostic } from '../errors';
import { gridLines } from '../grid';
import type { PositionedLine } from '../positioned';
import type { SourceText } from '../source';
import type { PdfDocument, PdfEngine, PdfPage } from './engine';
import { pageLines } from './lines';
import { dropPageFurniture, type PageLines } from './margins';
import { pageRuns } from './page-text';
import { flatMap } from '../flat-map';

export type { PdfEngine } from './engine';

/** The positioned lines of a whole PDF, before tables are rebuilt. */
export interface PdfLines {
	pages: number;
	/** Every page's lines in reading order; page and pageLine are set. */
	lines: PositionedLine[];
	diagnostics: Diagnostic[];
}

// A page whose visible characters are less than this share real text has no usable text layer.
const MIN_USABLE_SHARE = 0.5;

/** Reads the positioned lines of every page; throws ExtractError when the PDF cannot be read. */
export async function readPdfLines(file: string, bytes: Uint8Array, engine: PdfEngine | undefined): Promise<PdfLines> {
	if (!engine) throw new ExtractError(file, 'decode', null, '未配置 PDF 读取器，无法读取 PDF (no PDF engine configured)');
	// A copy: pdf.js may transfer (detach) the buffer it is given, and the caller still owns bytes.
	const doc = await openDocument(file, engine, bytes.slice());
	try {
		const pages: PageLines[] = [];
		const diagnostics: Diagnostic[] = [];
		const errors: string[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const read = await readPage(doc, n);
			if ('problem' in read) {
				diagnostics.push(pageDiagnostic(n, read.problem));
				if (read.problem !== 'no-text') errors.push(`第 ${n} 页：${read.problem.error}`);
			} else pages.push(read);
		}
		if (pages.length === 0) throw new ExtractError(file, 'decode', null, nothingReadMessage(doc.numPages, errors));
		const lines = flatMap(dropPageFurniture(pages), (p) => p.lines);
		return { pages: doc.numPages, lines, diagnostics };
	} finally {
		await doc.destroy();
	}
}

async function openDocument(file: string, engine: PdfEngine, data: Uint8Array): Promise<PdfDocument> {
	try {
		return await engine.open(data);
	} catch (error) {
		throw new ExtractError(file, 'decode', null, openFailure(error));
	}
}

/** pdf.js's rejection → a message a person can act on. */
function openFailure(error: unknown): string {
	const name = error instanceof Error ? error.name : '';
	const detail = error instanceof Error ? error.message : String(error);
	if (name === 'PasswordException') return 'PDF 已加密，需要密码才能打开 (encrypted PDF)';
	if (name === 'InvalidPDFException') return `PDF 文件损坏或不完整，无法打开：${detail} (corrupt or truncated PDF)`;
	return `PDF 无法打开：${detail} (unreadable PDF)`;
}

type PageRead = PageLines | { problem: 'no-text' | { error: string } };

/** One page's lines, or why it gave none; the page's resources are freed either way. */
async function readPage(doc: PdfDocument, n: number): Promise<PageRead> {
	let page: PdfPage | undefined;
	try {
		page = await doc.getPage(n);
		const runs = pageRuns((await page.getTextContent()).items, page.getViewport({ scale: 1 }));
		if (runs.visible === 0 || runs.usable < runs.visible * MIN_USABLE_SHARE) return { problem: 'no-text' };
		return { page: n, height: runs.height, lines: pageLines(runs.runs, n, runs.quarter) };
	} catch (error) {
		return { problem: { error: error instanceof Error ? error.message : String(error) } };
	} finally {
		page?.cleanup();
	}
}

function pageDiagnostic(n: number, problem: 'no-text' | { error: string }): Diagnostic {
	const message =
		problem === 'no-text'
			? `第 ${n} 页没有可用的文字层（扫描件或字形无 Unicode），未读取 (no text layer)`
			: `第 ${n} 页无法读取：${problem.error} (unreadable page)`;
	return { severity: 'warning', stage: 'decode', line: null, message };
}

/** Why no page gave text: pages that failed to read (their first error), or no text layer at all. */
function nothingReadMessage(pages: number, errors: readonly string[]): string {
	if (errors.length > 0) return `PDF 共 ${pages} 页，${errors.length} 页无法读取（${errors[0]}），其余页没有可用的文字层 (unreadable PDF)`;
	return `PDF 共 ${pages} 页，没有一页有可用的文字层（扫描件或字形无 Unicode），请提供可复制文字的 PDF 或文本 (no text layer)`;
}

/** Reads a PDF into source lines, tables rebuilt as tab-separated rows (layout 'tabs'). */
export async function readPdfSource(file: string, bytes: Uint8Array, engine?: PdfEngine): Promise<SourceText> {
	const { pages, lines, diagnostics } = await readPdfLines(file, bytes, engine);
	return { format: 'pdf', lines: gridLines(lines), layout: 'tabs', pages, diagnostics };
}
