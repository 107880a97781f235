import type { ExtractedDocument } from '../../src/lib/extract/types';

/**
 * What a reader of the dashboard sees of an extracted document — its unit, its figures, the checks
 * that failed — and not where each stands: to compare one document read two ways (a CSV and the text
 * it was saved from, a part of a 汇编 and the same disclosure alone).
 */
export const documentFigures = (doc: ExtractedDocument) => ({
	unit: [doc.document.district, doc.document.department, doc.document.year, doc.document.kind],
	function: doc.functionRows.map((r) => [r.code, r.total, r.basic, r.project]),
	economic: doc.economicRows.map((r) => [r.code, r.total]),
	threePublic: doc.threePublic.map((r) => [r.item, r.budget, r.actual]),
	summary: doc.summary.map((r) => [r.measure, r.value]),
	failed: doc.checks.filter((c) => !c.ok).map((c) => c.rule)
});
