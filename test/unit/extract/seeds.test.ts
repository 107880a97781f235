/**
 * Every figure expected here was read by a person from the seed text in data/raw (line numbers
 * given), never copied from the extractor's output.
 */
import { describe, expect, it } from 'vitest';
import { econ, extractSeed, fn, measure, tp } from './seed-helpers';

describe('000: 九龙坡区 政务服务管理办公室 2021 决算 (PDF text, spaces, 公开01–09)', () => {
	const d = extractSeed('000');
	it('reads the metadata from the title lines', () => {
		expect(d.document).toMatchObject({ district: '九龙坡区', department: '重庆市九龙坡区政务服务管理办公室', year: 2021, kind: 'final', department_kind: '政务服务管理办公室' });
	});
	it('reads 公开05 (一般公共预算财政拨款支出决算表) with basic/project per 项', () => {
		expect(fn(d, '201')).toMatchObject({ total: 2348.73, basic: 483.8, project: 1864.93, level: 1, parent_code: null, source_line: 4748 });
		expect(fn(d, '2010302')).toMatchObject({ total: 1863.38, basic: 0, project: 1863.38, level: 3, parent_code: '20103' });
		expect(fn(d, '2100410')).toMatchObject({ total: 0.5, basic: 0, project: 0.5 });
		expect(fn(d, '2210203')).toMatchObject({ total: 4.31, basic: 4.31, project: 0, source_line: 4794 });
		expect(d.functionRows).toHaveLength(24);
	});
	it('places 公开06 side-by-side groups into 人员经费 / 公用经费 by the 合计 line', () => {
		expect(econ(d, '301')).toMatchObject({ personnel: 419.16, public: 0, total: 419.16, source_line: 4640 });
		expect(econ(d, '302')).toMatchObject({ personnel: 0, public: 178.93 });
		expect(econ(d, '30227')).toMatchObject({ public: 63.94, personnel: 0, source_line: 4682 });
		expect(econ(d, '30307')).toMatchObject({ personnel: 1.19, public: 0 });
		expect(econ(d, '31002')).toMatchObject({ public: 0.84, parent_code: '310' });
		expect(econ(d, '30240')).toMatchObject({ name: '税金及附加费用', public: 5.93 });
	});
	it('reads 三公 预算数 and 决算数 from 公开09', () => {
		expect(tp(d, 'total')).toMatchObject({ budget: 8.5, actual: 1.48, source_line: 4897 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ budget: 4.5, actual: 1.02 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 4, actual: 0.46 });
		expect(tp(d, 'outbound')).toMatchObject({ budget: 0, actual: 0 });
	});
	it('takes headline figures from the tables and checks the narrative against them', () => {
		expect(measure(d, 'expenditure_total')).toMatchObject({ value: 2465.55, source: 'table' });
		expect(measure(d, 'project')).toMatchObject({ value: 1865.43, source: 'table' });
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 179.77, source: 'table' });
		expect(measure(d, 'procurement_services')).toMatchObject({ value: 457.75 });
		// The narrative says 项目支出 1865.42 (line 121): within the rounding tolerance of 1,865.43.
		expect(d.checks.find((c) => c.rule === 'narrative.project')).toMatchObject({ expected: 1865.43, actual: 1865.42, ok: true, line: 121 });
	});
	it('records the printed children of 302 that do not add up (178.96 vs 178.93) as a failed check', () => {
		const c = d.checks.find((x) => x.rule === 'economic.children_sum:302.public');
		expect(c).toMatchObject({ expected: 178.93, actual: 178.96, ok: false });
		expect(d.diagnostics.some((x) => x.severity === 'warning' && x.message.includes('302'))).toBe(true);
	});
});

