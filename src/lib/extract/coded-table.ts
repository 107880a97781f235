/**
 * Stage 5: a classification table (功能分类 or 经济分类) from its entries. Columns come from the
 * header words; each row's figures are placed into columns by arithmetic (see solver.ts); the
 * result is a row per code with its values and how they were placed, plus the reconciliations
 * run on the way (row sums, children sums per column, placements).
 */
import { rememberLast } from './remember-last';
import { fromCents, isEmptyMarker, parseAmount, round2, toCents, toHalfWidth } from './amount';
import { CHECK_TOLERANCE, compare, convertedTolerance, type CheckRecord } from './checks';
import type { Cell, Row } from './layout';
import { parseEntries, type Entry } from './entries';
import { distinctPlacements, solveTree, sumTolerance, type Placement, type SolverNode, type Vector } from './solver';
import { flatMap } from './flat-map';

/**
 * A column's meaning. 合计 = the parts (basic … other); the columns beside the spending
 * (年初结转和结余, 本年收入, 年末结转和结余 of a fund's 收入支出决算表) are outside that sum but add
 * up the classification tree like the others.
 */
export type ColumnRole = 'total' | 'basic' | 'project' | 'personnel' | 'public' | 'other' | 'carry_in' | 'income' | 'carry_out';

export interface CodedRow {
	code: string;
	name: string;
	level: number;
	parentCode: string | null;
	line: number;
	/** Values in 万元 per column; null where the placement left the column undecided. */
	values: (number | null)[];
	placement: Placement;
	/** True when blank cells were dropped and the placement came from arithmetic. */
	solved: boolean;
}

export interface CodedTable {
	columns: ColumnRole[];
	total: CodedRow | null;
	rows: CodedRow[];
	checks: CheckRecord[];
	/** Rows the extractor could not read, for the diagnostics. */
	problems: { line: number; message: string }[];
}

export interface CodedTableOptions {
	/** Rule prefix for checks, e.g. `function`. */
	prefix: string;
	/** Human name of the table for messages, e.g. its title. */
	label: string;
	/** Whether the table always has a total column even if the header does not say so. */
	alwaysTotal: boolean;
	/** Whether the figures were converted to 万元 here (from 元 …), each rounded on its own. */
	converted?: boolean;
}

const HEADER_ROLES: [RegExp, ColumnRole][] = [
	[/^(?:合计|总计|小计|本年支出合计)$/, 'total'],
	[/^基本支出$/, 'basic'],
	[/^项目支出$/, 'project'],
	[/^人员经费$/, 'personnel'],
	[/^(?:日常)?公用经费$/, 'public'],
	[/^(?:上缴上级支出|经营支出|对附属单位补助支出)$/, 'other'],
	[/^年初(?:财政拨款)?结转和结余$/, 'carry_in'],
	[/^本年收入(?:合计)?$/, 'income'],
	[/^年末(?:财政拨款)?结转和结余$/, 'carry_out']
];
export const ROLE_LABEL: Record<ColumnRole, string> = {
	total: '合计',
	basic: '基本支出',
	project: '项目支出',
	personnel: '人员经费',
	public: '公用经费',
	other: '其他',
	carry_in: '年初结转和结余',
	income: '本年收入',
	carry_out: '年末结转和结余'
};
const PART_ORDER: ColumnRole[] = ['basic', 'project', 'personnel', 'public'];
/** Where the columns beside the spending stand in the national template: before it, after it. */
const BEFORE: ColumnRole[] = ['carry_in', 'income'];
const AFTER: ColumnRole[] = ['carry_out'];
const isPart = (r: ColumnRole) => PART_ORDER.includes(r) || r === 'other';

/**
 * Reads the columns a table declares in its header. Without part columns in the header, the
 * labelled 人员经费合计 / 公用经费合计 of a 基本支出 table with one 决算数 column name them.
 */
