/**
 * The figures the five seeds' prose implies, read by a person: each test quotes the source lines
 * and states what they imply (prior = stated − increase / + decrease; 持平 → equal).
 */
import { describe, expect, it } from 'vitest';
import { toContractRows } from '../../../src/lib/extract/contract-rows';
import type { ExtractedDocument } from '../../../src/lib/extract/types';
import { extractSeed } from './seed-helpers';

const derived = (d: ExtractedDocument, measure: string, relation: string) =>
	(d.narrativeFigures ?? []).filter((f) => f.measure === measure && f.relation === relation);
const one = (d: ExtractedDocument, measure: string, relation: string) => {
	const found = derived(d, measure, relation);
	expect(found, `${measure} ${relation}`).toHaveLength(1);
	return found[0];
};

describe('seed 000 (2021 决算, PDF text broken across lines)', () => {
	const d = extractSeed('000');

	it('收支较上年决算数: both totals of the year before', () => {
		// 72-75: "1. 总体情况。2021 年度收入总计 2465.55 万元，支出总计 / 2465.55 万元。收支较上年决算数 增加 525.88 万元、增长27.1%， / 主要原因是 2020 年受疫情影响，…"
		for (const m of ['income_total', 'expenditure_total']) {
			expect(one(d, m, 'prior_year')).toMatchObject({ year: 2020, kind: 'final', value: 1939.67, current_value: 2465.55, stated_change: 525.88, stated_percent: 27.1, line: 73, reason_line: 75 });
		}
		expect(one(d, 'income_total', 'prior_year').reason).toMatch(/^主要原因是2020年受疫情影响，该年基数较低，2021年追加了项目预算，因此2021年的财政拨款收入高于2020年的财政拨款收入$/);
	});

	it('一般公共预算财政拨款支出 against 上年 and 年初预算 (增长/增加 swapped in the second)', () => {
		// 175-183: "2021 年度一般公共预算财政拨款支出 2465.55 万元，较上年决算数增加 525.88 万元，增长 27.1% 。… 较年 / 初预算数增长 258.44 万元，增加 11.7% 。"
		expect(one(d, 'general_budget_expenditure', 'prior_year')).toMatchObject({ value: 1939.67, stated_percent: 27.1 });
		expect(one(d, 'general_budget_expenditure', 'initial_budget')).toMatchObject({ year: 2021, kind: 'budget', value: 2207.11, stated_change: 258.44, stated_percent: 11.7, line: 183 });
	});

	it('收入: 较年初预算数 several sentences after its figure, past amounts printed in 万 only', () => {
		// 153-165: "1. 收入情况。2021 年度一般公共预算财政拨款收入 2465.55 … 政府服务中心建设经费 185.47 万。较年初预算数增加 258.44 万"
		expect(one(d, 'general_budget_income', 'initial_budget')).toMatchObject({ value: 2207.11, line: 165 });
	});

	it('类 figures against 年初预算数', () => {
		// 205-207: "（ 1）一般公共服务支出 2348.72 万元，占 95.3%，较年初预 / 算数增加 254.43 万元，增长 12.1%，主要原因是…"
		expect(one(d, 'function.201', 'initial_budget')).toMatchObject({ value: 2094.29, current_value: 2348.72, stated_percent: 12.1 });
		// 219-221: "（2）社会保障与就业支出 48.29 万元， 占 2% ，较年初预算 / 数增加 3.3 万元，增长 7.3%，主要原因是分别在 2020 年 8 月、"
		expect(one(d, 'function.208', 'initial_budget')).toMatchObject({ value: 44.99, reason: '主要原因是分别在2020年8月、2020年12月、2021年3月增加在编人员3人，从而增加本项目经费' });
		// 233-235: "（4）住房保障支出 47.83 万元， 占 1.9%，较年初预算数增 / 加 0.22 万元，增长 0.5%，"
		expect(one(d, 'function.221', 'initial_budget')).toMatchObject({ value: 47.61 });
	});

	it('人员经费 and 公用经费 against 上年决算数', () => {
		// 251: "人员经费 420.36 万元，较上年决算数增加 72.25 万元，增长 20.8%，"
		expect(one(d, 'personnel', 'prior_year')).toMatchObject({ value: 348.11, line: 251 });
		// 257-259: "公用经费 179.77 万元，较上年决算数增加 48.82 万 / 元，增长 37.3%，"
		expect(one(d, 'public', 'prior_year')).toMatchObject({ value: 130.95, stated_change: 48.82 });
	});

	it('三公: the total and each item against 年初预算数 (减少) and 上年支出数 (增加)', () => {
		// 281-285: "2021 年度“ 三公”经费支出共计 1.48 万元，较年初预算数减 / 少 7.02 万元，下降 82.6%，主要原因是受疫情影响，减少了相应 / 的公务接待。较上年支出数增加 0.15 万元，增长 11.3%，"
		expect(one(d, 'three_public.total', 'initial_budget')).toMatchObject({ value: 8.5, stated_change: -7.02, stated_percent: -82.6, reason: '主要原因是受疫情影响，减少了相应的公务接待' });
		expect(one(d, 'three_public.total', 'prior_year')).toMatchObject({ year: 2020, kind: 'final', value: 1.33 });
		// 321-333: "公务车运行维护费 1.02 万元，主要用于…费用支出较年初预算数减少 3.48 万元，下 / 降 77.3%，… 较上年支出数增加 0.05 万元， / 增长 4.7%，与上年决算数相比，基本持平。"
		expect(one(d, 'three_public.vehicle_operation', 'initial_budget')).toMatchObject({ value: 4.5 });
		// "基本持平" after a stated change is no second figure, and no reason
		expect(one(d, 'three_public.vehicle_operation', 'prior_year')).toMatchObject({ value: 0.97, reason: null });
		// 313: "费用支出较年初预算数增加 0，增长 0%": a bare 0 is zero in any unit
		expect(one(d, 'three_public.vehicle_purchase', 'initial_budget')).toMatchObject({ value: 0, stated_change: 0 });
		// 343-355: "公务接待费 0.46 万元，… 较年初预算数减少 3.54 … 较上年支出数增加 0.20 万元，增 / 长 76.9%"
		expect(one(d, 'three_public.reception', 'prior_year')).toMatchObject({ value: 0.26, stated_percent: 76.9 });
	});

	it('机关运行经费 named before 较 takes its own figure', () => {
		// 397-413: "2021 年度本部门机关运行经费支出 179.77 万元，… 机关运 / 行经费较上年决算数增加 48.82 万元，增长 37.3%，主要原因是"
		expect(one(d, 'operating_cost', 'prior_year')).toMatchObject({ value: 130.95, current_value: 179.77, line: 413 });
	});

	it('yields nothing for 结转和结余, 会议费, 培训费 or a 收入合计 that is no summary measure', () => {
		// 123-125: "2021 年度年末结转和结余 0.00 万元，较 / 上年决算数增加 0.00 万元。"; 377: "本年度会议费支出 0.82 万元，较上年决算数增加 0.47 万元，"
		const measures = new Set((d.narrativeFigures ?? []).map((f) => f.measure));
		expect([...measures].sort()).toEqual([
			'expenditure_total', 'function.201', 'function.208', 'function.210', 'function.221', 'general_budget_expenditure', 'general_budget_income',
			'income_total', 'operating_cost', 'personnel', 'public', 'three_public.outbound', 'three_public.reception', 'three_public.total',
			'three_public.vehicle_operation', 'three_public.vehicle_purchase'
		]);
	});

	it('checks each printed percentage against its figures, within rounding, and all pass', () => {
		const pct = d.checks.filter((c) => c.rule.startsWith('narrative_derived.percent:'));
		expect(pct.length).toBe((d.narrativeFigures ?? []).filter((f) => f.stated_percent !== null).length);
		expect(pct.filter((c) => !c.ok)).toEqual([]);
		// 0.05 ÷ 0.97 = 5.2 %, printed 4.7 %: within what cents rounding allows (0.045 ÷ 0.975 = 4.6 %)
		expect(pct.find((c) => c.rule === 'narrative_derived.percent:three_public.vehicle_operation.prior_year')).toMatchObject({ actual: 4.7, ok: true });
	});

	it('checks the 年初预算数 its prose implies against its own 三公 table', () => {
		// 4897: "（一）支出合计 8.50 1.48", 4905: "（2）公务用车运行维护费 4.50 1.02", 4907: "3．公务接待费 4.00 0.46"
		const own = (item: string) => d.checks.find((c) => c.rule === `narrative_derived.figure:three_public.${item}.initial_budget`);
		expect(own('total')).toMatchObject({ expected: 8.5, actual: 8.5, ok: true, line: 283 });
		expect(own('vehicle_operation')).toMatchObject({ expected: 4.5, actual: 4.5, ok: true });
		expect(own('reception')).toMatchObject({ expected: 4, actual: 4, ok: true, detail: expect.stringContaining('第 4907 行') });
	});

	it('writes narrative_figures rows traced to their lines, with the reason line', () => {
		const rows = toContractRows(d).narrative_figures;
		expect(rows.find((r) => r.measure === 'personnel')).toMatchObject({ doc_id: 'test', figure_year: 2020, figure_kind: 'final', relation: 'prior_year', value: 348.11, source_line: 251, reason_line: 253, source_file: d.document.source_file });
	});
});

