/**
 * 政府采购 in prose: the total (支出预算总额, 预算总金额为 …) and its parts named in the breakdown
 * that follows it (拟采购货物支出, 拟购买工程, 拟购买服务), in the same sentence or in the next one
 * when it opens with 其中. Look-alikes: 政府购买服务 (a different programme), 物业服务合同, a 服务
 * figure outside the breakdown. All sentences are composed by hand for the test.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/lib/extract/layout';
import { readNarrative } from '../../../src/lib/extract/narrative';

const read = (text: string) => readNarrative(splitLines(text), false).summary;

describe('政府采购 in prose', () => {
	it('reads 支出预算总额 and the 拟采购/拟购买 parts of its 其中, broken across lines', () => {
		const s = read(`十二、政府采购支出预算情况说明
2020年度政府采购支出预算总额 300.50 万元，其中：拟采
购货物支出 40 万元、拟购买服务支出 260.50 万元。`);
		expect(s.procurement_total).toEqual({ value: 300.5, line: 2 });
		expect(s.procurement_goods).toEqual({ value: 40, line: 3 });
		expect(s.procurement_services).toEqual({ value: 260.5, line: 3 });
		// Not stated: not read as 0.
		expect(s.procurement_works).toBeUndefined();
	});

	it('reads 预算总金额为 and a breakdown in the next sentence that opens with 其中', () => {
		const s = read(`2020 年度我部门政府采购预算总金额为 500 万元。
其中拟购买货物 100 万元，拟购买工程 0 万元，拟购买服务
400 万元。`);
		expect(s.procurement_total).toEqual({ value: 500, line: 1 });
		expect(s.procurement_goods).toEqual({ value: 100, line: 2 });
		expect(s.procurement_works).toEqual({ value: 0, line: 2 });
		expect(s.procurement_services).toEqual({ value: 400, line: 3 });
	});

	it('still reads the parts named 政府采购货物预算 … after a colon', () => {
		const s = read(`政府采购预算总额 120.00万元：政府采购货物预算 20.00万元、政府采购工程预算 0万元、政府采购服务预算 100.00万元。`);
		expect([s.procurement_total?.value, s.procurement_goods?.value, s.procurement_works?.value, s.procurement_services?.value]).toEqual([120, 20, 0, 100]);
	});

	it('does not take 政府购买服务, 物业服务合同 or a figure after the breakdown for a part', () => {
		const s = read(`本部门政府购买服务预算 80 万元。
2020年度政府采购支出预算总额 300 万元。本部门另安排购买服务 50 万元。
主要用于物业服务合同 20 万元。`);
		expect(s.procurement_total).toEqual({ value: 300, line: 2 });
		expect(s.procurement_goods).toBeUndefined();
		expect(s.procurement_services).toBeUndefined();
	});

	it('converts a total and parts stated in 元', () => {
		const s = read(`政府采购支出预算总额 1,200,000 元，其中：拟采购货物支出 200,000 元、拟购买服务支出 1,000,000 元。`);
		expect([s.procurement_total?.value, s.procurement_goods?.value, s.procurement_services?.value]).toEqual([120, 20, 100]);
	});

	it('a share of the 政府采购 total is not the total', () => {
		const s = read(`授予中小企业合同金额 267.7 万元，占政府采购支出总额的 57%。`);
		expect(s.procurement_total).toBeUndefined();
	});
});
