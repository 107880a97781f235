/**
 * The tables of one document, read into what the later stages need: the function and economic
 * tables, the breakdowns, the 收支总表 figures, the 三公 figures and the agency measures. Each table
 * kind has its reader; the first table of a kind that holds figures is used, later ones of the
 * same kind serve only as cross-checks.
 */
import type { CheckRecord } from './checks';
import { readCodedTable, type CodedTable } from './coded-table';
import type { Diagnostic } from './errors';
import { FUND_NAME, type FundScheme, type OtherFund } from './funds';
import { totalOf } from './headline';
import { dropRowNumbers } from './labelled';
import type { Row } from './layout';
import type { NarrativeFigures } from './narrative';
import type { Segment } from './segments';
import type { TableKind } from './table-kind';
import {
	agencyInfo,
	crossCheckCodedTables,
	economicRows,
	functionRows,
	problemsToDiagnostics,
	projectBreakdown,
	summaryTableFigures,
	type SummaryTableFigures,
	type TableFigure
} from './tables';
import { readThreePublicTable, type Evidence, type ThreePublicResult } from './three-public';
import type { BreakdownRow, EconomicRow, FunctionRow } from './types';
import { toWanRows, type TableUnit } from './units';
import type { SummaryMeasure, ThreePublicItem } from '../storage/schema';

export type { TableUnit } from './units';

export interface TableSegment {
	segment: Segment;
	kind: TableKind;
	rows: Row[];
	/** The unit the table is printed in; absent where none was read (万元 assumed). */
	unit?: TableUnit;
}

export interface TableOutputs {
	functionTable: CodedTable | null;
	functionRows: FunctionRow[];
	economicRows: EconomicRow[];
	breakdownRows: BreakdownRow[];
	economicTable: CodedTable | null;
	summaryTable: SummaryTableFigures | null;
	otherSummaryTables: SummaryTableFigures[];
	measures: Partial<Record<SummaryMeasure, TableFigure>>;
	threePublic: ThreePublicResult | null;
	/** 政府性基金 / 国有资本经营 spending tables that read cleanly, for the reconciliations. */
	otherFunds: OtherFund[];
	checks: CheckRecord[];
}

interface ReadContext {
	out: TableOutputs;
	narrative: NarrativeFigures;
	diagnostics: Diagnostic[];
	/** Tables printing the same codes as the function table (部门支出总表, 支出决算表), for cross-checks. */
	others: { table: CodedTable; label: string }[];
}

type Reader = (t: TableSegment, label: string, ctx: ReadContext) => void;

const READERS: Partial<Record<TableKind, Reader>> = {
	function: readFunctionTable,
	economic_basic: readEconomicBasic,
	economic_project: readEconomicProject,
	dept_expenditure: readDeptExpenditure,
	summary: readSummaryTable,
	agency_info: readAgencyInfo,
	three_public: readThreePublic,
	operating_cost: readOperatingCost,
	other_fund: readOtherFund
};

/** Reads every recognised table; skipped kinds are left to the diagnostics. */
export function readTables(tables: readonly TableSegment[], narrative: NarrativeFigures, diagnostics: Diagnostic[]): TableOutputs {
	const out: TableOutputs = {
		functionTable: null, functionRows: [], economicRows: [], breakdownRows: [], economicTable: null,
		summaryTable: null, otherSummaryTables: [], measures: {}, threePublic: null, otherFunds: [], checks: []
	};
	const ctx: ReadContext = { out, narrative, diagnostics, others: [] };
	for (const t of byPreference(tables)) READERS[t.kind]?.(inWan(t), t.segment.title as string, ctx);
	if (out.functionTable) for (const o of ctx.others) out.checks.push(...crossCheckCodedTables(out.functionTable, o.table, o.label, out.otherFunds));
	return out;
}

/**
 * The tables in reading order: a 基本支出 table of the general budget (一般公共预算) before one of
 * all 财政拨款, so that economic_expenditure is the general budget's wherever both are printed.
 */
function byPreference(tables: readonly TableSegment[]): TableSegment[] {
	const later = (t: TableSegment) => (t.kind === 'economic_basic' && !/一般公共预算/.test(t.segment.title ?? '') ? 1 : 0);
	return [...tables].sort((a, b) => later(a) - later(b));
}

/** The table as the readers see it: without the 行次/栏次 numbering, its figures in 万元. */
function inWan(t: TableSegment): TableSegment {
	return { ...t, rows: toWanRows(dropRowNumbers(t.rows), t.unit?.scale ?? 1) };
}

/** Figures converted to 万元 here carry our rounding, which the checks must allow for. */
const converted = (t: TableSegment): boolean => (t.unit?.scale ?? 1) !== 1;

function readFunctionTable(t: TableSegment, label: string, { out, diagnostics }: ReadContext): void {
	if (out.functionTable) return;
	const { table, rows } = functionRows(t.rows, label, converted(t));
	if (rows.length === 0) return;
	Object.assign(out, { functionTable: table, functionRows: rows });
	out.checks.push(...table.checks);
	diagnostics.push(...problemsToDiagnostics(table, 'solve'));
}

