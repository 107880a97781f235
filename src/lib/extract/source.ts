/**
 * Stage 0: a file's bytes → the lines every later stage reads. Text files are decoded as they are;
 * PDFs and web pages are turned into the same lines by their own readers, which already know where
 * each cell stands, so they hand over rows with blank cells kept (the `tabs` layout) instead of
 * leaving the layout to be guessed.
 *
 * A line may carry the page it was read from (PDFs): figures are then traced to page + line on
 * that page, which is what a person can find on the rendered document.
 */
import type { Diagnostic } from './errors';
import type { Layout, SourceLine } from './layout';

export type SourceFormat = 'text' | 'pdf' | 'html';

export interface SourceText {
	format: SourceFormat;
	lines: SourceLine[];
	/** The layout the reader produced, or null to detect it from the text (plain text files). */
	layout: Layout | null;
	/** Page count for PDFs, null otherwise. */
	pages: number | null;
	/** What the reader noticed but could still read past (an invalid byte, a page without text). */
	diagnostics: Diagnostic[];
}

/** Where a line of the source text stands in the original file: file, page (PDFs) and line. */
export interface SourceRef {
	file: string | null;
	page: number | null;
	line: number;
}

/** Maps a line number of the source text to its place in the original file. */
export function sourceRef(lines: readonly SourceLine[], no: number): SourceRef {
	const l = lines[no - 1];
	return { file: l?.file ?? null, page: l?.page ?? null, line: l?.pageLine ?? no };
}

/** Whether line numbers of the source text differ from places in the original file. */
export function needsRefs(lines: readonly SourceLine[]): boolean {
	return lines.some((l) => l.page !== undefined || l.pageLine !== undefined || l.file !== undefined);
}
