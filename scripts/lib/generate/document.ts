/**
 * One generated disclosure: its variant (format, layout, unit, fault) drawn from the shares asked
 * for, its text or HTML, and its truth record — both made from the same Figures, so what the truth
 * says is exactly what was printed.
 */
import { fenToWan, wanToFen } from './money';
import type { Figures } from './model';
import { narrativeLines } from './narrative';
import { pdfCopiedProse } from './prose-wrap';
import type { DepartmentKind } from './places';
import { disclosureHtml } from './render-html';
import { tableLines, type TextLayout } from './render-text';
import type { Rng } from './prng';
import { budgetTables, finalTables, NATIONAL_ZERO_ECONOMIC, type Printing, type TableSpec } from './tables';
import type { FaultTruth, FaultType, TruthRecord } from './truth';

export interface Shares {
	pdf: number;
	html: number;
	fault: number;
	narrative: number;
}

export interface DocInput {
	district: string;
	districtIndex: number;
	kind: DepartmentKind;
	unit: string;
	year: number;
	docKind: 'budget' | 'final';
	figures: Figures;
	prior: Figures;
}

export interface GeneratedDoc {
	file: string;
	/** Text to write as is (UTF-8), or HTML to typeset when `pdf`. */
	content: string;
	pdf: boolean;
	truth: TruthRecord;
}

interface Variant {
	format: 'text' | 'pdf' | 'html';
	layout: TextLayout | 'narrative';
	yuan: boolean;
	fault: FaultType | null;
	/** 公开06 without the template's zero rows, its third group blank (a unit without 资本性支出). */
	bareThirdGroup: boolean;
}

function drawVariant(rng: Rng, shares: Shares): Variant {
	const r = rng.next();
	const format = r < shares.pdf ? 'pdf' : r < shares.pdf + shares.html ? 'html' : 'text';
	const narrative = format === 'text' && rng.chance(shares.narrative);
	const layout: Variant['layout'] = format !== 'text' ? 'tabs' : narrative ? 'narrative' : rng.pick(['tabs', 'tabs', 'cells', 'aligned'] as const);
	const yuan = layout !== 'narrative' && rng.chance(0.1);
	let fault: FaultType | null = null;
	if (layout !== 'narrative' && rng.chance(shares.fault)) {
		const options: FaultType[] = ['reconcile', 'missing_table', 'split_table', ...(yuan ? [] : (['unit_mismatch'] as FaultType[]))];
		fault = rng.pick(options);
	}
	return { format, layout, yuan, fault, bareThirdGroup: rng.chance(0.2) };
}

const w = (fen: number) => fenToWan(fen);

export function generateDoc(rng: Rng, input: DocInput, shares: Shares): GeneratedDoc {
	const v = drawVariant(rng, shares);
	const { figures: f, year, unit, docKind } = input;
	const printing: Printing = { yuan: v.yuan, zeroBlank: docKind === 'budget' };
	const bare = v.bareThirdGroup && !f.economics.some((r) => r.code === '310');
	let tables: TableSpec[] = v.layout === 'narrative' ? [] : docKind === 'budget' ? budgetTables(f, year, printing) : finalTables(f, year, unit, printing, bare);
	const truth = baseTruth(input, v);
	if (docKind === 'final' && v.layout !== 'narrative') {
		if (bare) truth.quirks.push('national06_bare_third_group');
		else truth.economic.push(...NATIONAL_ZERO_ECONOMIC.map((r) => ({ code: r.code, name: r.name, level: r.level, total: 0, personnel: 0, public: 0 })));
	}
	let fault: FaultTruth | null = null;

	if (v.fault === 'reconcile') fault = plantReconcile(rng, tables, truth, printing);
	if (v.fault === 'missing_table') {
		tables = tables.filter((t) => t.role !== 'economic');
		truth.economic = [];
		fault = { type: 'missing_table', detail: '基本支出表 left out', failedCheck: null, diagnostic: '基本支出表', figuresExact: true };
	}
	if (v.fault === 'split_table') {
		fault = { type: 'split_table', detail: 'function table continued after a page break, header repeated', failedCheck: null, diagnostic: null, figuresExact: true };
	}
	if (v.fault === 'unit_mismatch') {
		const yuanTables = docKind === 'budget' ? budgetTables(f, year, { ...printing, yuan: true }) : finalTables(f, year, unit, { ...printing, yuan: true }, bare);
		const econ = yuanTables.find((t) => t.role === 'economic')!;
		tables = tables.map((t) => (t.role === 'economic' ? { ...econ, unitLine: docKind === 'budget' ? null : `公开部门：${unit}` } : t));
		fault = { type: 'unit_mismatch', detail: '基本支出表 printed in 元 without a unit line', failedCheck: 'unit.magnitude:economic_basic', diagnostic: null, figuresExact: true };
	}
	truth.fault = fault;

	const narrative = narrativeLines({ unit, year, kind: docKind, figures: f, prior: input.prior, rng, grouping: rng.chance(0.5) }, true);
	const base = `d${String(input.districtIndex + 1).padStart(2, '0')}-${input.kind.tag}-${year}-${docKind}`;
	const split = v.fault === 'split_table' ? 'function' : null;
	// Drawn last, so that adding it left every other draw (and file) of a seed unchanged.
	const wrapped = v.format === 'text' && rng.chance(0.3);
	if (wrapped) truth.quirks.push('prose_pdf_copied');
	if (v.format === 'text') {
		const lines = wrapped ? pdfCopiedProse(narrative, rng.int(28, 38)) : [...narrative];
		let page = 3;
		for (const t of tables) lines.push(...tableLines(t, v.layout as TextLayout, { split: split === t.role, page: page++ }));
		const file = `${base}-${v.layout}${v.yuan ? '-yuan' : ''}.txt`;
		return { file, content: lines.join('\n'), pdf: false, truth: { ...truth, file } };
	}
	const html = disclosureHtml(`${unit}${year}年${docKind === 'budget' ? '部门预算' : '度部门决算'}`, narrative, tables, split);
	const file = `${base}${v.yuan ? '-yuan' : ''}.${v.format}`;
	return { file, content: html, pdf: v.format === 'pdf', truth: { ...truth, file } };
}