/** 基本支出 by 部门经济分类 (30x) feeds economic_expenditure; by 政府经济分类 (50x), the breakdown. */
function readEconomicBasic(t: TableSegment, label: string, { out, diagnostics }: ReadContext): void {
	const { table, economic, breakdown } = economicRows(t.rows, label, converted(t));
	const used = economic.length > 0 && !out.economicTable;
	if (used) {
		out.economicTable = table;
		out.economicRows.push(...economic);
	}
	out.breakdownRows.push(...breakdown);
	// A second 部门经济分类 table (财政拨款 beside 一般公共预算) is reconciled under its own rule names.
	const prefix = breakdown.length ? 'economic_gov' : used ? 'economic' : /财政拨款/.test(label) && !/一般公共预算/.test(label) ? 'economic_appropriation' : 'economic_other';
	// Under the table's own prefix the checks keep their names: no renamed copy of each.
	if (economic.length > 0 || breakdown.length > 0) out.checks.push(...(prefix === 'economic' ? table.checks : table.checks.map((c) => ({ ...c, rule: c.rule.replace(/^economic/, prefix) }))));
	diagnostics.push(...problemsToDiagnostics(table, 'solve'));
}

function readEconomicProject(t: TableSegment, label: string, { out }: ReadContext): void {
	const { table, breakdown } = projectBreakdown(t.rows, label, converted(t));
	out.breakdownRows.push(...breakdown);
	const prefix = `economic_project_${breakdown[0]?.scheme ?? 'x'}`;
	out.checks.push(...table.checks.map((c) => ({ ...c, rule: c.rule.replace(/^economic_project/, prefix) })));
}

function readDeptExpenditure(t: TableSegment, label: string, { others }: ReadContext): void {
	const table = functionRows(t.rows, label, converted(t)).table;
	if (table.rows.length > 0) others.push({ table, label });
}

/**
 * The department's own 收支总表 (部门收支总表, 收入支出决算总表) gives the headline totals; the
 * 财政拨款 ones are kept for cross-checks.
 */
function readSummaryTable(t: TableSegment, label: string, { out }: ReadContext): void {
	const figures = summaryTableFigures(t.rows, label);
	if (!figures.measures.income_total && !figures.measures.expenditure_total) return;
	const isDepartmentTotal = !/财政拨款/.test(label);
	if (!out.summaryTable || isDepartmentTotal) {
		if (out.summaryTable) out.otherSummaryTables.push(out.summaryTable);
		out.summaryTable = figures;
	} else out.otherSummaryTables.push(figures);
}

/** 机关运行经费支出表 (by 经济分类): its 合计 is the operating cost; its rows reconcile like any coded table. */
function readOperatingCost(t: TableSegment, label: string, { out, diagnostics }: ReadContext): void {
	const table = readCodedTable(t.rows, { prefix: 'operating_cost', label, alwaysTotal: true, converted: converted(t) });
	const value = totalOf(table, 'total');
	if (value === null || !table.total) return;
	out.measures.operating_cost ??= { value, line: table.total.line };
	out.checks.push(...table.checks);
	diagnostics.push(...problemsToDiagnostics(table, 'solve'));
}

function readAgencyInfo(t: TableSegment, _label: string, { out }: ReadContext): void {
	const { threePublic, measures } = agencyInfo(t.rows);
	Object.assign(out.measures, measures);
	if (threePublic.figures.length) {
		out.threePublic = threePublic;
		out.checks.push(...threePublic.checks);
	}
}

function readThreePublic(t: TableSegment, _label: string, { out, narrative, diagnostics }: ReadContext): void {
	if (out.threePublic) return;
	const result = readThreePublicTable(t.rows, evidenceOf(narrative));
	diagnostics.push(...problemsToDiagnostics(result, 'solve'));
	out.checks.push(...result.checks);
	if (result.figures.length) out.threePublic = result;
}

/**
 * 政府性基金 / 国有资本经营 spending, read like the function table. It stays out of
 * function_expenditure (the general public budget), but the tables and prose that cover every fund
 * are reconciled against general + these, so a table is used only when every row reads cleanly.
 */
function readOtherFund(t: TableSegment, label: string, { out, diagnostics }: ReadContext): void {
	const scheme: FundScheme = /国有资本经营/.test(label) ? 'state_capital' : 'government_fund';
	const table = readCodedTable(t.rows, { prefix: scheme, label, alwaysTotal: true, converted: converted(t) });
	if (table.rows.length === 0) return;
	const line = t.segment.titleLine;
	const rows = table.total ? [table.total, ...table.rows] : table.rows;
	if (table.problems.length > 0 || rows.some((r) => r.values.some((v) => v === null))) {
		const message = `“${label}”有金额但未能逐行读出，核对时没有计入${FUND_NAME[scheme]}支出 (fund table not used)`;
		diagnostics.push({ severity: 'warning', stage: 'tables', line, message }, ...problemsToDiagnostics(table, 'solve'));
		return;
	}
	out.otherFunds.push({ scheme, table, label });
	out.checks.push(...table.checks);
	const message = `“${label}”只用于核对：收支总表与部门支出总表包含${FUND_NAME[scheme]}支出（function_expenditure 只含一般公共预算）`;
	diagnostics.push({ severity: 'info', stage: 'tables', line, message });
}

/** 三公 items the prose states: the only evidence allowed to break a placement tie. */
function evidenceOf(narrative: NarrativeFigures): Evidence {
	const e: Evidence = {};
	for (const [item, f] of Object.entries(narrative.threePublic)) if (f) e[item as ThreePublicItem] = f.value;
	return e;
}
