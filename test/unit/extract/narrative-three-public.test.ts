/**
 * The 三公 paragraph of a 预算 情况说明: items with measure words between name and amount
 * (因公出国（境）费预算支出, 公务用车购置预算支出 without 费), a passage that states no 三公 total,
 * and the look-alikes that must not become 三公 items (会议费 and 培训费 of the same section, the
 * percentages “占三公经费的…%”, 公务用车购置及运行费 for 购置, figures before the passage, counts).
 * All sentences are composed by hand for the test; the figures are read from them.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/lib/extract/layout';
import { readNarrative } from '../../../src/lib/extract/narrative';

const read = (text: string, isFinal = false) => readNarrative(splitLines(text), isFinal);
const values = (n: ReturnType<typeof read>) => Object.fromEntries(Object.entries(n.threePublic).map(([k, f]) => [k, [f?.value, f?.line]]));

/** Composed in the provincial wording: items with their share, then each item again, then 会议费/培训费. */
const PROVINCIAL = `（二）公用经费 300 万元。主要包括：办公费、会议费、培训费、公
务接待费、公务用车运行维护费、其他交通费用。
九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明
某厅2020年度一般公共预算拨款安排的“三
公”经费预算支出中，因公出国（境）费支出 15 万元，占“三公”
经费的 10.00%；公务用车购置及运行费支出 120.50 万元，占“三
公”经费的 80.33%；公务接待费支出 14.5 万元，占“三公”经费的
9.67 %。具体情况如下：
1．因公出国（境）费预算支出 15 万元，与上年预算数一致。
2．公务用车购置及运行费预算支出 120.50 万元。其中：
（1）公务用车购置预算支出 0 万元，与上年预算数一致。
（2）公务用车运行维护费预算支出 120.50 万元，与上年预
算数一致。
3．公务接待费预算支出 14.5 万元，与上年预算数一致。
某厅2020年度一般公共预算拨款安排的会议费
预算支出 200 万元，与上年预算数一致。
某厅2020年度一般公共预算拨款安排的培训费
预算支出 35 万元，与上年预算数一致。`;

describe('三公 items in a passage without a stated total', () => {
	const n = read(PROVINCIAL);

	it('reads every item with measure words between name and amount, each at its first statement', () => {
		expect(values(n)).toEqual({
			outbound: [15, 5],
			vehicle: [120.5, 6],
			vehicle_purchase: [0, 11],
			vehicle_operation: [120.5, 12],
			reception: [14.5, 7]
		});
	});

	it('states no 三公 total: a percentage of 三公经费 is not one', () => {
		expect(n.threePublic.total).toBeUndefined();
	});

	it('never takes 会议费 or 培训费 for a 三公 item', () => {
		const all = Object.values(n.threePublic).map((f) => f?.value);
		expect(all).not.toContain(200);
		expect(all).not.toContain(35);
	});

	it('reads nothing for a 预算 as 年初预算数 (that is a 决算 reading)', () => {
		expect(Object.values(n.threePublic).every((f) => f?.budget === null)).toBe(true);
	});
});

describe('三公 look-alikes', () => {
	it('a 会议费 or 培训费 sentence alone yields no 三公 figure', () => {
		const n = read(`一般公共预算“三公”经费、会议费、培训费支出预算情况说明
某厅一般公共预算拨款安排的会议费预算支出 200 万元，培训费预算支出 35 万元。`);
		expect(n.threePublic).toEqual({});
	});

	it('a 公务接待费 figure before the 三公 passage is not the 三公 item', () => {
		const n = read(`机关运行经费 80 万元，其中公务接待费 3 万元。
“三公”经费预算支出中，公务接待费支出 14.5 万元。`);
		expect(n.threePublic.reception).toEqual({ value: 14.5, line: 2, budget: null });
	});

	it('公务用车购置为 0 states a zero without a unit; a count of cars is no amount', () => {
		const n = read(`“三公”经费情况
公务用车购置 2 辆。
(1)公务用车购置为 0，与上年持平。`);
		expect(n.threePublic.vehicle_purchase).toEqual({ value: 0, line: 3, budget: null });
	});

	it('公务用车购置及运行费 is the 车辆 item, never 购置', () => {
		const n = read(`“三公”经费预算支出中，公务用车购置及运行费支出 40 万元。`);
		expect(n.threePublic.vehicle).toMatchObject({ value: 40 });
		expect(n.threePublic.vehicle_purchase).toBeUndefined();
		expect(n.threePublic.vehicle_operation).toBeUndefined();
	});

	it('converts an item stated in 元', () => {
		const n = read(`“三公”经费预算支出中，公务接待费支出 14,500 元。`);
		expect(n.threePublic.reception).toMatchObject({ value: 1.45 });
	});

	it('still reads a stated total and the 决算 change after each item', () => {
		const n = read(`2022年度“三公”经费支出共计 3.26万元，较年初预算数减少 1.74万元。其中：公务接待费 0.80万元，较年初预算数减少 0.70万元。`, true);
		expect(n.threePublic.total).toEqual({ value: 3.26, line: 1, budget: 5 });
		expect(n.threePublic.reception).toEqual({ value: 0.8, line: 1, budget: 1.5 });
	});
});
