/**
 * Tables that state no unit, anywhere in the document, are taken to be in 万元 like everything else.
 * That is checked against the magnitudes the document gives elsewhere — the prose's totals, the
 * largest figures of the tables that do state a unit: a table whose figures are about 10⁴ times
 * those was printed in 元. It is then converted as 元 but flagged (unit_note, a failed check
 * `unit.magnitude:<kind>`), never mixed in silently and never stored as if the unit were certain.
 */
import type { CheckRecord } from './checks';
import type { Row } from './layout';
import type { NarrativeFigures } from './narrative';
import type { Segment } from './segments';
import type { TableKind } from './table-kind';
import { largestFigure, type TableUnit } from './units';
import { flatMap } from './flat-map';

interface MagnitudeTable {
	segment: Segment;
	rows: Row[];
	kind: TableKind;
	unit?: TableUnit;
}

/** Tables whose largest figure is the department's total (spending or income). */
const TOTAL_KINDS: ReadonlySet<TableKind> = new Set(['summary', 'function', 'dept_expenditure']);
/** log10(table / document): 万元 tables stay within ±1; a table in 元 lands near 4. */
const YUAN_BAND = [2.5, 5.5] as const;
/** The unit given to such a table: no printed unit, 元 by magnitude, to be verified. */
const INFERRED_YUAN: TableUnit = { printed: null, scale: 0.0001, note: '按数量级推断为元（待核）' };

/** Checks the magnitude of every table without a unit; flags and converts those printed in 元. */
export function inferUnits<T extends MagnitudeTable>(tables: readonly T[], narrative: NarrativeFigures): { tables: T[]; checks: CheckRecord[] } {
	const checks: CheckRecord[] = [];
	// Every table's reference reads the other tables' largest figures: each is computed once, not once per table.
	const largestOf = memoized(largestFigure);
	const settled = tables.map((t) => {
		if (t.unit || t.kind === 'skipped') return t;
		const largest = largestOf(t.rows);
		const reference = referenceFor(t, tables, narrative, largestOf);
		if (largest === null || largest === 0 || reference === null) return t;
		const log = Math.log10(largest / reference);
		const yuan = log >= YUAN_BAND[0] && log <= YUAN_BAND[1];
		checks.push(magnitudeCheck(t, largest, reference, yuan));
		return yuan ? { ...t, unit: INFERRED_YUAN } : t;
	});
	return { tables: settled, checks };
}

/**
 * What the table's largest figure should be comparable to, in 万元: for the 三公 table the prose's
 * 三公 total; for the others the median of the prose's totals and the largest figures of the
 * total-bearing tables that state their unit (or, where none does, of the other such tables).
 */
function referenceFor(t: MagnitudeTable, tables: readonly MagnitudeTable[], narrative: NarrativeFigures, largestOf: (rows: Row[]) => number | null): number | null {
	if (t.kind === 'three_public') return positive(narrative.threePublic.total?.value);
	const prose = [narrative.summary.income_total?.value, narrative.summary.expenditure_total?.value, narrative.currentExpenditure?.value];
	const others = tables.filter((o) => o !== t && TOTAL_KINDS.has(o.kind));
	const stated = others.filter((o) => o.unit).map((o) => scaled(o, largestOf));
	const fromTables = stated.length > 0 ? stated : others.map((o) => scaled(o, largestOf));
	return median(flatMap([...prose, ...fromTables], (v) => (positive(v) === null ? [] : [v as number])));
}

function scaled(t: MagnitudeTable, largestOf: (rows: Row[]) => number | null): number | null {
	const v = largestOf(t.rows);
	return v === null ? null : v * (t.unit?.scale ?? 1);
}

/** `f` remembering its result per argument (rows are not changed while units are inferred). */
function memoized<K, V>(f: (key: K) => V): (key: K) => V {
	const seen = new Map<K, V>();
	return (key) => {
		if (!seen.has(key)) seen.set(key, f(key));
		return seen.get(key) as V;
	};
}

const positive = (v: number | null | undefined): number | null => (v !== null && v !== undefined && v > 0 ? v : null);

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

function magnitudeCheck(t: MagnitudeTable, largest: number, reference: number, yuan: boolean): CheckRecord {
	const line = t.segment.titleLine ?? t.segment.start;
	const title = `“${t.segment.title}”（第 ${line} 行）未注明单位`;
	const detail = yuan
		? `${title}，最大数 ${largest} 约为文件其他数字（${reference} 万元）的 10⁴ 倍：按元换算为万元，单位待核`
		: `${title}，按万元读取：最大数 ${largest} 与文件其他数字（${reference} 万元）数量级一致`;
	return { rule: `unit.magnitude:${t.kind}`, expected: reference, actual: largest, ok: !yuan, detail, line };
}