describe('seed 001 (2020 决算, one paragraph per line)', () => {
	const d = extractSeed('001');

	it('收支 and the items, decreases adding back', () => {
		// 15: "收支较上年决算数减少196.36万元、下降 10.1%，主要原因是2019年一次性项目较多，…"
		expect(one(d, 'expenditure_total', 'prior_year')).toMatchObject({ year: 2019, value: 1946.97, stated_change: -196.36, stated_percent: -10.1 });
		// 49: "因公出国（境）费用0.00万元。费用支出较年初预算数增加0.00万元，增长0%。较上年支出数减少3.93万元，下降100%，主要原因是2020年无因公出国（境）费支出。"
		expect(one(d, 'three_public.outbound', 'prior_year')).toMatchObject({ value: 3.93, stated_percent: -100, reason: '主要原因是2020年无因公出国（境）费支出' });
		expect(one(d, 'three_public.outbound', 'initial_budget')).toMatchObject({ value: 0, reason: null });
		// 50: "公务车购置费0.00万元。费用支出较年初预算数增加0.00万元，增长0。": 0 without % is no percentage
		expect(one(d, 'three_public.vehicle_purchase', 'initial_budget')).toMatchObject({ stated_percent: null });
		// 52: "公务接待费0.39万元，… 较上年支出数增加0.31万元，增长387.5%，主要原因是2019年有一次接待，共接待8人；"
		expect(one(d, 'three_public.reception', 'prior_year')).toMatchObject({ value: 0.08, reason: '主要原因是2019年有一次接待，共接待8人' });
	});

	it('keeps the quotation marks of a reason as printed', () => {
		// 27: "较年初预算数增加154.31万元，增长9.7%。主要原因是2020年年中追加…“一窗综办”工作经费等项目经费。"
		expect(one(d, 'general_budget_expenditure', 'initial_budget')).toMatchObject({ value: 1596.3, reason: expect.stringContaining('“一窗综办”工作经费') });
	});

	it('has no 三公 table, so its prose-built 三公 rows are not checked against themselves', () => {
		expect(d.checks.filter((c) => c.rule.startsWith('narrative_derived.figure:'))).toEqual([]);
	});

	it('pins no 年初预算 change on 结余分配, the figure just before it', () => {
		// 26: "一般公共预算财政拨款收入1,750.61万元，… 其中：… 此外，结余分配0.00万元。较年初预算数 增加154.31万元，增长9.7%。"
		expect(derived(d, 'general_budget_income', 'initial_budget')).toEqual([]);
		expect(one(d, 'general_budget_income', 'prior_year')).toMatchObject({ value: 1946.97 });
	});

	it('类 against 年初预算数 and its percentage checked', () => {
		// 37: "（5）住房保障支出35.81万元，占2%，较年初预算数减少25.56万元，下降41.6%，主要原因是2020年缴存基数变化导致。"
		expect(one(d, 'function.221', 'initial_budget')).toMatchObject({ value: 61.37, reason: '主要原因是2020年缴存基数变化导致' });
		expect(d.checks.filter((c) => c.rule.startsWith('narrative_derived.percent:') && !c.ok)).toEqual([]);
	});
});

