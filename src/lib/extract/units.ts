/**
 * Units: what a table is printed in (单位：元 / 千元 / 万元 / 亿元) and the conversion of its figures to
 * the 万元 everything downstream works in. Conversion runs on the printed digits in integer
 * arithmetic, so a figure in 元 becomes 万元 exact to the cent (half up) — floating point would turn
 * 1,874,250.00 元 (187.425 万元) into 187.42.
 */
import { isAmountCell, isNumberCell, parseAmount, POWERS_OF_TEN, readPrintedDecimal, toHalfWidth } from './amount';
import { dropRowNumbers } from './labelled';
import type { Row, SourceLine } from './layout';
import type { Segment } from './segments';
import type { TableKind } from './table-kind';
import { flatMap } from './flat-map';

/** A table's printed unit, the factor that turns its figures into 万元, and how it was decided. */
export interface TableUnit {
	/** As printed ('元', '万元' …); null when no statement was read. */
	printed: string | null;
	scale: number;
	/** How the unit was decided: '表头', '文档默认（第 N 行）', '按数量级推断为元（待核）'. */
	note: string | null;
}

/** Printed unit → factor to 万元. */
const SCALES: Record<string, number> = { 元: 0.0001, 千元: 0.1, 万元: 1, 百万元: 100, 亿元: 10000 };
const STATEMENT = /单位\s*[：:]\s*(百万元|千元|万元|亿元|元)(?![\u4e00-\u9fff])/;

/** The unit a line states (`单位：元`, `金额单位:万元`, on a title or header line), or null. */
export function readUnitStatement(text: string): { printed: string; scale: number } | null {
	if (!text.includes('单位')) return null; // STATEMENT needs it: most lines stop here, unnormalised
	const m = STATEMENT.exec(text.replace(/\s+/g, ' '));
	return m ? { printed: m[1], scale: SCALES[m[1]] } : null;
}

/** What the unit-bearing stages need of a table. */
interface UnitTable {
	segment: Segment;
	kind: TableKind;
	rows: Row[];
	unit?: TableUnit;
}

/**
 * Each table's unit: the one it states (title line, the line after it, header), else the one the
 * document states outside its tables; tables with neither are left without (万元 assumed, and the
 * magnitude check decides whether that holds).
 */
export function withStatedUnits<T extends UnitTable>(tables: readonly T[], lines: readonly SourceLine[]): T[] {
	const fallback = documentUnit(tables, lines);
	return tables.map((t) => {
		const own = firstStatement(t.segment.lines);
		if (own) return { ...t, unit: { printed: own.printed, scale: own.scale, note: '表头' } };
		return fallback ? { ...t, unit: fallback } : t;
	});
}

function firstStatement(lines: readonly SourceLine[]): { printed: string; scale: number; line: number } | null {
	for (const l of lines) {
		const s = readUnitStatement(l.text);
		if (s) return { ...s, line: l.no };
	}
	return null;
}

/**
 * A unit stated outside the tables (`金额单位：元` in the preamble, under a part heading that looks
 * like a title): it applies to every table stating none — unless the document states two different
 * ones. A recognised table's statement is its own even when it holds no figures.
 */
function documentUnit(tables: readonly UnitTable[], lines: readonly SourceLine[]): TableUnit | null {
	// One mark per line number rather than a Set of every table line.
	const last = lines.reduce((m, l) => Math.max(m, l.no), 0);
	const inTable = new Uint8Array(last + 1);
	for (const t of tables) if (isTable(t)) for (const l of t.segment.lines) if (l.no <= last) inTable[l.no] = 1;
	const outside = lines.filter((l) => l.text.includes('单位') && inTable[l.no] !== 1);
	const statements = flatMap(outside, (l) => {
		const s = readUnitStatement(l.text);
		return s ? [{ ...s, line: l.no }] : [];
	});
	if (statements.length === 0 || statements.some((s) => s.printed !== statements[0].printed)) return null;
	const first = statements[0];
	return { printed: first.printed, scale: first.scale, note: `文档默认（第 ${first.line} 行）` };
}

