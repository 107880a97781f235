/**
 * What the CLI says of an extracted document (one line, then its problems), taken from the document
 * where it is extracted: a worker thread sends the report and the encoded rows, not the document.
 */
import { formatDiagnostic, type ExtractedDocument } from '../../src/lib/extract/index';
import { sourceRef } from '../../src/lib/extract/source';
import type { Diagnostic } from '../../src/lib/extract/errors';

export interface DocumentReport {
	document: ExtractedDocument['document'];
	/** Rows per table as the report names them: 功能分类, 经济分类, 三公, 汇总. */
	rows: { function: number; economic: number; threePublic: number; summary: number };
	checks: { passed: number; failed: number };
	/** Each diagnostic but the informational ones, formatted at its place in the original file. */
	problems: string[];
}

export function reportOf(doc: ExtractedDocument): DocumentReport {
	const failed = doc.checks.filter((c) => !c.ok).length;
	return {
		document: doc.document,
		rows: { function: doc.functionRows.length, economic: doc.economicRows.length, threePublic: doc.threePublic.length, summary: doc.summary.length },
		checks: { passed: doc.checks.length - failed, failed },
		problems: doc.diagnostics.filter((x) => x.severity !== 'info').map((diag) => located(doc, diag))
	};
}

/**
 * A diagnostic as printed, at its place in the original file: for a disclosure read from two
 * files the file the line is in, for a PDF its page (`file:p3:12`).
 */
function located(doc: ExtractedDocument, diag: Diagnostic): string {
	if (diag.line === null || !doc.pagedLines) return formatDiagnostic(doc.document.source_file, diag);
	const ref = sourceRef(doc.pagedLines, diag.line);
	const file = ref.file ?? doc.document.source_file;
	return formatDiagnostic(ref.page === null ? file : `${file}:p${ref.page}`, { ...diag, line: ref.line });
}