export function detectColumns(headerCells: readonly Cell[], alwaysTotal: boolean): ColumnRole[] {
	const seen: ColumnRole[] = [];
	// Each 'other' column once by its word: a header repeated on the next page names them again.
	const others = new Set<string>();
	// The labelled totals' roles, read from the same squeezed text (every label ends in 合计).
	const labelled = new Set<ColumnRole>();
	for (const cell of headerCells) {
		const t = cell.text.replace(/\s+/g, '');
		const role = HEADER_ROLES.find(([re]) => re.test(t))?.[1];
		if (role === 'other' ? !others.has(t) : role && !seen.includes(role)) {
			seen.push(role as ColumnRole);
			if (role === 'other') others.add(t);
		}
		const total = t.includes('合计') ? LABELLED_TOTAL_ROLES[t.replace(/[：:]$/, '')] : undefined;
		if (total) labelled.add(total);
	}
	if (!seen.some(isPart) && labelled.has('personnel') && labelled.has('public')) seen.push('personnel', 'public');
	const aside = (order: ColumnRole[]) => order.filter((r) => seen.includes(r));
	return [...aside(BEFORE), ...spendingColumns(seen, alwaysTotal), ...aside(AFTER)];
}

function spendingColumns(seen: readonly ColumnRole[], alwaysTotal: boolean): ColumnRole[] {
	const parts = seen.filter(isPart);
	// A single amount column (基本支出 only, 项目支出 only) is that table's total.
	if (parts.length === 1 && parts[0] !== 'other') return ['total'];
	const hasTotal = alwaysTotal || seen.includes('total') || parts.length === 0;
	const ordered = PART_ORDER.filter((r) => parts.includes(r));
	return [...(hasTotal ? (['total'] as ColumnRole[]) : []), ...ordered, ...parts.filter((r) => r === 'other')];
}

/** The code under which a table's 合计 row is kept (its solver node, its CodedRow, its check rules). */
export const TOTAL_CODE = '合计';

/** Reads a classification table from its rows. */
export function readCodedTable(rows: readonly Row[], options: CodedTableOptions): CodedTable {
	const { entries, headerCells, unfinished } = parseEntries(rows);
	const columns = detectColumns(headerCells, options.alwaysTotal);
	const problems: CodedTable['problems'] = unfinished.map((e) => ({
		line: e.line,
		message: `${options.label}：科目 ${e.code} ${e.name} 找不到数字，未读入 (row without figures)`
	}));
	const coded = dedupeCodes(entries.filter((e) => e.code !== null), problems, options.label);
	const totalEntry = entries.find((e) => e.code === null) ?? null;
	const printedTotals = labelledTotalFigures(rows);
	const labelled = labelledTotals(printedTotals, columns);
	const converted = options.converted === true;
	const blockOf = blockFinder(rows, columns, coded, printedTotals, converted);
	const ctx: NodeContext = { columns, problems, label: options.label, converted, holds: rowArithmetic(columns, converted), blockOf };
	const nodes = buildNodes(coded, totalEntry, labelled, ctx);
	const placements = solveTree({ nodes, total: null, columns: columns.length });
	const printed = new Set(coded.map((e) => e.code as string));
	const rowsOut = coded.map((e) => toRow(e, placements.get(e.code as string) as Placement, printed, columns));
	const total = totalEntry || labelled ? toTotalRow(totalEntry, labelled, placements.get(TOTAL_CODE), columns) : null;
	const checks = tableChecks(rowsOut, total, columns, options.prefix, ctx.converted);
	return { columns, total, rows: rowsOut, checks, problems };
}

/** A code printed twice keeps its first row; the second is reported. */
function dedupeCodes(entries: Entry[], problems: CodedTable['problems'], label: string): Entry[] {
	const seen = new Set<string>();
	return entries.filter((e) => {
		const code = e.code as string;
		if (seen.has(code)) {
			problems.push({ line: e.line, message: `${label}：科目 ${code} 重复出现，已忽略第二次 (duplicate code)` });
			return false;
		}
		seen.add(code);
		return true;
	});
}

