/**
 * One disclosure, end to end: decode → lines and layout → metadata → table segments → tables →
 * narrative → reconciliations. Pure (no Node APIs), so the browser can run it too.
 */
import { compare, type CheckRecord } from './checks';
import type { CodedTable } from './coded-table';
import { decodeDisclosure } from './decode';
import { ExtractError, type Diagnostic } from './errors';
import { assembleRows, detectLayout, splitLines, type Layout, type SourceLine } from './layout';
import { departmentKind, readMetadata, type DocumentMetadata } from './metadata';
import { readNarrative, type NarrativeFigures } from './narrative';
import { findSegments, type Segment } from './segments';
import { classifyTitle, type TableKind } from './table-kind';
import {
	agencyInfo,
	crossCheckCodedTables,
	economicRows,
	functionRows,
	problemsToDiagnostics,
	projectBreakdown,
	summaryTableFigures,
	threePublicTable,
	type SummaryTableFigures,
	type TableFigure
} from './tables';
import { arithmeticChecks, type Evidence, type ThreePublicResult } from './three-public';
import type { ExtractedDocument, FunctionRow, SummaryRow, ThreePublicRow } from './types';
import type { SummaryMeasure, ThreePublicItem } from '../storage/schema';

export interface ExtractOptions {
	/** Metadata that overrides what the text says (data/raw/manifest.csv). */
	override?: Partial<DocumentMetadata>;
}

interface TableSegment {
	segment: Segment;
	kind: TableKind;
	rows: ReturnType<typeof assembleRows>;
}

/** Extracts one disclosure; throws ExtractError when the file is not a readable disclosure. */
export function extractDocument(file: string, bytes: Uint8Array, docId: string, options: ExtractOptions = {}): ExtractedDocument {
	const { text } = decodeDisclosure(file, bytes);
	const lines = splitLines(text);
	const layout = detectLayout(lines);
	const meta = { ...readMetadata(lines), ...definedOnly(options.override ?? {}) };
	const tables = classifySegments(findSegments(lines), layout);
	const narrativeLines = linesOutside(lines, tables.filter((t) => t.kind !== 'skipped').map((t) => t.segment));
	const narrative = readNarrative(narrativeLines, meta.kind === 'final');
	const diagnostics: Diagnostic[] = [];
	const out = readTables(tables, narrative, diagnostics);
	if (out.functionRows.length === 0 && out.functionTable === null) out.functionRows.push(...narrativeFunctionRows(narrative));
	if (!looksLikeDisclosure(meta, out, narrative)) {
		throw new ExtractError(file, 'metadata', null, '不是部门预算或决算公开文件：找不到年度、预决算类型和任何支出表或金额 (not a disclosure)');
	}
	diagnostics.push(...metadataDiagnostics(meta, lines.length));
	const summary = summaryRows(out.summaryTable, { ...tableTotals(out), ...out.measures }, narrative);
	const threePublic = threePublicRows(out.threePublic, narrative, meta.kind);
	const checks = [...out.checks, ...crossChecks(out, summary, narrative, threePublic, meta.kind)];
	return {
		document: documentRecord(docId, file, meta, tables.some((t) => t.kind !== 'skipped') ? layout : 'narrative'),
		functionRows: out.functionRows,
		economicRows: out.economicRows,
		breakdownRows: out.breakdownRows,
		threePublic,
		summary,
		checks,
		diagnostics: [...diagnostics, ...skippedDiagnostics(tables), ...failedCheckDiagnostics(checks)]
	};
}

function definedOnly<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

function classifySegments(segments: Segment[], layout: Layout): TableSegment[] {
	return segments
		.filter((s) => s.title !== null)
		.map((segment) => ({ segment, kind: classifyTitle(segment.title as string).kind, rows: assembleRows(segment.lines, layout) }));
}

function linesOutside(lines: readonly SourceLine[], segments: readonly Segment[]): SourceLine[] {
	return lines.filter((l) => !segments.some((s) => l.no >= s.start && l.no <= s.end));
}