describe('seed 002 (2023 预算): 较/比 2022年 and 与上年持平', () => {
	const d = extractSeed('002');

	it('收入/支出 named before 较 take the totals, as 2022 budgets', () => {
		// 74-75: "收入较 2022年减少 150.99万 / 元，主要是厉行节约，减少开支。"
		expect(one(d, 'income_total', 'prior_year')).toMatchObject({ year: 2022, kind: 'budget', value: 813.21, current_value: 662.22, stated_percent: null, reason: '主要是厉行节约，减少开支' });
		// 83-85: "支出 / 较 2022年减少 150.99万元，主要是基本支出减少 1.99万元， / 项目支出减少 149万元。" — 基本支出减少 without a base yields nothing
		expect(one(d, 'expenditure_total', 'prior_year')).toMatchObject({ value: 813.21 });
		expect(one(d, 'basic', 'prior_year')).toMatchObject({ value: 413.21, line: 96 });
	});

	it('与上年持平: the prior year equals the stated figure, with the reason when given', () => {
		// 115-124: "其中：因公出国（境）费用 0万元，与上年持平；公务接 / 待费 0.3 万元，比 2022 年减少 0.7 万元，主要原因是厉行节约， / 减少开支；公务用车运行维护费 5.5万元，与上年持平，主要 / 原因是公务车运行费与去年持平；"
		expect(one(d, 'three_public.vehicle_operation', 'prior_year')).toMatchObject({ value: 5.5, current_value: 5.5, stated_change: 0, reason: '主要原因是公务车运行费与去年持平' });
		expect(one(d, 'three_public.outbound', 'prior_year')).toMatchObject({ value: 0, reason: null });
		expect(one(d, 'three_public.reception', 'prior_year')).toMatchObject({ value: 1, reason: '主要原因是厉行节约，减少开支' });
	});
});

