/**
 * Reconciliations across tables and prose: the function table against the 收支总表, 基本支出
 * against 人员经费 + 公用经费, each 类 against the 收支总表 and the prose, the headline figures
 * the prose repeats, and the 三公 items. Every comparison is recorded, passed or failed.
 */
import { compare, type CheckRecord } from './checks';
import { TOTAL_CODE } from './coded-table';
import { fundsNote, fundsValue, withFunds, type OtherFund } from './funds';
import { totalOf } from './headline';
import type { DocumentMetadata } from './metadata';
import type { NarrativeFigures } from './narrative';
import type { TableOutputs } from './read-tables';
import { arithmeticChecks } from './three-public';
import type { SummaryRow, ThreePublicRow } from './types';
import type { SummaryMeasure } from '../storage/schema';

export interface ReconcileInput {
	out: TableOutputs;
	summary: SummaryRow[];
	narrative: NarrativeFigures;
	threePublic: ThreePublicRow[];
	kind: DocumentMetadata['kind'];
}

/** Every cross-table and narrative reconciliation of a document. */
export function crossChecks({ out, summary, narrative, threePublic, kind }: ReconcileInput): CheckRecord[] {
	return [
		...functionVsSummaryChecks(out, summary),
		...personnelPlusPublicCheck(out),
		...classChecks(out, narrative),
		...narrativeChecks(out, narrative),
		...summaryTableChecks(out),
		...threePublicNarrativeChecks(threePublic, narrative, kind, out.threePublic !== null)
	];
}

/**
 * The function table's 合计 against the year's spending in the 收支总表, whole and split into
 * 基本 + 项目. The 收支总表 covers every fund, so the other funds' spending is added to the general
 * budget's.
 */
function functionVsSummaryChecks(out: TableOutputs, summary: SummaryRow[]): CheckRecord[] {
	const exp = currentSpending(out) ?? summary.find((s) => s.measure === 'expenditure_total');
	const all = (role: 'total' | 'basic' | 'project') => withFunds(totalOf(out.functionTable, role), out.otherFunds, TOTAL_CODE, role);
	const [total, basic, project] = [all('total'), all('basic'), all('project')];
	const note = fundsNote(out.otherFunds);
	const checks: CheckRecord[] = [];
	if (exp && total !== null) {
		checks.push(compare('cross.function_total_vs_summary', exp.value, total, `一般公共预算财政拨款支出表合计与收支总表本年支出一致${note}`, out.functionTable?.total?.line ?? null));
	}
	if (exp && basic !== null && project !== null) {
		checks.push(compare('summary.basic_plus_project', exp.value, basic + project, `本年支出 = 基本支出 + 项目支出${note}`, exp.source_line));
	}
	return checks;
}

/**
 * The year's spending (本年支出合计) from a 收支总表 — a 财政拨款 one first, as it holds no
 * spending from the department's other sources — or null when none states it apart from 支出总计.
 */
function currentSpending(out: TableOutputs): { value: number; source_line: number } | null {
	const tables = [out.summaryTable, ...out.otherSummaryTables].filter((t) => t !== null);
	const ordered = [...tables.filter((t) => t.appropriation), ...tables.filter((t) => !t.appropriation)];
	const figure = ordered.find((t) => t.currentExpenditure)?.currentExpenditure;
	return figure ? { value: figure.value, source_line: figure.line } : null;
}

function personnelPlusPublicCheck(out: TableOutputs): CheckRecord[] {
	const fBasic = totalOf(out.functionTable, 'basic');
	const personnel = totalOf(out.economicTable, 'personnel');
	const pub = totalOf(out.economicTable, 'public');
	if (fBasic === null || personnel === null || pub === null) return [];
	return [compare('summary.personnel_plus_public', fBasic, personnel + pub, '基本支出 = 人员经费 + 公用经费', out.economicTable?.total?.line ?? null)];
}

/**
 * Each 类 of the 收支总表 against the function table plus the other funds; each 类 the prose names
 * against either (the prose may speak of the general budget or of every fund); with no function
 * table, the prose's 类 must add up to its 支出总计.
 */
function classChecks(out: TableOutputs, narrative: NarrativeFigures): CheckRecord[] {
	if (out.functionTable === null) return narrativeClassSumCheck(narrative);
	const level1 = new Map(out.functionRows.filter((r) => r.level === 1).map((r) => [r.code, r]));
	// A 类 the spending table does not list has spent nothing.
	const general = (code: string) => (level1.has(code) ? (level1.get(code)?.total ?? null) : 0);
	const funds = out.otherFunds;
	const checks: CheckRecord[] = [];
	for (const c of out.summaryTable?.classes ?? []) {
		const detail = `收支总表（第 ${c.line} 行）的 ${c.code} 类支出与支出表一致${fundsNote(funds)}`;
		checks.push(compare(`cross.summary_class:${c.code}`, c.value, withFunds(general(c.code), funds, c.code, 'total'), detail, c.line));
	}
	for (const f of narrative.functionClasses) {
		if (f.value === 0 && !level1.has(f.code) && !fundsValue(funds, f.code, 'total')) continue;
		const detail = `文字说明（第 ${f.line} 行）的${f.name}与支出表一致`;
		checks.push(compareEitherScope(`narrative.function:${f.code}`, f.value, general(f.code), withFunds(general(f.code), funds, f.code, 'total'), detail, f.line, funds));
	}
	return checks;
}