interface TableOutputs {
	functionTable: CodedTable | null;
	functionRows: FunctionRow[];
	economicRows: ExtractedDocument['economicRows'];
	breakdownRows: ExtractedDocument['breakdownRows'];
	economicTable: CodedTable | null;
	summaryTable: SummaryTableFigures | null;
	otherSummaryTables: SummaryTableFigures[];
	measures: Partial<Record<SummaryMeasure, TableFigure>>;
	threePublic: ThreePublicResult | null;
	checks: CheckRecord[];
}

function readTables(tables: readonly TableSegment[], narrative: NarrativeFigures, diagnostics: Diagnostic[]): TableOutputs {
	const out: TableOutputs = {
		functionTable: null, functionRows: [], economicRows: [], breakdownRows: [], economicTable: null,
		summaryTable: null, otherSummaryTables: [], measures: {}, threePublic: null, checks: []
	};
	const others: { table: CodedTable; label: string }[] = [];
	for (const t of tables) {
		const label = t.segment.title as string;
		if (t.kind === 'function' && !out.functionTable) {
			const { table, rows } = functionRows(t.rows, label);
			if (rows.length === 0) continue;
			Object.assign(out, { functionTable: table, functionRows: rows });
			out.checks.push(...table.checks);
			diagnostics.push(...problemsToDiagnostics(table, 'solve'));
		} else if (t.kind === 'economic_basic') {
			const { table, economic, breakdown } = economicRows(t.rows, label);
			if (economic.length > 0 && !out.economicTable) {
				out.economicTable = table;
				out.economicRows.push(...economic);
			}
			out.breakdownRows.push(...breakdown);
			if (economic.length > 0 || breakdown.length > 0) out.checks.push(...table.checks.map((c) => (breakdown.length ? { ...c, rule: c.rule.replace(/^economic/, 'economic_gov') } : c)));
			diagnostics.push(...problemsToDiagnostics(table, 'solve'));
		} else if (t.kind === 'economic_project') {
			const { table, breakdown } = projectBreakdown(t.rows, label);
			out.breakdownRows.push(...breakdown);
			out.checks.push(...table.checks.map((c) => ({ ...c, rule: c.rule.replace(/^economic_project/, `economic_project_${breakdown[0]?.scheme ?? 'x'}`) })));
		} else if (t.kind === 'dept_expenditure') {
			const table = functionRows(t.rows, label).table;
			if (table.rows.length > 0) others.push({ table, label });
		} else if (t.kind === 'summary') {
			const figures = summaryTableFigures(t.rows);
			if (!figures.measures.income_total && !figures.measures.expenditure_total) continue;
			if (!out.summaryTable || /部门|决算总表/.test(label) && !/财政拨款/.test(label)) {
				if (out.summaryTable) out.otherSummaryTables.push(out.summaryTable);
				out.summaryTable = figures;
			} else out.otherSummaryTables.push(figures);
		} else if (t.kind === 'agency_info') {
			const { threePublic, measures } = agencyInfo(t.rows);
			Object.assign(out.measures, measures);
			if (threePublic.figures.length) {
				out.threePublic = threePublic;
				out.checks.push(...threePublic.checks);
			}
		} else if (t.kind === 'three_public' && !out.threePublic) {
			const result = threePublicTable(t.rows, evidenceOf(narrative));
			diagnostics.push(...problemsToDiagnostics(result, 'solve'));
			out.checks.push(...result.checks);
			if (result.figures.length) out.threePublic = result;
		}
	}
	if (out.functionTable) for (const o of others) out.checks.push(...crossCheckCodedTables(out.functionTable, o.table, o.label));
	return out;
}

function evidenceOf(narrative: NarrativeFigures): Evidence {
	const e: Evidence = {};
	for (const [item, f] of Object.entries(narrative.threePublic)) if (f) e[item as ThreePublicItem] = f.value;
	return e;
}

function narrativeFunctionRows(narrative: NarrativeFigures): FunctionRow[] {
	return narrative.functionClasses
		.filter((f) => f.value !== 0)
		.map((f) => ({ code: f.code, name: f.name, level: 1, parent_code: null, total: f.value, basic: null, project: null, source_line: f.line }));
}

function looksLikeDisclosure(meta: DocumentMetadata, out: TableOutputs, narrative: NarrativeFigures): boolean {
	const hasFigures = out.functionRows.length > 0 || out.summaryTable !== null || Object.keys(narrative.summary).length > 0;
	return hasFigures && (meta.year !== null || meta.kind !== null);
}

