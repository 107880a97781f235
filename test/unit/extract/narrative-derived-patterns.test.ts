/**
 * Hand-composed sentences in the patterns other disclosures use, and sentences that look alike but
 * must not yield a derived figure. Figures are made up; the expected values are worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/lib/extract/layout';
import { readDerivedFigures } from '../../../src/lib/extract/narrative-derived';
import { derivedPercentChecks, percentRange } from '../../../src/lib/extract/narrative-derived-checks';

const read = (text: string, year = 2023, kind: 'budget' | 'final' = 'final') => readDerivedFigures(splitLines(text), year, kind);

describe('patterns that yield', () => {
	it('增加 / 减少 / 增长 / 下降 each with its sign', () => {
		expect(read('2022年度基本支出500.00万元，较上年决算数增长20.00万元，增长4.2%。', 2022)).toMatchObject([{ measure: 'basic', year: 2021, kind: 'final', value: 480, stated_change: 20, stated_percent: 4.2 }]);
		expect(read('项目支出300万元，较上年决算数下降100万元，下降25%。')).toMatchObject([{ measure: 'project', value: 400, stated_change: -100, stated_percent: -25 }]);
		expect(read('人员经费80万元，比上年减少20万元。', 2024, 'budget')).toMatchObject([{ measure: 'personnel', year: 2023, kind: 'budget', value: 100, stated_percent: null }]);
	});

	it('与上年持平 / 较上年持平 / 与2022年持平', () => {
		expect(read('公务接待费2.00万元，与上年持平。')).toMatchObject([{ measure: 'three_public.reception', year: 2022, value: 2, stated_change: 0 }]);
		expect(read('公用经费45.5万元，较上年持平，主要原因是人员未变。')).toMatchObject([{ measure: 'public', value: 45.5, reason: '主要原因是人员未变' }]);
		expect(read('因公出国（境）费0万元，与2022年持平。')).toMatchObject([{ measure: 'three_public.outbound', year: 2022, value: 0 }]);
	});

	it('figures in 元 converted exactly to 万元, the change too', () => {
		// 18,750元 = 1.875 万元 → 1.88 (half up); change 3,250元 = 0.325 → 0.33
		expect(read('公务接待费18,750元，较上年决算数增加3,250元，增长21%。')).toMatchObject([{ measure: 'three_public.reception', current_value: 1.88, stated_change: 0.33, value: 1.55 }]);
		expect(read('2023年“三公”经费预算150000元，比2022年减少50000元。', 2023, 'budget')).toMatchObject([{ measure: 'three_public.total', kind: 'budget', value: 20, current_value: 15 }]);
	});

	it('个百分点 is recorded as points, never as a percentage', () => {
		const [f] = read('基本支出612.08万元，较上年决算数增加12.08万元，增长2个百分点。');
		expect(f).toMatchObject({ value: 600, stated_percent: null, stated_points: 2 });
		expect(derivedPercentChecks([f])).toEqual([]);
	});

	it('年初预算数 of a 决算, 类 and 三公 items', () => {
		expect(read('教育支出10.50万元，较年初预算数减少1.50万元，下降12.5%，主要原因是培训减少。')).toMatchObject([
			{ measure: 'function.205', relation: 'initial_budget', year: 2023, kind: 'budget', value: 12, reason: '主要原因是培训减少' }
		]);
		expect(read('公务用车购置及运行维护费3万元，较年初预算数增加1万元。')).toMatchObject([{ measure: 'three_public.vehicle', value: 2 }]);
	});

	it('与上年相比 before a subject that names the measure', () => {
		expect(read('2023年度机关运行经费支出60万元。与上年相比，机关运行经费增加10万元，增长20%。')).toMatchObject([{ measure: 'operating_cost', value: 50, stated_percent: 20 }]);
	});

	it('the reason that follows a percentage in the next sentence', () => {
		expect(read('人员经费120万元，较上年决算数增加20万元，增长20%。主要原因是新增人员2人。')).toMatchObject([{ reason: '主要原因是新增人员2人' }]);
	});
});

describe('look-alikes that yield nothing', () => {
	it.each([
		['a change with no base', '基本支出减少1.99万元，项目支出减少149万元。'],
		['a count of people', '人员经费100万元，较上年增加3人。'],
		['a count of vehicles', '公务用车购置费0万元，较上年减少1辆。'],
		['a percentage with no amount', '公用经费45万元，较上年下降5%。'],
		['a share in 个百分点 with no amount', '基本支出占比60%，较上年提高2个百分点。'],
		['a year that is not the one before', '人员经费100万元，比2020年增加10万元。'],
		['a figure that is no measure read here', '本年度培训费支出13.97万元，较上年决算数减少0.00万元，下降0%。'],
		['结转和结余', '年末结转和结余0.00万元，较上年决算数增加0.00万元。'],
		['a change of a named thing that is no measure', '2020年较2019年人数减少20人，会议费较上年减少2万元。'],
		['a verb with no number', '公务接待较2020年增加了接待人数和次数。'],
		['持平 inside a reason', '运行维护费支出增加，主要原因是公务车运行费与去年持平。']
	])('%s', (_label, text) => {
		expect(read(text)).toEqual([]);
	});

	it('yields nothing when the year or kind is unknown', () => {
		expect(readDerivedFigures(splitLines('基本支出500万元，较上年决算数增加20万元。'), null, 'final')).toEqual([]);
	});
});

describe('a long narrative', () => {
	it('pins each change on its own figure and line, however many there are', () => {
		const text = Array.from({ length: 3000 }, (_, i) => `公务接待费${i + 10}.00万元，较上年决算数减少1.00万元，主要原因是第${i}次压减。`).join('\n');
		const figures = read(text);
		expect(figures).toHaveLength(3000);
		expect(figures[2999]).toMatchObject({ value: 3010, line: 3000, reason: '主要原因是第2999次压减' });
	});
});

describe('the percentage check', () => {
	it('passes within the rounding of cents and the printed decimals, fails beyond', () => {
		const figure = (pct: number, decimals = 1) => ({
			measure: 'basic', year: 2022, kind: 'final' as const, relation: 'prior_year' as const, value: 480, current_value: 500, stated_change: 20,
			stated_percent: pct, percent_decimals: decimals, stated_points: null, reason: null, reason_line: null, line: 7
		});
		// 20 ÷ 480 = 4.1667 %
		expect(derivedPercentChecks([figure(4.2)])).toMatchObject([{ rule: 'narrative_derived.percent:basic.prior_year', ok: true, expected: 4.17, actual: 4.2, line: 7 }]);
		expect(derivedPercentChecks([figure(4, 0)])[0].ok).toBe(true); // printed as 4 %: ±0.5
		expect(derivedPercentChecks([figure(4.3)])[0].ok).toBe(false);
		expect(derivedPercentChecks([figure(41.7)])[0]).toMatchObject({ ok: false, detail: expect.stringContaining('基本支出') });
	});

	it('a percentage of nothing is only right as 0 for no change', () => {
		expect(percentRange(0, 0)).toBeNull();
		expect(read('公务用车购置费0万元，较年初预算数增加0万元，增长0%。').flatMap((f) => derivedPercentChecks([f]))).toMatchObject([{ ok: true }]);
	});
});