describe('seed 003 (2025 预算, one paragraph per line)', () => {
	const d = extractSeed('003');

	it('基本/项目支出 比2024年, 机关运行经费 比上年, 三公 items with 减少0万', () => {
		// 65: "其中：基本支出1542.83万元，比2024年增加35.92万元，主要原因是机构改革，人员调整，主要用于保障在职人员…支出；项目支出590万元，比2024年减少1592.37万元，"
		expect(one(d, 'basic', 'prior_year')).toMatchObject({ year: 2024, kind: 'budget', value: 1506.91, reason: expect.stringMatching(/^主要原因是机构改革，人员调整，主要用于保障在职人员/) });
		expect(one(d, 'project', 'prior_year')).toMatchObject({ value: 2182.37, reason: expect.stringContaining('“中心运行经费”') });
		// 75: "运行经费309.17万元，比上年减少48.03万元，主要原因为本年度预算编制口径调整。"
		expect(one(d, 'operating_cost', 'prior_year')).toMatchObject({ value: 357.2, reason: '主要原因为本年度预算编制口径调整' });
		// 71: "公务接待费0万元，比2024年减少0万；公务用车运行维护费18万元，比2024年减少12万元，主要原因是本年度预算编制口径调整；"
		expect(one(d, 'three_public.reception', 'prior_year')).toMatchObject({ value: 0 });
		expect(one(d, 'three_public.vehicle_operation', 'prior_year')).toMatchObject({ value: 30, reason: '主要原因是本年度预算编制口径调整' });
		expect(one(d, 'three_public.total', 'prior_year')).toMatchObject({ value: 30, reason: null });
	});
});

describe('seed 004 (tables only)', () => {
	it('has no prose and so no derived figure', () => {
		expect(extractSeed('004').narrativeFigures).toEqual([]);
	});
});