function metadataDiagnostics(meta: DocumentMetadata, lineCount: number): Diagnostic[] {
	const missing = (['district', 'department', 'year', 'kind'] as const).filter((k) => meta[k] === null);
	return missing.map((k) => ({
		severity: 'error',
		stage: 'metadata',
		line: null,
		message: `无法从正文确定 ${k}（共 ${lineCount} 行）；请在 data/raw/manifest.csv 中补充 (metadata not found)`
	}));
}

/** 基本支出/项目支出 from the function table's 合计, 人员经费/公用经费 from the economic table's. */
function tableTotals(out: TableOutputs): Partial<Record<SummaryMeasure, TableFigure>> {
	const measures: Partial<Record<SummaryMeasure, TableFigure>> = {};
	const take = (table: CodedTable | null, role: 'basic' | 'project' | 'personnel' | 'public') => {
		const i = table?.columns.indexOf(role) ?? -1;
		const v = i >= 0 && table?.total ? table.total.values[i] : null;
		if (v !== null && v !== undefined && table?.total) measures[role] = { value: v, line: table.total.line };
	};
	take(out.functionTable, 'basic');
	take(out.functionTable, 'project');
	take(out.economicTable, 'personnel');
	take(out.economicTable, 'public');
	return measures;
}

/** One row per measure: the table's figure when a table gives it, else the narrative's. */
function summaryRows(summaryTable: SummaryTableFigures | null, measures: TableOutputs['measures'], narrative: NarrativeFigures): SummaryRow[] {
	const table: Partial<Record<SummaryMeasure, TableFigure>> = { ...(summaryTable?.measures ?? {}), ...measures };
	const rows: SummaryRow[] = [];
	const all: SummaryMeasure[] = ['income_total', 'expenditure_total', 'basic', 'project', 'personnel', 'public', 'operating_cost', 'procurement_total', 'procurement_goods', 'procurement_works', 'procurement_services'];
	for (const m of all) {
		const t = table[m];
		const n = narrative.summary[m];
		if (t) rows.push({ measure: m, value: t.value, source: 'table', source_line: t.line });
		else if (n) rows.push({ measure: m, value: n.value, source: 'narrative', source_line: n.line });
	}
	return rows;
}

function threePublicRows(table: ThreePublicResult | null, narrative: NarrativeFigures, kind: DocumentMetadata['kind']): ThreePublicRow[] {
	if (table) return table.figures.map((f) => ({ item: f.item, budget: f.budget, actual: f.actual, source_line: f.line }));
	const rows: ThreePublicRow[] = [];
	for (const [item, f] of Object.entries(narrative.threePublic)) {
		if (!f) continue;
		rows.push(kind === 'final' ? { item: item as ThreePublicItem, budget: f.budget, actual: f.value, source_line: f.line } : { item: item as ThreePublicItem, budget: f.value, actual: null, source_line: f.line });
	}
	const vehicle = deriveVehicle(rows);
	return vehicle ? [...rows, vehicle] : rows;
}

/** Prose names 购置费 and 运行维护费 separately; their sum is the 车辆 item. */
function deriveVehicle(rows: ThreePublicRow[]): ThreePublicRow | null {
	if (rows.some((r) => r.item === 'vehicle')) return null;
	const p = rows.find((r) => r.item === 'vehicle_purchase');
	const o = rows.find((r) => r.item === 'vehicle_operation');
	if (!p || !o) return null;
	const add = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a + b) * 100) / 100);
	return { item: 'vehicle', budget: add(p.budget, o.budget), actual: add(p.actual, o.actual), source_line: o.source_line };
}

function documentRecord(docId: string, file: string, meta: DocumentMetadata, layout: ExtractedDocument['document']['layout']): ExtractedDocument['document'] {
	const kindWord = meta.kind === 'final' ? '部门决算' : meta.kind === 'budget' ? '部门预算' : '';
	const composed = [meta.department, meta.year ? `${meta.year}年${meta.kind === 'final' ? '度' : ''}` : '', kindWord].filter(Boolean).join('');
	return {
		doc_id: docId,
		source_file: file,
		district: meta.district,
		department: meta.department,
		year: meta.year,
		kind: meta.kind,
		title: meta.title ?? (composed || null),
		department_kind: departmentKind(meta.department, meta.district),
		layout
	};
}