describe('001: 江津区 政务服务管理办公室 2020 决算 (narrative only)', () => {
	const d = extractSeed('001');
	it('is recognised as a narrative-only 决算', () => {
		expect(d.document).toMatchObject({ district: '江津区', year: 2020, kind: 'final', layout: 'narrative' });
	});
	it('reads the headline figures from the prose', () => {
		const v = (m: string) => measure(d, m)?.value;
		expect([v('income_total'), v('expenditure_total'), v('basic'), v('project')]).toEqual([1750.61, 1750.61, 936.01, 814.6]);
		expect([v('personnel'), v('public'), v('operating_cost')]).toEqual([728.08, 207.93, 207.93]);
		expect([v('procurement_total'), v('procurement_goods'), v('procurement_works'), v('procurement_services')]).toEqual([237.37, 223.79, 0, 13.59]);
		expect(d.summary.every((s) => s.source === 'narrative')).toBe(true);
		expect(measure(d, 'personnel')?.source_line).toBe(39);
	});
	it('reads the 类-level spending with no basic/project split', () => {
		expect(d.functionRows.map((r) => [r.code, r.total])).toEqual([
			['201', 1599.1],
			['205', 2.53],
			['208', 71.68],
			['210', 41.49],
			['221', 35.81]
		]);
		expect(d.functionRows.every((r) => r.basic === null && r.project === null)).toBe(true);
	});
	it('reads each 三公 item, with the 年初预算数 derived from the stated change', () => {
		expect(tp(d, 'total')).toMatchObject({ actual: 2.68, budget: 6 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ actual: 2.29, budget: 5, source_line: 51 });
		expect(tp(d, 'reception')).toMatchObject({ actual: 0.39, budget: 1 });
		expect(tp(d, 'vehicle_purchase')).toMatchObject({ actual: 0, budget: 0 });
		expect(d.checks.find((c) => c.rule === 'three_public.items_sum.actual')).toMatchObject({ ok: true });
	});
});

describe('002: 北碚区 政务服务管理办公室 2023 预算 (spaces, blank cells dropped, titles after rows)', () => {
	const d = extractSeed('002');
	it('reads the metadata', () => {
		expect(d.document).toMatchObject({ district: '北碚区', year: 2023, kind: 'budget' });
	});
	it('places two-figure rows by the children sums', () => {
		expect(fn(d, '2010301')).toMatchObject({ total: 151.58, basic: 151.58, project: 0, source_line: 250 });
		expect(fn(d, '2010302')).toMatchObject({ total: 251, basic: 0, project: 251 });
		expect(fn(d, '2010350')).toMatchObject({ total: 161.08, basic: 161.08, project: 0 });
		expect(fn(d, '208')).toMatchObject({ total: 52.83, basic: 52.83, project: 0 });
		expect(econ(d, '302')).toMatchObject({ total: 62.86, personnel: 0, public: 62.86 });
		expect(econ(d, '30199')).toMatchObject({ total: 69.64, personnel: 69.64, public: 0 });
		expect(d.checks.find((c) => c.rule === 'function.placement:2010302')).toMatchObject({ ok: true, actual: 1 });
	});
	it('takes the bare-figure row before the first code as the table total', () => {
		expect(measure(d, 'basic')).toMatchObject({ value: 411.22, source: 'table', source_line: 244 });
		expect(measure(d, 'personnel')).toMatchObject({ value: 348.35, source: 'table' });
	});
	it('breaks the 三公 tie (购置费 vs 运行费) with the narrative, and records that it did', () => {
		expect(tp(d, 'total')).toMatchObject({ budget: 5.8, actual: null });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ budget: 5.5 });
		expect(tp(d, 'vehicle_purchase')).toMatchObject({ budget: 0 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 0.3 });
		const c = d.checks.find((x) => x.rule === 'three_public.placement');
		expect(c).toMatchObject({ actual: 2, ok: true });
		expect(c?.detail).toContain('文字说明');
	});
	it('reads 机关运行经费 and 政府采购 from the narrative', () => {
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 62.86, source: 'narrative' });
		expect(measure(d, 'procurement_total')).toMatchObject({ value: 0, source: 'narrative' });
	});
});

