/**
 * One extracted document against its truth: metadata, every figure (function rows, economic rows,
 * 三公 items, summary measures), and the planted fault — flagged or not. Pure: the caller extracts.
 */
import type { ExtractedDocument } from '../../../src/lib/extract/index';
import type { TruthRecord } from './truth';

export interface Comparison {
	file: string;
	/** Figures the truth lists, and how many came out exactly (within half a cent). */
	figures: number;
	recovered: number;
	/** `code.column: expected X, got Y` for each figure not recovered (and extra rows). */
	misses: string[];
	metadataOk: boolean;
	metadataMisses: string[];
	/** Failed checks in the document (a well-formed one should have none). */
	failedChecks: string[];
	/** Null when nothing was planted. */
	faultFlagged: boolean | null;
}

const same = (a: number | null | undefined, b: number | null | undefined) =>
	a === null || a === undefined || b === null || b === undefined ? (a ?? null) === (b ?? null) : Math.abs(a - b) < 0.005;

export function compareDocument(truth: TruthRecord, doc: ExtractedDocument | null): Comparison {
	const misses: string[] = [];
	let figures = 0;
	let recovered = 0;
	const figure = (label: string, expected: number | null, actual: number | null | undefined) => {
		figures++;
		if (same(expected, actual)) recovered++;
		else misses.push(`${label}: expected ${expected}, got ${actual ?? 'nothing'}`);
	};
	if (!doc) {
		return { file: truth.file, figures: countFigures(truth), recovered: 0, misses: ['not extracted'], metadataOk: false, metadataMisses: ['not extracted'], failedChecks: [], faultFlagged: truth.fault ? false : null };
	}
	const d = doc.document;
	const metadataMisses = (['district', 'department', 'year', 'kind'] as const).filter((k) => d[k] !== truth[k]).map((k) => `${k}: expected ${truth[k]}, got ${d[k]}`);

	const fn = new Map(doc.functionRows.map((r) => [r.code, r]));
	for (const t of truth.function) {
		const r = fn.get(t.code);
		figure(`function ${t.code}.total`, t.total, r?.total);
		if (t.basic !== null) figure(`function ${t.code}.basic`, t.basic, r?.basic);
		if (t.project !== null) figure(`function ${t.code}.project`, t.project, r?.project);
		if (r && r.level !== t.level) misses.push(`function ${t.code}.level: expected ${t.level}, got ${r.level}`);
	}
	const truthCodes = new Set(truth.function.map((t) => t.code));
	for (const r of doc.functionRows) if (!truthCodes.has(r.code)) misses.push(`function ${r.code}: extra row`);

	const econ = new Map(doc.economicRows.map((r) => [r.code, r]));
	for (const t of truth.economic) {
		const r = econ.get(t.code);
		figure(`economic ${t.code}.total`, t.total, r?.total);
		figure(`economic ${t.code}.personnel`, t.personnel, r?.personnel);
		figure(`economic ${t.code}.public`, t.public, r?.public);
	}
	const econCodes = new Set(truth.economic.map((t) => t.code));
	for (const r of doc.economicRows) if (!econCodes.has(r.code)) misses.push(`economic ${r.code}: extra row`);

	const tp = new Map(doc.threePublic.map((r) => [r.item, r]));
	for (const t of truth.three_public) {
		const r = tp.get(t.item as never);
		figure(`three_public ${t.item}.budget`, t.budget, r?.budget);
		if (t.actual !== null) figure(`three_public ${t.item}.actual`, t.actual, r?.actual);
	}
	const summary = new Map(doc.summary.map((r) => [r.measure, r.value]));
	for (const [measure, value] of Object.entries(truth.summary)) figure(`summary ${measure}`, value, summary.get(measure as never));

	const failedChecks = doc.checks.filter((c) => !c.ok).map((c) => c.rule);
	let faultFlagged: boolean | null = null;
	if (truth.fault) {
		const f = truth.fault;
		const byCheck = f.failedCheck === null || failedChecks.some((rule) => rule.startsWith(f.failedCheck!));
		const byDiagnostic = f.diagnostic === null || doc.diagnostics.some((x) => x.message.includes(f.diagnostic!));
		faultFlagged = byCheck && byDiagnostic;
	}
	return { file: truth.file, figures, recovered, misses, metadataOk: metadataMisses.length === 0, metadataMisses, failedChecks, faultFlagged };
}

export function countFigures(t: TruthRecord): number {
	const fn = t.function.reduce((a, r) => a + 1 + (r.basic !== null ? 1 : 0) + (r.project !== null ? 1 : 0), 0);
	const tp = t.three_public.reduce((a, r) => a + 1 + (r.actual !== null ? 1 : 0), 0);
	return fn + t.economic.length * 3 + tp + Object.keys(t.summary).length;
}

/** A well-formed document (no fault, or a fault that spoils no figure) must give every figure. */
export function mustRecoverAll(t: TruthRecord): boolean {
	return t.fault === null || t.fault.figuresExact;
}
