/**
 * One reader per standard table: the rows of one table segment → its contract rows (function,
 * economic, breakdown) or its figures (收支总表, 机构运行信息表), and the cross-check of two tables
 * printing the same codes. Which segment each reader gets is decided in read-tables.ts.
 */
import { round2 } from './amount';
import { compare, type CheckRecord } from './checks';
import { readCodedTable, ROLE_LABEL, type CodedRow, type CodedTable } from './coded-table';
import { functionClassCode } from './classification';
import type { Diagnostic } from './errors';
import { fundsNote, withFunds, type OtherFund } from './funds';
import { readLabelledFigures, type LabelledFigures } from './labelled';
import type { Row } from './layout';
import { agencyColumns, readThreePublicLabelled, type ThreePublicResult } from './three-public';
import type { BreakdownRow, EconomicRow, FunctionRow } from './types';
import type { SummaryMeasure } from '../storage/schema';
import { flatMap } from './flat-map';

export interface TableFigure {
	value: number;
	line: number;
}

/** Function table → function_expenditure rows. */
export function functionRows(rows: readonly Row[], label: string, converted = false): { table: CodedTable; rows: FunctionRow[] } {
	const table = readCodedTable(rows, { prefix: 'function', label, alwaysTotal: true, converted });
	const col = (role: string) => table.columns.indexOf(role as never);
	const out = table.rows.map((r) => ({
		code: r.code,
		name: r.name,
		level: r.level,
		parent_code: r.parentCode,
		total: r.values[col('total')] ?? null,
		basic: col('basic') >= 0 ? r.values[col('basic')] : null,
		project: col('project') >= 0 ? r.values[col('project')] : null,
		source_line: r.line
	}));
	return { table, rows: out };
}

/** Basic-expenditure table → economic_expenditure rows (30x) or economic_breakdown rows (50x). */
export function economicRows(rows: readonly Row[], label: string, converted = false): { table: CodedTable; economic: EconomicRow[]; breakdown: BreakdownRow[] } {
	const table = readCodedTable(rows, { prefix: 'economic', label, alwaysTotal: false, converted });
	if (isGovernmentScheme(table)) return { table, economic: [], breakdown: breakdownOf(table, 'basic') };
	const col = (role: string) => table.columns.indexOf(role as never);
	const economic = table.rows.map((r) => {
		const personnel = col('personnel') >= 0 ? r.values[col('personnel')] : null;
		const pub = col('public') >= 0 ? r.values[col('public')] : null;
		const total = col('total') >= 0 ? r.values[col('total')] : personnel !== null && pub !== null ? round2(personnel + pub) : null;
		return { code: r.code, name: r.name, level: r.level, parent_code: r.parentCode, total, personnel, public: pub, source_line: r.line };
	});
	return { table, economic, breakdown: [] };
}

/** Project-expenditure tables by economic classification → economic_breakdown rows. */
export function projectBreakdown(rows: readonly Row[], label: string, converted = false): { table: CodedTable; breakdown: BreakdownRow[] } {
	const table = readCodedTable(rows, { prefix: 'economic_project', label, alwaysTotal: true, converted });
	return { table, breakdown: breakdownOf(table, 'project') };
}

function isGovernmentScheme(table: CodedTable): boolean {
	return table.rows.length > 0 && table.rows.every((r) => r.code.startsWith('5'));
}

function breakdownOf(table: CodedTable, scope: 'basic' | 'project'): BreakdownRow[] {
	const scheme = isGovernmentScheme(table) ? 'government' : 'department';
	const t = table.columns.indexOf('total');
	return table.rows.map((r) => ({
		scheme,
		scope,
		code: r.code,
		name: r.name,
		level: r.level,
		parent_code: r.parentCode,
		total: t >= 0 ? r.values[t] : null,
		source_line: r.line
	}));
}

const INCOME_LABELS = [/^收入总计$/, /^总计$/, /^收入合计$/, /^本年收入合计$/, /^合计$/];
const EXPENDITURE_LABELS = [/^支出总计$/, /^总计$/, /^支出合计$/, /^本年支出合计$/, /^合计$/];

export interface SummaryTableFigures {
	measures: Partial<Record<SummaryMeasure, TableFigure>>;
	/**
	 * 本年支出(合计): the year's spending. The 支出总计 of a 决算 also holds the 年末结转和结余, so it
	 * is this figure that the spending tables add up to.
	 */
	currentExpenditure: TableFigure | null;
	/** Whether the table covers 财政拨款 only (财政拨款收支总表), not the department's other sources. */
	appropriation: boolean;
	/** 类-level spending named in the table (e.g. 一般公共服务支出 1,056.45). */
	classes: { code: string; value: number; line: number }[];
}