/**
 * `人员经费合计 420.36 公用经费合计 179.77`: totals printed as labels instead of a 合计 row. The
 * figure is the next non-blank cell: a label merged over several columns leaves blank cells
 * between itself and its figure where blanks are kept.
 */
function labelledTotalFigures(rows: readonly Row[]): Map<ColumnRole, { cents: number; line: number }> {
	const found = new Map<ColumnRole, { cents: number; line: number }>();
	for (const row of rows) {
		row.cells.forEach((cell, i) => {
			if (!cell.text.includes('合计')) return; // every label below ends in 合计: most cells are skipped unnormalised
			const role = LABELLED_TOTAL_ROLES[cell.text.replace(/\s+/g, '').replace(/[：:]$/, '')];
			if (!role) return;
			const figure = row.cells.slice(i + 1).find((c) => c.text !== '');
			const value = figure ? parseAmount(figure.text) : null;
			if (value !== null) found.set(role, { cents: toCents(value), line: cell.line });
		});
	}
	return found;
}

/** The labelled totals as the 合计 row of `columns`, when they give every part column. */
function labelledTotals(found: ReadonlyMap<ColumnRole, { cents: number; line: number }>, columns: ColumnRole[]): { vector: Vector; line: number } | null {
	const parts = columns.filter((c) => c !== 'total');
	if (found.size === 0 || parts.length === 0 || !parts.every((p) => found.has(p))) return null;
	const partSum = parts.reduce((s, p) => s + (found.get(p)?.cents ?? 0), 0);
	const vector = columns.map((c) => (c === 'total' ? partSum : (found.get(c)?.cents ?? 0)));
	return { vector, line: Math.min(...[...found.values()].map((f) => f.line)) };
}

/** Labels of totals printed in a row of their own (each ends in 合计, which labelledTotals relies on). */
const LABELLED_TOTAL_ROLES: Record<string, ColumnRole> = {
	人员经费合计: 'personnel',
	公用经费合计: 'public',
	基本支出合计: 'basic',
	项目支出合计: 'project'
};

/** What placing a table's rows needs beside the rows themselves. */
interface NodeContext {
	columns: ColumnRole[];
	problems: CodedTable['problems'];
	label: string;
	converted: boolean;
	/** The table's row arithmetic (rowArithmetic), made once for all its rows. */
	holds: (v: Vector) => boolean;
	/** The 人员经费 / 公用经费 block an entry stands in, where the layout says. */
	blockOf: (e: Entry) => ColumnRole | null;
}

function buildNodes(coded: Entry[], totalEntry: Entry | null, labelled: { vector: Vector } | null, ctx: NodeContext): SolverNode[] {
	const hasTotal = totalEntry !== null || labelled !== null;
	const nodes: SolverNode[] = [];
	if (hasTotal) {
		const candidates = labelled ? [labelled.vector] : candidatesOf(totalEntry as Entry, ctx);
		nodes.push({ key: TOTAL_CODE, parent: null, candidates });
	}
	const codes = new Set(coded.map((e) => e.code as string));
	for (const e of coded) {
		const parent = parentCodeOf(e.code as string, codes);
		const block = ctx.blockOf(e);
		// In a block, the blank cells after the entry's figure are the next block's (or a blank
		// block's), not its own columns: it is placed by arithmetic and its block, never by position.
		const candidates = inBlock(candidatesOf(e, ctx, block === null), ctx.columns.indexOf(block as ColumnRole));
		const slackTotal = candidates.length === 0 ? printedTotal(e, ctx.columns) : undefined;
		nodes.push({ key: e.code as string, parent: parent ?? (hasTotal ? TOTAL_CODE : null), candidates, slackTotal });
	}
	return nodes;
}