function crossChecks(out: TableOutputs, summary: SummaryRow[], narrative: NarrativeFigures, threePublic: ThreePublicRow[], kind: DocumentMetadata['kind']): CheckRecord[] {
	const value = (m: SummaryMeasure) => summary.find((s) => s.measure === m) ?? null;
	const checks: CheckRecord[] = [];
	const total = out.functionTable?.total;
	const fcol = (role: string) => out.functionTable?.columns.indexOf(role as never) ?? -1;
	const fTotal = total ? total.values[fcol('total')] : null;
	const fBasic = total && fcol('basic') >= 0 ? total.values[fcol('basic')] : null;
	const fProject = total && fcol('project') >= 0 ? total.values[fcol('project')] : null;
	const exp = value('expenditure_total');
	if (exp && fTotal !== null) checks.push(compare('cross.function_total_vs_summary', exp.value, fTotal, '一般公共预算财政拨款支出表合计与收支总表支出总计一致', total?.line ?? null));
	if (exp && fBasic !== null && fProject !== null) checks.push(compare('summary.basic_plus_project', exp.value, fBasic + fProject, '支出总计 = 基本支出 + 项目支出', exp.source_line));
	const econTotal = out.economicTable?.total;
	if (econTotal && fBasic !== null) {
		const e = out.economicTable as CodedTable;
		const p = econTotal.values[e.columns.indexOf('personnel')];
		const q = econTotal.values[e.columns.indexOf('public')];
		if (p !== null && q !== null && p !== undefined && q !== undefined) checks.push(compare('summary.personnel_plus_public', fBasic, p + q, '基本支出 = 人员经费 + 公用经费', econTotal.line));
	}
	checks.push(...classChecks(out, narrative));
	checks.push(...narrativeChecks(out, fBasic, fProject, narrative));
	checks.push(...summaryTableChecks(out));
	checks.push(...threePublicNarrativeChecks(threePublic, narrative, kind, out.threePublic !== null));
	return checks;
}

function classChecks(out: TableOutputs, narrative: NarrativeFigures): CheckRecord[] {
	const checks: CheckRecord[] = [];
	const level1 = new Map(out.functionRows.filter((r) => r.level === 1).map((r) => [r.code, r]));
	const fromTable = out.functionTable !== null;
	for (const c of out.summaryTable?.classes ?? []) {
		if (!fromTable) continue;
		// A 类 the spending table does not list has spent nothing.
		const row = level1.get(c.code);
		checks.push(compare(`cross.summary_class:${c.code}`, c.value, row ? row.total : 0, `收支总表（第 ${c.line} 行）的 ${c.code} 类支出与支出表一致`, c.line));
	}
	if (fromTable) {
		for (const f of narrative.functionClasses) {
			if (f.value === 0 && !level1.has(f.code)) continue;
			const row = level1.get(f.code);
			checks.push(compare(`narrative.function:${f.code}`, f.value, row?.total ?? 0, `文字说明（第 ${f.line} 行）的${f.name}与支出表一致`, f.line));
		}
	} else if (narrative.functionClasses.length > 0) {
		const sum = narrative.functionClasses.reduce((s, f) => s + f.value, 0);
		const exp = narrative.summary.expenditure_total;
		if (exp) checks.push(compare('narrative.function_classes_sum', exp.value, sum, '文字说明中各类支出之和等于支出总计', exp.line));
	}
	return checks;
}

