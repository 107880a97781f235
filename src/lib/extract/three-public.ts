/**
 * “三公”经费: the budget table (six amount columns under a two-level header: 合计 | 因公出国（境）费 |
 * 公务用车购置及运行费 {小计, 购置费, 运行费} | 公务接待费) and the 决算 机构运行信息表 rows
 * (预算数, 决算数 per labelled item). Some templates add 会议费 and 培训费 after the 三公 block,
 * with a 合计 over all three before it; those columns are placed but are not 三公 items. Where
 * blank cells are dropped, the figures are placed by 合计 = 出国 + 车辆 + 接待 and 车辆 = 购置 + 运行
 * (and 总合计 = 三公 + 会议费 + 培训费); when several placements fit, figures stated elsewhere in the
 * same document (the narrative) decide, and the choice is recorded.
 */
import { fromCents, isAmountCell, isEmptyMarker, isNumberCell, parseAmount, toCents } from './amount';
import { compare, type CheckRecord } from './checks';
import type { Row } from './layout';
import type { LabelledFigures } from './labelled';
import { distinct, placementsOf, type Vector } from './solver';
import type { ThreePublicItem } from '../storage/schema';
import { flatMap } from './flat-map';

/** The standard column order of the 三公 budget table. */
export const THREE_PUBLIC_COLUMNS: readonly ThreePublicItem[] = ['total', 'outbound', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception'];

export interface ThreePublicFigure {
	item: ThreePublicItem;
	budget: number | null;
	actual: number | null;
	line: number;
}

export interface ThreePublicResult {
	figures: ThreePublicFigure[];
	checks: CheckRecord[];
	problems: { line: number; message: string }[];
}

/** Known values of items from elsewhere in the document, used only to break ties. */
export type Evidence = Partial<Record<ThreePublicItem, number>>;

const holdsBlock = (v: Vector, at: number) =>
	Math.abs(v[at] - (v[at + 1] + v[at + 2] + v[at + 5])) <= 2 && Math.abs(v[at + 2] - (v[at + 3] + v[at + 4])) <= 2;

/** Where the six 三公 columns stand: per block (预算数, 决算数), after a 总合计 when 会议费/培训费 follow. */
interface Columns {
	blocks: 1 | 2;
	/** Columns per block. */
	width: number;
	/** Offset of the 三公 合计 within a block. */
	at: number;
	/** 会议费, 培训费 … after the 三公 columns, each block. */
	extras: number;
}

function columnsOf(headerText: string): Columns {
	const blocks = /预算数/.test(headerText) && /决算数|实际支出|支出数/.test(headerText) ? 2 : 1;
	// PDF text may break the header words (会议 / 费): the first two characters name the column.
	const extras = ['会议', '培训'].filter((w) => headerText.includes(w)).length;
	return extras ? { blocks, width: 7 + extras, at: 1, extras } : { blocks, width: 6, at: 0, extras: 0 };
}

/** The arithmetic of every block: the 三公 sums, and 总合计 = 三公 + the extra columns. */
function holdsAll(v: Vector, c: Columns): boolean {
	for (let b = 0; b < c.blocks; b++) {
		const base = b * c.width;
		if (!holdsBlock(v, base + c.at)) return false;
		const extra = v.slice(base + c.at + 6, base + c.width).reduce((s, x) => s + x, 0);
		if (c.extras && Math.abs(v[base] - (v[base + c.at] + extra)) > 2) return false;
	}
	return true;
}

/**
 * Reads the 三公 table: the first row of bare figures in the segment. A table whose header names
 * both 预算数 and 决算数 (a 决算 disclosure) has its columns twice, budget first.
 */
export function readThreePublicTable(rows: readonly Row[], evidence: Evidence): ThreePublicResult {
	const row = rows.find((r) => r.cells.some((c) => isNumberCell(c.text)) && r.cells.every((c) => c.text === '' || isAmountCell(c.text)));
	if (!row) return { figures: [], checks: [], problems: [] };
	// The title (…会议费、培训费支出预算表) names columns the table may not have: the header decides.
	const headerText = flatMap(rows.filter((r) => r !== row), (r) => r.cells.map((c) => c.text).filter((t) => !/表$/.test(t))).join('');
	const layout = columnsOf(headerText);
	const { blocks } = layout;
	const n = layout.width * blocks;
	const holds = (v: Vector) => holdsAll(v, layout);
	const cells = row.cells.map((c) => c.text);
	if (row.blanksKept) while (cells.length > n && cells[cells.length - 1] === '') cells.pop();
	// Blanks kept, or printed as `-`/`—` where the layout drops them: the row is read by position —
	// unless that breaks the table's sums (a PDF's grid may set a figure a cell right of its
	// column), when its figures are placed by arithmetic like a row without blanks.
	const filled = cells.filter((c) => parseAmount(c) !== null).map((c) => toCents(parseAmount(c) as number));
	const byPosition = (row.blanksKept || cells.some(isEmptyMarker)) && cells.length === n ? [cells.map((c) => toCents(parseAmount(c) ?? 0))].filter(holds) : [];
	const positional = byPosition.length > 0;
	const fitting = positional ? byPosition : distinct(placementsOf(filled, n).filter(holds));
	const { chosen, detail } = breakTie(fitting, blocks === 1 ? evidence : {}, layout.at);
	const checks: CheckRecord[] = [];
	const problems: ThreePublicResult['problems'] = [];
	if (!positional || !chosen) {
		checks.push({ rule: 'three_public.placement', expected: 1, actual: fitting.length, ok: chosen !== null, detail, line: row.line });
	}
	if (!chosen) problems.push({ line: row.line, message: `“三公”经费表：${detail}` });
	if (fitting.length === 0) return { figures: [], checks, problems };
	// Undecided: keep what every fitting placement agrees on (合计, usually 车辆), leave the rest NULL.
	const value = (i: number) => (chosen ? fromCents(chosen[i + layout.at]) : agreed(fitting, i + layout.at));
	const figures = THREE_PUBLIC_COLUMNS.map((item, i) => ({
		item,
		budget: value(i),
		actual: blocks === 2 ? value(i + layout.width) : null,
		line: row.line
	}));
	const arithmetic = [...arithmeticChecks(figures, 'budget'), ...(blocks === 2 ? arithmeticChecks(figures, 'actual') : [])];
	return { figures, checks: [...checks, ...arithmetic], problems };
}

function agreed(vectors: readonly Vector[], i: number): number | null {
	return vectors.every((v) => v[i] === vectors[0][i]) ? fromCents(vectors[0][i]) : null;
}

function breakTie(fitting: Vector[], evidence: Evidence, at: number): { chosen: Vector | null; detail: string } {
	if (fitting.length === 1) return { chosen: fitting[0], detail: '数字所在列由算术唯一确定' };
	if (fitting.length === 0) return { chosen: null, detail: '没有任何摆放满足 合计=出国+车辆+接待、车辆=购置+运行' };
	const agree = fitting.filter((v) =>
		THREE_PUBLIC_COLUMNS.every((item, i) => evidence[item] === undefined || Math.abs(toCents(evidence[item] as number) - v[i + at]) <= 2)
	);
	if (agree.length === 1) {
		return { chosen: agree[0], detail: `算术允许 ${fitting.length} 种摆放，按文字说明中的分项金额选定一种` };
	}
	return { chosen: null, detail: `算术允许 ${fitting.length} 种摆放，文字说明也无法区分：各摆放一致的数字保留，其余留空` };
}

const AGENCY_LABELS: [RegExp, ThreePublicItem][] = [
	[/^(?:三公经费)?支出合计$/, 'total'],
	[/^因公出国[（(]境[）)]费(?:用)?$/, 'outbound'],
	[/^公务用车购置及运行(?:维护)?费$/, 'vehicle'],
	[/^公务用车购置费$/, 'vehicle_purchase'],
	[/^公务用车运行(?:维护)?费$/, 'vehicle_operation'],
	[/^公务接待费$/, 'reception']
];

/** A 预算数 or 决算数 column of the 机构运行信息表's header: the cell its word stands in. */
export interface AgencyColumn {
	at: number;
	field: 'budget' | 'actual';
}

const AGENCY_COLUMN_WORDS: [RegExp, AgencyColumn['field']][] = [
	[/^预算数$/, 'budget'],
	[/^(?:决算数|实际支出(?:数)?)$/, 'actual']
];

/**
 * The header's 预算数 / 决算数 columns, from the first row (blanks kept) naming both; empty where
 * none does. In a PDF the words stand centred over their figures, so a column's figures may stand
 * a cell right of its word.
 */
export function agencyColumns(rows: readonly Row[]): AgencyColumn[] {
	for (const row of rows) {
		if (!row.blanksKept) continue;
		const columns = flatMap(row.cells, (c, at) => {
			const field = AGENCY_COLUMN_WORDS.find(([re]) => re.test(c.text.replace(/\s+/g, '')))?.[1];
			return field ? [{ at, field }] : [];
		});
		if (columns.some((c) => c.field === 'budget') && columns.some((c) => c.field === 'actual')) return columns;
	}
	return [];
}

/**
 * A labelled row's 预算数 and 决算数. Two figure cells are the two columns in order; where blank
 * cells are kept beside them (a PDF's grid: a centred header word takes a cell of its own), each
 * figure belongs to the last header column at or before its cell, and a column takes its figure
 * over a blank.
 */
function budgetAndActual(l: LabelledFigures, columns: readonly AgencyColumn[]): [number | null, number | null] {
	if (l.values.length > 2 && columns.length > 0) {
		const picked: Record<AgencyColumn['field'], number | null> = { budget: null, actual: null };
		l.values.forEach((v, i) => {
			const column = [...columns].reverse().find((c) => c.at <= l.cells[i]);
			if (column && v !== null && picked[column.field] === null) picked[column.field] = v;
		});
		return [picked.budget, picked.actual];
	}
	return l.values.length >= 2 ? [l.values[0] ?? null, l.values[1] ?? null] : [null, l.values[0] ?? null];
}

/** Reads 三公 items from labelled rows (机构运行信息表): 预算数 then 决算数. */
export function readThreePublicLabelled(labelled: readonly LabelledFigures[], columns: readonly AgencyColumn[] = []): ThreePublicResult {
	const figures: ThreePublicFigure[] = [];
	for (const l of labelled) {
		const item = AGENCY_LABELS.find(([re]) => re.test(l.label))?.[1];
		if (!item || figures.some((f) => f.item === item)) continue;
		const [budget, actual] = budgetAndActual(l, columns);
		figures.push({ item, budget, actual, line: l.line });
	}
	const checks = [...arithmeticChecks(figures, 'budget'), ...arithmeticChecks(figures, 'actual')];
	return { figures, checks, problems: [] };
}

/** 合计 = 出国 + 车辆 + 接待 and 车辆 = 购置 + 运行, for budget or actual figures. */
export function arithmeticChecks(figures: readonly ThreePublicFigure[], field: 'budget' | 'actual'): CheckRecord[] {
	const get = (item: ThreePublicItem) => figures.find((f) => f.item === item)?.[field] ?? null;
	const line = figures.find((f) => f.item === 'total')?.line ?? figures[0]?.line ?? null;
	const checks: CheckRecord[] = [];
	const parts = [get('outbound'), get('vehicle'), get('reception')];
	if (get('total') !== null && parts.every((p) => p !== null)) {
		const sum = (parts as number[]).reduce((a, b) => a + b, 0);
		checks.push(compare(`three_public.items_sum.${field}`, get('total'), sum, `“三公”经费${field === 'budget' ? '预算数' : '决算数'}：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费`, line));
	}
	const vehicleParts = [get('vehicle_purchase'), get('vehicle_operation')];
	if (get('vehicle') !== null && vehicleParts.every((p) => p !== null)) {
		const sum = (vehicleParts as number[]).reduce((a, b) => a + b, 0);
		checks.push(compare(`three_public.vehicle_sum.${field}`, get('vehicle'), sum, `公务用车购置及运行维护费 = 购置费 + 运行维护费（${field === 'budget' ? '预算数' : '决算数'}）`, line));
	}
	return checks;
}