/** The placements that put the row's figure in its block's column (all of them when none does). */
function inBlock(candidates: Vector[], column: number): Vector[] {
	if (column < 0) return candidates;
	const fitting = candidates.filter((v) => v.every((x, c) => c === column || x === 0));
	return fitting.length > 0 ? fitting : candidates;
}

/**
 * Side-by-side 基本支出 tables print 人员经费 and 公用经费 as blocks of code–name–决算数 groups
 * under a header naming each block; an entry's block is that of the group its code stands in
 * (where blanks are kept). A block may span several groups, and its name stands at the left of
 * them (a merged cell) or centred over them (a PDF, text laid out by position), so where it
 * stands does not say which groups it covers: the labelled totals (人员经费合计, 公用经费合计) do.
 * Of the ways to cut the groups, in order, into the blocks, the one whose 类 rows add up to
 * every labelled total is taken; where none or several do, a group belongs to the last block
 * name at or before its code.
 */
function blockFinder(
	rows: readonly Row[],
	columns: readonly ColumnRole[],
	coded: readonly Entry[],
	totals: ReadonlyMap<ColumnRole, { cents: number }>,
	converted: boolean
): (e: Entry) => ColumnRole | null {
	const blocks = blockHeader(rows, columns);
	if (blocks.length < 2) return () => null;
	// by the line of each cell: where each cell has a line of its own, an entry's line is its code's
	const byLine = new Map<number, Row>();
	for (const r of rows) if (r.blanksKept) for (const c of r.cells) byLine.set(c.line, r);
	// the cell each entry's code stands in (-1: not found), looked up once
	const groups = new Map(coded.map((e) => [e, (byLine.get(e.line)?.cells ?? []).findIndex((c) => toHalfWidth(c.text) === e.code)]));
	const groupOf = (e: Entry): number => groups.get(e) ?? -1;
	const byPosition = (at: number) => [...blocks].reverse().find((b) => b.start <= at)?.role ?? null;
	const bySums = blocksBySums(coded, groupOf, blocks.map((b) => b.role), totals, converted);
	return (e) => {
		const at = groupOf(e);
		return at < 0 ? null : (bySums?.get(at) ?? byPosition(at));
	};
}

/**
 * The groups (by the cell their codes stand in) of each block, when exactly one cut of the
 * groups, in order, into the blocks, in order, makes each block's 类 rows (three-digit codes)
 * add up to its labelled total; null otherwise.
 */
function blocksBySums(
	coded: readonly Entry[],
	groupOf: (e: Entry) => number,
	roles: readonly ColumnRole[],
	totals: ReadonlyMap<ColumnRole, { cents: number }>,
	converted: boolean
): Map<number, ColumnRole> | null {
	if (!roles.every((r) => totals.has(r))) return null;
	const sums = new Map<number, { cents: number; n: number }>();
	for (const e of coded) {
		const at = groupOf(e);
		if (at < 0) return null; // an entry whose group is unknown: its sums would be wrong
		const g = sums.get(at) ?? { cents: 0, n: 0 };
		sums.set(at, g);
		if ((e.code as string).length !== 3) continue;
		const value = e.figures.map(parseAmount).find((v) => v !== null);
		if (value !== undefined && value !== null) {
			g.cents += toCents(value);
			g.n++;
		}
	}
	const groups = [...sums.keys()].sort((a, b) => a - b);
	if (groups.length < roles.length) return null;
	const matching: number[][] = [];
	// cuts[i]: the index of the first group of block i + 1
	const tryCuts = (cuts: number[]): void => {
		if (cuts.length === roles.length - 1) {
			const bounds = [0, ...cuts, groups.length];
			const fits = roles.every((role, i) => {
				const own = groups.slice(bounds[i], bounds[i + 1]).map((g) => sums.get(g)!);
				const cents = own.reduce((s, g) => s + g.cents, 0);
				const n = own.reduce((s, g) => s + g.n, 0);
				return Math.abs(cents - (totals.get(role) as { cents: number }).cents) <= partsTolerance(n, converted);
			});
			if (fits) matching.push(cuts);
			return;
		}
		const from = (cuts.at(-1) ?? 0) + 1;
		for (let c = from; c <= groups.length - (roles.length - 1 - cuts.length); c++) tryCuts([...cuts, c]);
	};
	tryCuts([]);
	if (matching.length !== 1) return null;
	const bounds = [0, ...matching[0], groups.length];
	const out = new Map<number, ColumnRole>();
	roles.forEach((role, i) => groups.slice(bounds[i], bounds[i + 1]).forEach((g) => out.set(g, role)));
	return out;
}