function narrativeChecks(out: TableOutputs, fBasic: number | null, fProject: number | null, narrative: NarrativeFigures): CheckRecord[] {
	const checks: CheckRecord[] = [];
	const tableValue: Partial<Record<SummaryMeasure, number | null>> = {
		income_total: out.summaryTable?.measures.income_total?.value ?? null,
		expenditure_total: out.summaryTable?.measures.expenditure_total?.value ?? null,
		basic: fBasic,
		project: fProject,
		personnel: economicTotal(out, 'personnel'),
		public: economicTotal(out, 'public')
	};
	for (const [m, v] of Object.entries(out.measures)) tableValue[m as SummaryMeasure] = v?.value ?? null;
	for (const [measure, n] of Object.entries(narrative.summary)) {
		const t = tableValue[measure as SummaryMeasure];
		if (!n || t === null || t === undefined) continue;
		checks.push(compare(`narrative.${measure}`, t, n.value, `文字说明（第 ${n.line} 行）与表中数字一致`, n.line));
	}
	const b = narrative.summary.basic;
	const p = narrative.summary.project;
	const e = narrative.summary.expenditure_total;
	if (b && p && e) checks.push(compare('narrative.basic_plus_project', e.value, b.value + p.value, '文字说明：支出总计 = 基本支出 + 项目支出', b.line));
	const pe = narrative.summary.personnel;
	const pu = narrative.summary.public;
	if (b && pe && pu) checks.push(compare('narrative.personnel_plus_public', b.value, pe.value + pu.value, '文字说明：基本支出 = 人员经费 + 公用经费', pe.line));
	return checks;
}

function economicTotal(out: TableOutputs, role: 'personnel' | 'public'): number | null {
	const t = out.economicTable;
	if (!t?.total) return null;
	const i = t.columns.indexOf(role);
	return i >= 0 ? t.total.values[i] : null;
}

function summaryTableChecks(out: TableOutputs): CheckRecord[] {
	const main = out.summaryTable;
	if (!main) return [];
	const checks: CheckRecord[] = [];
	for (const other of out.otherSummaryTables) {
		for (const m of ['income_total', 'expenditure_total'] as const) {
			const a = main.measures[m];
			const b = other.measures[m];
			if (a && b) checks.push(compare(`cross.summary_tables.${m}`, a.value, b.value, `两张收支总表（第 ${a.line} 行与第 ${b.line} 行）一致`, b.line));
		}
	}
	const inc = main.measures.income_total;
	const exp = main.measures.expenditure_total;
	if (inc && exp) checks.push(compare('summary.income_equals_expenditure', inc.value, exp.value, '收入总计 = 支出总计', exp.line));
	return checks;
}

function threePublicNarrativeChecks(rows: ThreePublicRow[], narrative: NarrativeFigures, kind: DocumentMetadata['kind'], fromTable: boolean): CheckRecord[] {
	const checks: CheckRecord[] = [];
	if (!fromTable) {
		const figures = rows.map((r) => ({ item: r.item, budget: r.budget, actual: r.actual, line: r.source_line }));
		return [...arithmeticChecks(figures, 'budget'), ...(kind === 'final' ? arithmeticChecks(figures, 'actual') : [])];
	}
	for (const [item, f] of Object.entries(narrative.threePublic)) {
		const row = rows.find((r) => r.item === item);
		if (!f || !row) continue;
		const field = kind === 'final' ? 'actual' : 'budget';
		checks.push(compare(`narrative.three_public:${item}.${field}`, row[field], f.value, `文字说明（第 ${f.line} 行）的三公经费与表中一致`, f.line));
		if (kind === 'final' && f.budget !== null) checks.push(compare(`narrative.three_public:${item}.budget`, row.budget, f.budget, `文字说明（第 ${f.line} 行）由“较年初预算数增减”推出的预算数与表中一致`, f.line));
	}
	return checks;
}

function skippedDiagnostics(tables: readonly TableSegment[]): Diagnostic[] {
	return tables
		.filter((t) => t.kind === 'skipped' && t.rows.some((r) => r.cells.some((c) => /\d\.\d\d$/.test(c.text))))
		.map((t) => ({ severity: 'info', stage: 'tables', line: t.segment.titleLine, message: `未提取“${t.segment.title}”：${classifyTitle(t.segment.title as string).reason}` }));
}

function failedCheckDiagnostics(checks: readonly CheckRecord[]): Diagnostic[] {
	return checks.filter((c) => !c.ok).map((c) => ({ severity: 'warning', stage: 'check', line: c.line, message: `核对未通过 ${c.rule}：应为 ${c.expected ?? '—'}，实为 ${c.actual ?? '—'}（${c.detail}）` }));
}