describe('003: 九龙坡区 人民政府办公室（本级） 2025 预算 (one cell per line; 30x and 50x)', () => {
	const d = extractSeed('003');
	it('reads the metadata and the department kind', () => {
		expect(d.document).toMatchObject({ district: '九龙坡区', year: 2025, kind: 'budget', layout: 'cells', department_kind: '人民政府办公室' });
	});
	it('reads the function table', () => {
		expect(fn(d, '201')).toMatchObject({ total: 1690.77, basic: 1100.77, project: 590 });
		expect(fn(d, '2210203')).toMatchObject({ total: 8.18, basic: 8.18, project: 0, source_line: 349 });
	});
	it('keeps the 部门 (30x) classification in economic_expenditure with its split', () => {
		expect(econ(d, '301')).toMatchObject({ total: 1185.83, personnel: 1126.5, public: 59.33 });
		expect(econ(d, '30106')).toMatchObject({ total: 59.33, personnel: 0, public: 59.33 });
		expect(econ(d, '30305')).toMatchObject({ total: 124.88, personnel: 99.02, public: 25.86 });
		expect(d.economicRows.some((r) => r.code.startsWith('5'))).toBe(false);
	});
	it('puts the 政府 (50x) classification and project tables in economic_breakdown', () => {
		const gov = d.breakdownRows.filter((r) => r.scheme === 'government' && r.scope === 'basic');
		expect(gov.find((r) => r.code === '50101')).toMatchObject({ total: 781.37, parent_code: '501' });
		const project = d.breakdownRows.filter((r) => r.scheme === 'department' && r.scope === 'project');
		expect(project.find((r) => r.code === '30226')).toMatchObject({ total: 189 });
		expect(d.breakdownRows.find((r) => r.scheme === 'government' && r.scope === 'project' && r.code === '50205')).toMatchObject({ total: 281 });
	});
	it('reads the 三公 table with its kept blank cells', () => {
		expect(d.threePublic.map((r) => [r.item, r.budget])).toEqual([
			['total', 18],
			['outbound', 0],
			['vehicle', 18],
			['vehicle_purchase', 0],
			['vehicle_operation', 18],
			['reception', 0]
		]);
	});
	it('checks the narrative 类 figures against the table', () => {
		expect(d.checks.find((c) => c.rule === 'narrative.function:208')).toMatchObject({ expected: 259.74, actual: 259.74, ok: true });
	});
});

describe('004: 綦江区 政务服务管理办公室 2024 预算 (tabs, no title line)', () => {
	const d = extractSeed('004');
	it('finds district, department and year in the body', () => {
		expect(d.document).toMatchObject({ district: '綦江区', department: '重庆市綦江区政务服务管理办公室', year: 2024, kind: 'budget', layout: 'tabs' });
		expect(d.document.title).toContain('2024');
	});
	it('reads positional cells with blanks kept', () => {
		expect(fn(d, '2010302')).toMatchObject({ total: 495, basic: 0, project: 495, source_line: 32 });
		expect(econ(d, '302')).toMatchObject({ total: 298.92, personnel: 0.1, public: 298.82 });
		expect(econ(d, '30299')).toMatchObject({ total: 0.1, personnel: 0.1, public: 0 });
	});
	it('reads totals and 三公', () => {
		expect(measure(d, 'income_total')).toMatchObject({ value: 1172.15, source: 'table' });
		expect(measure(d, 'basic')?.value).toBe(677.15);
		expect(measure(d, 'public')?.value).toBe(298.82);
		expect(tp(d, 'total')?.budget).toBe(6.5);
		expect(tp(d, 'reception')?.budget).toBe(3);
	});
	it('records every reconciliation, all passing for this document', () => {
		expect(d.checks.length).toBeGreaterThan(50);
		expect(d.checks.filter((c) => !c.ok)).toEqual([]);
		expect(d.checks.some((c) => c.rule === 'function.children_sum:20103.basic')).toBe(true);
		expect(d.checks.some((c) => c.rule === 'cross.function_vs_other_table:201.total')).toBe(true);
	});
});