function blockHeader(rows: readonly Row[], columns: readonly ColumnRole[]): { start: number; role: ColumnRole }[] {
	if (!columns.includes('personnel') || !columns.includes('public')) return [];
	for (const row of rows) {
		if (!row.blanksKept) continue;
		// most lines name no block: nothing is allocated for them
		let blocks: { start: number; role: ColumnRole }[] | null = null;
		for (let start = 0; start < row.cells.length; start++) {
			const text = row.cells[start].text;
			const role = BLOCK_NAMES.get(/\s/.test(text) ? text.replace(/\s+/g, '') : text);
			if (role) (blocks ??= []).push({ start, role });
		}
		if (blocks !== null && blocks.length >= 2) return blocks;
	}
	return [];
}

const BLOCK_NAMES = new Map<string, ColumnRole>([
	['人员经费', 'personnel'],
	['公用经费', 'public'],
	['日常公用经费', 'public']
]);

/**
 * The likely 合计 of a row whose figures fit no placement: its first figure, in a table whose first
 * column is the 合计 (that column comes first and is blank only when every part is). Only a
 * hypothesis for the solver, which uses it as slack where the parent's 合计 column balances with
 * it exactly; it is not reported as the row's value.
 */
function printedTotal(e: Entry, columns: readonly ColumnRole[]): number | undefined {
	if (columns[0] !== 'total') return undefined;
	const first = e.figures.map((f) => parseAmount(f)).find((v) => v !== null);
	return first === undefined || first === null ? undefined : toCents(first);
}

/** Nearest printed ancestor: 2010301 → 20103 → 201. */
export function parentCodeOf(code: string, printed: ReadonlySet<string>): string | null {
	for (let len = code.length - 2; len >= 3; len -= 2) {
		if (printed.has(code.slice(0, len))) return code.slice(0, len);
	}
	return null;
}

/**
 * The placements a row's own arithmetic allows. A row that fills every column — blanks kept, or
 * blanks printed as `-`/`—` where the layout drops them — is read by position (`byPosition`:
 * unless it stands in a side-by-side block, whose cells are not the table's columns).
 */
function candidatesOf(e: Entry, { columns, problems, label, holds }: NodeContext, byPosition = true): Vector[] {
	const n = columns.length;
	const cells = e.blanksKept ? fitKeptBlanks(e.figures, n) : e.figures.filter((f) => f !== '');
	const amounts = cells.map(parseAmount); // each cell parsed once: both readings below need it
	if (byPosition && cells.length === n && (e.blanksKept || cells.some(isEmptyMarker))) return [amounts.map((a) => toCents(a ?? 0))];
	const filled = amounts.filter((a) => a !== null).map((a) => toCents(a as number));
	if (filled.length > n) {
		problems.push({ line: e.line, message: `${label}：${e.code ?? '合计'} 有 ${filled.length} 个数字，但表只有 ${n} 列 (too many figures)` });
		return [];
	}
	const fits = distinctPlacements(filled, n, holds);
	if (fits.length === 0) {
		problems.push({ line: e.line, message: `${label}：${e.code ?? '合计'} 的 ${filled.length} 个数字放不进 ${n} 列且满足合计=各项之和 (no placement fits)` });
	}
	return fits;
}