/** The figures as printed: each amount rounded to 0.01 万元 on its own. */
function baseTruth(input: DocInput, v: Variant): TruthRecord {
	const f = input.figures;
	const narrativeOnly = v.layout === 'narrative';
	const tp = f.threePublic;
	const plan = f.threePublicBudget ?? tp;
	const final = input.docKind === 'final';
	const item = (name: string, pick: (t: typeof tp) => number) => ({ item: name, budget: w(pick(plan)), actual: final ? w(pick(tp)) : null });
	const proc = f.procurement;
	return {
		file: '',
		district: input.district,
		department: input.unit,
		year: input.year,
		kind: input.docKind,
		format: v.format,
		layout: v.layout,
		unit: v.yuan ? '元' : '万元',
		fault: null,
		quirks: [],
		function: (narrativeOnly ? f.functions.filter((r) => r.level === 1) : f.functions).map((r) => ({
			code: r.code,
			name: r.name,
			level: r.level,
			total: w(r.total),
			basic: narrativeOnly ? null : w(r.basic),
			project: narrativeOnly ? null : w(r.project)
		})),
		economic: narrativeOnly ? [] : f.economics.map((r) => ({ code: r.code, name: r.name, level: r.level, total: w(r.total), personnel: w(r.personnel), public: w(r.public) })),
		three_public: [
			item('total', (t) => t.outbound + t.vehiclePurchase + t.vehicleOperation + t.reception),
			item('outbound', (t) => t.outbound),
			item('vehicle', (t) => t.vehiclePurchase + t.vehicleOperation),
			item('vehicle_purchase', (t) => t.vehiclePurchase),
			item('vehicle_operation', (t) => t.vehicleOperation),
			item('reception', (t) => t.reception)
		],
		summary: {
			income_total: w(f.total),
			expenditure_total: w(f.total),
			basic: w(f.basic),
			project: w(f.project),
			personnel: w(f.personnel),
			public: w(f.public),
			operating_cost: w(f.operatingCost),
			procurement_total: w(proc.goods + proc.works + proc.services),
			procurement_goods: w(proc.goods),
			procurement_works: w(proc.works),
			procurement_services: w(proc.services)
		}
	};
}

/**
 * A 类 total that does not reconcile: the 类 row of the function table misprinted (total and its
 * basic or project column moved by the same amount, so the row itself still adds up).
 */
function plantReconcile(rng: Rng, tables: TableSpec[], truth: TruthRecord, printing: Printing): FaultTruth {
	const table = tables.find((t) => t.role === 'function')!;
	const classes = truth.function.filter((r) => r.level === 1);
	const target = rng.pick(classes);
	const delta = rng.int(100, 5000) / 100;
	const row = truth.function.find((r) => r.code === target.code)!;
	const column = (row.basic ?? 0) > 0 ? 'basic' : 'project';
	row.total = Math.round((row.total + delta) * 100) / 100;
	row[column] = Math.round(((row[column] ?? 0) + delta) * 100) / 100;
	const body = table.body.find((r) => r[0] === target.code)!;
	const print = (wan: number) => (printing.yuan ? (wanToFen(wan) / 100).toFixed(2) : wan.toFixed(2)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	body[2] = print(row.total);
	body[column === 'basic' ? 3 : 4] = print(row[column]!);
	return { type: 'reconcile', detail: `类 ${target.code} printed ${delta.toFixed(2)} 万元 above the sum of its 款`, failedCheck: `function.children_sum:${target.code}.`, diagnostic: null, figuresExact: false };
}