/** 收支总表: income and expenditure totals, and the 类 rows of the expenditure side. */
export function summaryTableFigures(rows: readonly Row[], title: string): SummaryTableFigures {
	const labelled = readLabelledFigures(rows);
	const measures: SummaryTableFigures['measures'] = {};
	const income = pickLabelled(labelled, INCOME_LABELS, 0);
	const expenditure = pickLabelled(labelled, EXPENDITURE_LABELS, 1);
	if (income) measures.income_total = income;
	if (expenditure) measures.expenditure_total = expenditure;
	// 支出用途 (一、基本支出 二、项目支出) beside the 功能分类, in the provincial 收支预算总表.
	const basic = pickLabelled(labelled, [/^基本支出$/], 0);
	const project = pickLabelled(labelled, [/^项目支出$/], 0);
	if (basic) measures.basic = basic;
	if (project) measures.project = project;
	const classes: SummaryTableFigures['classes'] = [];
	for (const l of labelled) {
		const code = functionClassCode(l.label);
		// The 合计 column is the one after the label; a figure further right is another column's.
		const value = l.values[0];
		if (code && value !== undefined && value !== null && !classes.some((c) => c.code === code)) classes.push({ code, value, line: l.line });
	}
	const currentExpenditure = pickLabelled(labelled, [/^本年支出合计$/, /^本年支出$/, /^当年支出(?:小计|合计)$/], 0);
	return { measures, classes, currentExpenditure, appropriation: /财政拨款/.test(title) };
}

/**
 * The first label matching the most specific pattern; where income and expenditure share a word
 * (总计 … 总计, 合计 … 合计), `nth` picks the income (0) or the expenditure (1) occurrence.
 */
function pickLabelled(labelled: readonly LabelledFigures[], patterns: RegExp[], nth: number): TableFigure | null {
	for (const re of patterns) {
		const hits = labelled.filter((l) => re.test(l.label) && l.values.some((v) => v !== null));
		const shared = re.source === '^总计$' || re.source === '^合计$';
		const hit = shared ? hits[nth] : hits[0];
		const value = hit?.values.find((v) => v !== null);
		if (hit && value !== undefined && value !== null) return { value, line: hit.line };
	}
	return null;
}

/** 机构运行信息表: 三公 (预算数/决算数), 机关运行经费 and 政府采购. */
export function agencyInfo(rows: readonly Row[]): { threePublic: ThreePublicResult; measures: Partial<Record<SummaryMeasure, TableFigure>> } {
	const labelled = readLabelledFigures(rows);
	const measures: Partial<Record<SummaryMeasure, TableFigure>> = {};
	const AGENCY: [SummaryMeasure, RegExp][] = [
		['operating_cost', /^机关运行经费$/],
		['procurement_total', /^政府采购支出合计$/],
		['procurement_goods', /^政府采购货物支出$/],
		['procurement_works', /^政府采购工程支出$/],
		['procurement_services', /^政府采购服务支出$/]
	];
	for (const [measure, re] of AGENCY) {
		const hit = labelled.find((l) => re.test(l.label));
		const value = hit?.values.find((v) => v !== null);
		if (hit && value !== undefined && value !== null) measures[measure] = { value, line: hit.line };
	}
	return { threePublic: readThreePublicLabelled(labelled, agencyColumns(rows)), measures };
}

/**
 * Function table vs another table printing the same codes (部门支出总表, 支出决算表). Those cover
 * every fund, so each of their rows is compared with the general budget's plus the other funds'
 * (a code only a fund prints, e.g. 21208, is compared with that fund alone).
 */
export function crossCheckCodedTables(primary: CodedTable, other: CodedTable, otherLabel: string, funds: readonly OtherFund[] = []): CheckRecord[] {
	const checks: CheckRecord[] = [];
	const mine = rowsByCode(primary);
	const fundCodes = new Set(flatMap(funds, (f) => [...rowsByCode(f.table).keys()]));
	for (const [code, row] of rowsByCode(other)) {
		const own = mine.get(code);
		if (!own && !fundCodes.has(code)) continue;
		for (const role of ['total', 'basic', 'project'] as const) {
			const a = primary.columns.indexOf(role);
			const b = other.columns.indexOf(role);
			if (a < 0 || b < 0) continue;
			const expected = withFunds(own ? own.values[a] : 0, funds, code, role);
			const detail = `${code} ${own?.name ?? row.name} 的${ROLE_LABEL[role]}与${otherLabel}（第 ${row.line} 行）一致${fundsNote(funds)}`;
			checks.push(compare(`cross.function_vs_other_table:${code}.${role}`, expected, row.values[b], detail, own?.line ?? row.line));
		}
	}
	return checks;
}

function rowsByCode(t: CodedTable): Map<string, CodedRow> {
	return new Map([...(t.total ? [t.total] : []), ...t.rows].map((r) => [r.code, r]));
}

export function problemsToDiagnostics(table: CodedTable | ThreePublicResult, stage: Diagnostic['stage']): Diagnostic[] {
	return table.problems.map((p) => ({ severity: 'warning', stage, line: p.line, message: p.message }));
}