/** Kept-blank rows may carry extra blank cells (the name column of a total row, trailing tabs). */
function fitKeptBlanks(figures: readonly string[], n: number): string[] {
	const out = [...figures];
	while (out.length > n && out[0] === '') out.shift();
	while (out.length > n && out[out.length - 1] === '') out.pop();
	return out;
}

/** How far `n` parts may miss their 合计: 2 cents printed, half a cent a figure converted here. */
function partsTolerance(n: number, converted: boolean): number {
	return converted ? sumTolerance(n) : 2;
}

/**
 * 合计 = the parts within a row: 2 cents for printed figures, half a cent per figure for converted
 * ones. The columns are looked up once per row, not once per candidate placement.
 */
function rowArithmetic(columns: ColumnRole[], converted: boolean): (v: Vector) => boolean {
	const t = columns.indexOf('total');
	const parts = partColumns(columns);
	if (t < 0 || parts.length === 0) return () => true;
	const tolerance = partsTolerance(parts.length, converted);
	return (v) => Math.abs(v[t] - parts.reduce((s, c) => s + v[c], 0)) <= tolerance;
}

/** Indices of the columns that add up to the 合计, found once per table's columns (asked for every row, one table after another). */
const partColumns = rememberLast((columns: readonly ColumnRole[]): readonly number[] => flatMap(columns, (r, i) => (isPart(r) ? [i] : [])));

/** Values per column, NULL where undecided — everywhere for a row whose printed figures contradict each other. */
function toValues(p: Placement | undefined, n: number): (number | null)[] {
	if (!p || p.status === 'impossible') return Array(n).fill(null);
	return p.vector.map((c, i) => (p.uncertainColumns.includes(i) ? null : fromCents(c)));
}

function toRow(e: Entry, p: Placement, printed: ReadonlySet<string>, columns: ColumnRole[]): CodedRow {
	const code = e.code as string;
	const filled = e.figures.filter((f) => f !== '').length;
	return {
		code,
		name: e.name,
		level: (code.length - 1) / 2,
		parentCode: parentCodeOf(code, printed) ?? (code.length > 3 ? code.slice(0, code.length - 2) : null),
		line: e.line,
		values: toValues(p, columns.length),
		placement: p,
		solved: !(e.blanksKept && e.figures.length >= columns.length) && filled < columns.length
	};
}

function toTotalRow(e: Entry | null, labelled: { vector: Vector; line: number } | null, p: Placement | undefined, columns: ColumnRole[]): CodedRow {
	return {
		code: TOTAL_CODE,
		name: '合计',
		level: 0,
		parentCode: null,
		line: e?.line ?? labelled?.line ?? 0,
		values: toValues(p, columns.length),
		placement: p as Placement,
		solved: false
	};
}

/** A column's name in rule names; repeated roles (several 'other' columns) get their position. */
function columnKey(columns: readonly ColumnRole[], c: number): string {
	const role = columns[c];
	return columns.filter((r) => r === role).length > 1 ? `${role}${c}` : role;
}

/**
 * Row sums, children sums per column, and the placements that were not unique. Each loop is a
 * function of its own, so that V8 re-optimising one (a table of another column layout, see
 * contract-rows.ts) does not recompile the other.
 */
function tableChecks(rows: CodedRow[], total: CodedRow | null, columns: ColumnRole[], prefix: string, converted: boolean): CheckRecord[] {
	const tolerance = (summands: number) => (converted ? convertedTolerance(summands) : CHECK_TOLERANCE);
	const checks: CheckRecord[] = [];
	const all = total ? [total, ...rows] : rows;
	rowChecks(checks, all, columns, prefix, tolerance);
	childrenChecks(checks, all, childrenByParent(rows), columns, prefix, tolerance);
	return checks;
}