function narrativeClassSumCheck(narrative: NarrativeFigures): CheckRecord[] {
	const exp = narrative.summary.expenditure_total;
	if (!exp || narrative.functionClasses.length === 0) return [];
	const sum = narrative.functionClasses.reduce((s, f) => s + f.value, 0);
	return [compare('narrative.function_classes_sum', exp.value, sum, '文字说明中各类支出之和等于支出总计', exp.line)];
}

/**
 * A figure of the prose that may be stated for the general budget or for every 财政拨款 fund: it
 * agrees when it matches either; the record says which.
 */
function compareEitherScope(rule: string, printed: number, general: number | null, allFunds: number | null, detail: string, line: number, funds: readonly OtherFund[]): CheckRecord {
	const againstGeneral = compare(rule, printed, general, detail, line);
	if (againstGeneral.ok || allFunds === null || allFunds === general) return againstGeneral;
	const againstAll = compare(rule, printed, allFunds, `${detail}${fundsNote(funds)}`, line);
	return againstAll.ok ? againstAll : againstGeneral;
}

/** Each headline figure the prose states against the table's, then the prose's own sums. */
function narrativeChecks(out: TableOutputs, narrative: NarrativeFigures): CheckRecord[] {
	const tableValue: Partial<Record<SummaryMeasure, number | null>> = {
		income_total: out.summaryTable?.measures.income_total?.value ?? null,
		expenditure_total: out.summaryTable?.measures.expenditure_total?.value ?? null,
		basic: totalOf(out.functionTable, 'basic'),
		project: totalOf(out.functionTable, 'project'),
		personnel: totalOf(out.economicTable, 'personnel'),
		public: totalOf(out.economicTable, 'public')
	};
	for (const [m, v] of Object.entries(out.measures)) tableValue[m as SummaryMeasure] = v?.value ?? null;
	const checks: CheckRecord[] = [];
	for (const [measure, n] of Object.entries(narrative.summary)) {
		const t = tableValue[measure as SummaryMeasure];
		if (!n || t === null || t === undefined) continue;
		checks.push(compare(`narrative.${measure}`, t, n.value, `文字说明（第 ${n.line} 行）与表中数字一致`, n.line));
	}
	return [...checks, ...narrativeSumChecks(narrative, out.otherFunds)];
}

/**
 * The prose against itself: 本年支出 = 基本 + 项目 (+ 单位预留机动经费 where the prose states one, as
 * provincial 预算 do; the 支出总计 when the prose gives no 支出合计; it may cover every fund while the
 * split is the general budget's: then the other funds' spending makes up the difference), and
 * 基本支出 = 人员经费 + 公用经费.
 */
function narrativeSumChecks(narrative: NarrativeFigures, funds: readonly OtherFund[]): CheckRecord[] {
	const { basic: b, project: p, personnel: pe, public: pu } = narrative.summary;
	const e = narrative.currentExpenditure ?? narrative.summary.expenditure_total;
	const r = narrative.reserve;
	const checks: CheckRecord[] = [];
	if (b && p && e) {
		const general = b.value + p.value + (r?.value ?? 0);
		const detail = `文字说明：本年支出 = 基本支出 + 项目支出${r ? ` + 单位预留机动经费（第 ${r.line} 行）` : ''}`;
		checks.push(compareEitherScope('narrative.basic_plus_project', e.value, general, withFunds(general, funds, TOTAL_CODE, 'total'), detail, b.line, funds));
	}
	if (b && pe && pu) checks.push(compare('narrative.personnel_plus_public', b.value, pe.value + pu.value, '文字说明：基本支出 = 人员经费 + 公用经费', pe.line));
	return checks;
}

/** Two 收支总表 of the same document agree, and income equals expenditure. */
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

/**
 * With a 三公 table, the prose's items are compared with it (for a 决算 also the 年初预算数 derived
 * from the stated change); without one, the prose's own items must add up.
 */
function threePublicNarrativeChecks(rows: ThreePublicRow[], narrative: NarrativeFigures, kind: DocumentMetadata['kind'], fromTable: boolean): CheckRecord[] {
	if (!fromTable) {
		const figures = rows.map((r) => ({ item: r.item, budget: r.budget, actual: r.actual, line: r.source_line }));
		return [...arithmeticChecks(figures, 'budget'), ...(kind === 'final' ? arithmeticChecks(figures, 'actual') : [])];
	}
	const checks: CheckRecord[] = [];
	const field = kind === 'final' ? 'actual' : 'budget';
	for (const [item, f] of Object.entries(narrative.threePublic)) {
		const row = rows.find((r) => r.item === item);
		if (!f || !row) continue;
		checks.push(compare(`narrative.three_public:${item}.${field}`, row[field], f.value, `文字说明（第 ${f.line} 行）的三公经费与表中一致`, f.line));
		if (kind === 'final' && f.budget !== null) {
			checks.push(compare(`narrative.three_public:${item}.budget`, row.budget, f.budget, `文字说明（第 ${f.line} 行）由“较年初预算数增减”推出的预算数与表中一致`, f.line));
		}
	}
	return checks;
}