const isTable = (t: UnitTable): boolean => t.kind !== 'skipped' || t.rows.some((r) => r.cells.some((c) => isNumberCell(c.text)));

const CODE = /^\d{3}(?:\d{2}){0,2}$/;

/** A classification code (a 3/5/7-digit number followed by its name), which is not converted. */
function isCodeCell(cells: readonly { text: string }[], i: number): boolean {
	if (!CODE.test(toHalfWidth(cells[i].text))) return false;
	const next = cells.slice(i + 1).find((c) => c.text !== '');
	return next !== undefined && !isAmountCell(next.text);
}

/** The largest figure a table prints (codes and numbering aside), in its printed unit. */
export function largestFigure(rows: Row[]): number | null {
	let max: number | null = null;
	for (const row of dropRowNumbers(rows)) {
		row.cells.forEach((cell, i, cells) => {
			const v = isCodeCell(cells, i) ? null : parseAmount(cell.text);
			if (v !== null && (max === null || Math.abs(v) > max)) max = Math.abs(v);
		});
	}
	return max;
}

/** The rows with every figure cell converted to 万元 (codes, text and empty markers unchanged). */
export function toWanRows(rows: Row[], scale: number): Row[] {
	if (scale === 1) return rows;
	return rows.map((row) => ({
		...row,
		cells: row.cells.map((cell, i, cells) => (isCodeCell(cells, i) ? cell : { ...cell, text: convertAmount(cell.text, scale) }))
	}));
}

/** One printed figure in 万元 with 2 decimals; anything that is not a number is returned as is. */
export function convertAmount(cell: string, scale: number): string {
	if (scale === 1) return cell;
	// cents of 万元 = digits × 10^(exponent + 2 − decimals)
	const exponent = Math.round(Math.log10(scale));
	const printed = readPrintedDecimal(cell);
	const exact = printed === null ? null : exactCents(printed.mantissa, exponent + 2 - printed.decimals);
	if (printed !== null && exact !== null) return centsText(printed.negative, exact);
	if (!isNumberCell(cell)) return cell;
	const t = toHalfWidth(cell.trim()).replace(/,/g, '');
	const [whole, frac = ''] = t.replace(/^-/, '').split('.');
	return centsText(t.startsWith('-'), bigCents(whole + frac, exponent + 2 - frac.length));
}

/** Cents (a whole number, as digits) as 万元 with 2 decimals; no sign on zero. */
function centsText(negative: boolean, cents: string): string {
	const sign = negative && cents !== '0' ? '-' : '';
	return `${sign}${cents.length > 2 ? cents.slice(0, -2) : '0'}.${cents.slice(-2).padStart(2, '0')}`;
}

/**
 * Cents from a mantissa below 2^53 in integer doubles, or null when a step could leave the integers
 * a double holds exactly. A table in 元 converts every figure, and BigInt arithmetic on strings cut
 * apart was most of its reading; every step here is exact, so the text is the same.
 */
function exactCents(mantissa: number, shift: number): string | null {
	const power = POWERS_OF_TEN[Math.abs(shift)];
	if (power === undefined) return null;
	if (shift >= 0) {
		const c = mantissa * power;
		return Number.isSafeInteger(c) ? String(c) : null;
	}
	// mantissa / power rounded half up: (2 mantissa + power) div (2 power), the remainder taken off first so the division is exact
	const a = 2 * mantissa + power;
	const b = 2 * power;
	return Number.isSafeInteger(a) ? String((a - (a % b)) / b) : null;
}

/** The cents of {@link convertAmount} for figures past {@link exactCents}. */
function bigCents(digits: string, shift: number): string {
	const n = BigInt(digits);
	return (shift >= 0 ? n * 10n ** BigInt(shift) : roundedDivision(n, 10n ** BigInt(-shift))).toString();
}

/** n / d rounded half up, for non-negative n. */
function roundedDivision(n: bigint, d: bigint): bigint {
	return (n * 2n + d) / (d * 2n);
}
