/**
 * The document's headline rows: summary measures, 三公 items, and 类 spending when only the prose
 * gives it. A table's figure wins over the narrative's; the narrative fills what no table gives.
 */
import type { CodedTable } from './coded-table';
import type { DocumentMetadata } from './metadata';
import type { NarrativeFigures } from './narrative';
import type { TableOutputs } from './read-tables';
import type { SummaryTableFigures, TableFigure } from './tables';
import type { ThreePublicResult } from './three-public';
import type { FunctionRow, SummaryRow, ThreePublicRow } from './types';
import type { SummaryMeasure, ThreePublicItem } from '../storage/schema';

const MEASURES: SummaryMeasure[] = [
	'income_total', 'expenditure_total', 'basic', 'project', 'personnel', 'public', 'operating_cost',
	'procurement_total', 'procurement_goods', 'procurement_works', 'procurement_services'
];

/** 基本支出/项目支出 from the function table's 合计, 人员经费/公用经费 from the economic table's. */
export function tableTotals(out: TableOutputs): Partial<Record<SummaryMeasure, TableFigure>> {
	const measures: Partial<Record<SummaryMeasure, TableFigure>> = {};
	const take = (table: CodedTable | null, role: 'basic' | 'project' | 'personnel' | 'public') => {
		const value = totalOf(table, role);
		if (value !== null && table?.total) measures[role] = { value, line: table.total.line };
	};
	take(out.functionTable, 'basic');
	take(out.functionTable, 'project');
	take(out.economicTable, 'personnel');
	take(out.economicTable, 'public');
	return measures;
}

/** A column of a coded table's 合计 row, or null when the table has no such column or total. */
export function totalOf(table: CodedTable | null, role: CodedTable['columns'][number]): number | null {
	const i = table?.columns.indexOf(role) ?? -1;
	return i >= 0 && table?.total ? (table.total.values[i] ?? null) : null;
}

/** One row per measure: the table's figure when a table gives it, else the narrative's. */
export function summaryRows(summaryTable: SummaryTableFigures | null, measures: TableOutputs['measures'], narrative: NarrativeFigures): SummaryRow[] {
	const table: Partial<Record<SummaryMeasure, TableFigure>> = { ...(summaryTable?.measures ?? {}), ...measures };
	const rows: SummaryRow[] = [];
	for (const m of MEASURES) {
		const t = table[m];
		const n = narrative.summary[m];
		if (t) rows.push({ measure: m, value: t.value, source: 'table', source_line: t.line });
		else if (n) rows.push({ measure: m, value: n.value, source: 'narrative', source_line: n.line });
	}
	return rows;
}

/** 三公 rows from the table; without one, from the prose (a 决算's prose gives 决算数 and the change). */
export function threePublicRows(table: ThreePublicResult | null, narrative: NarrativeFigures, kind: DocumentMetadata['kind']): ThreePublicRow[] {
	if (table) return table.figures.map((f) => ({ item: f.item, budget: f.budget, actual: f.actual, source_line: f.line }));
	const rows: ThreePublicRow[] = [];
	for (const [key, f] of Object.entries(narrative.threePublic)) {
		if (!f) continue;
		const item = key as ThreePublicItem;
		rows.push(kind === 'final' ? { item, budget: f.budget, actual: f.value, source_line: f.line } : { item, budget: f.value, actual: null, source_line: f.line });
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

/** A narrative-only disclosure: 类 totals from the prose, with no basic/project split. */
export function narrativeFunctionRows(narrative: NarrativeFigures): FunctionRow[] {
	return narrative.functionClasses
		.filter((f) => f.value !== 0)
		.map((f) => ({ code: f.code, name: f.name, level: 1, parent_code: null, total: f.value, basic: null, project: null, source_line: f.line }));
}