/** Each row's placement when it was not unique, and its row sum (合计 = the parts). */
function rowChecks(checks: CheckRecord[], all: readonly CodedRow[], columns: ColumnRole[], prefix: string, tolerance: (summands: number) => number): void {
	const t = columns.indexOf('total');
	const parts = partColumns(columns);
	// The words of the row-sum rule are the table's, not a row's: made once.
	const partsWords = parts.map((c) => ROLE_LABEL[columns[c]]).join(' + ');
	// Indexed loops and sums without an array per row and column: a table makes a hundred checks or more.
	for (let i = 0; i < all.length; i++) {
		const r = all[i];
		if (r.solved || r.placement?.status !== 'unique') checks.push(placementCheck(r, prefix, columns));
		if (t >= 0 && parts.length > 0) {
			const detail = `${r.code} ${r.name}：合计 = ${partsWords}`;
			checks.push(compare(`${prefix}.row_sum:${r.code}`, r.values[t], sumOfColumns(r.values, parts), detail, r.line, tolerance(parts.length)));
		}
	}
}

/** Each parent's figure in every column against the sum of its children's. */
function childrenChecks(
	checks: CheckRecord[],
	all: readonly CodedRow[],
	children: ReadonlyMap<string, CodedRow[]>,
	columns: ColumnRole[],
	prefix: string,
	tolerance: (summands: number) => number
): void {
	// Each column's key is the table's, not a row's: made once.
	const keys = columns.map((_, c) => columnKey(columns, c));
	for (let i = 0; i < all.length; i++) {
		const parent = all[i];
		const kids = children.get(parent.code);
		if (kids === undefined || kids.length === 0) continue;
		for (let c = 0; c < columns.length; c++) {
			const detail = `${parent.code} ${parent.name}：${ROLE_LABEL[columns[c]]}等于下级科目之和`;
			checks.push(compare(`${prefix}.children_sum:${parent.code}.${keys[c]}`, parent.values[c], sumOfColumn(kids, c), detail, parent.line, tolerance(kids.length)));
		}
	}
}

/** sumOrNull of a row's values in `columns`. */
function sumOfColumns(values: readonly (number | null)[], columns: readonly number[]): number | null {
	let s = 0;
	for (let i = 0; i < columns.length; i++) {
		const v = values[columns[i]];
		if (v === null) return null;
		s += v;
	}
	return round2(s);
}

/** sumOrNull of column `c` over `rows`. */
function sumOfColumn(rows: readonly CodedRow[], c: number): number | null {
	let s = 0;
	for (let i = 0; i < rows.length; i++) {
		const v = rows[i].values[c];
		if (v === null) return null;
		s += v;
	}
	return round2(s);
}

/** Rows grouped under their printed parent's code (TOTAL_CODE when it is not printed), in row order. */
function childrenByParent(rows: readonly CodedRow[]): Map<string, CodedRow[]> {
	const printed = new Set(rows.map((r) => r.code));
	const groups = new Map<string, CodedRow[]>();
	for (const r of rows) {
		const key = r.parentCode && printed.has(r.parentCode) ? r.parentCode : TOTAL_CODE;
		const group = groups.get(key);
		if (group) group.push(r);
		else groups.set(key, [r]);
	}
	return groups;
}

/** Whether a row's columns were decided by arithmetic; the detail names what was left NULL. */
function placementCheck(r: CodedRow, prefix: string, columns: readonly ColumnRole[]): CheckRecord {
	const fits = r.placement?.fits ?? 0;
	const undecided = columns.filter((_, c) => r.values[c] === null).map((role) => ROLE_LABEL[role]).join('、');
	const what =
		fits === 1 ? '由算术唯一确定' : fits === 0 ? '没有任何摆放满足算术关系' : `有 ${fits} 种以上摆放都满足算术关系`;
	const left = fits === 1 || !undecided ? '' : `，${undecided}留空`;
	return { rule: `${prefix}.placement:${r.code}`, expected: 1, actual: fits, ok: fits === 1, detail: `${r.code} ${r.name} 的数字所在列${what}${left}`, line: r.line };
}
