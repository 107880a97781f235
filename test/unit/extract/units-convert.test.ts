/**
 * Units: the statement a table prints (单位：元, 金额单位：千元 …) and the conversion of its figures
 * to 万元, exact to the cent of 万元 (integer arithmetic on the printed digits, half up).
 */
import { describe, expect, it } from 'vitest';
import { assembleRows, splitLines } from '../../../src/lib/extract/layout';
import { convertAmount, readUnitStatement, toWanRows } from '../../../src/lib/extract/units';

describe('unit statements', () => {
	it('reads 元 / 千元 / 万元 / 亿元 after 单位 or 金额单位, with either colon, anywhere on the line', () => {
		expect(readUnitStatement('单位：元')).toEqual({ printed: '元', scale: 0.0001 });
		expect(readUnitStatement('金额单位：万元')).toEqual({ printed: '万元', scale: 1 });
		expect(readUnitStatement('单位:千元')).toEqual({ printed: '千元', scale: 0.1 });
		expect(readUnitStatement('公开部门：重庆市某局\t\t2023年度\t单位： 亿元')).toEqual({ printed: '亿元', scale: 10000 });
		expect(readUnitStatement('收支预算总表（单位：元）')).toEqual({ printed: '元', scale: 0.0001 });
	});

	it('does not take prose amounts or other units for a statement', () => {
		expect(readUnitStatement('2023年收入总计1,577.60万元')).toBeNull();
		expect(readUnitStatement('公务用车保有量（单位：辆）')).toBeNull();
		expect(readUnitStatement('单位名称：重庆市某局')).toBeNull();
	});
});

describe('conversion to 万元', () => {
	it('keeps the cent of 万元 exact: 87,267,272.44 元 = 8726.73 万元; 1,874,250.00 元 = 187.43 (half up)', () => {
		expect(convertAmount('87,267,272.44', 0.0001)).toBe('8726.73');
		// 187.425 万元: floating point would give 187.42.
		expect(convertAmount('1,874,250.00', 0.0001)).toBe('187.43');
		expect(convertAmount('50.00', 0.0001)).toBe('0.01');
		expect(convertAmount('49.99', 0.0001)).toBe('0.00');
		expect(convertAmount('１２，３４５．６７', 0.1)).toBe('1234.57');
		expect(convertAmount('-3,000.00', 0.0001)).toBe('-0.30');
		expect(convertAmount('2.5', 10000)).toBe('25000.00');
	});

	it('gives exact decimal arithmetic (half up) for figures of every length, in every unit', () => {
		// 123,456,789,012,345,678.95 元 = 12,345,678,901,234.567895 万元: past what a double holds exactly.
		expect(convertAmount('123,456,789,012,345,678.95', 0.0001)).toBe('12345678901234.57');
		expect(convertAmount('9,007,199,254,740,993', 10000)).toBe('90071992547409930000.00');
		expect(convertAmount('-0.004', 1 / 10000)).toBe('0.00');
		// The reference: the printed digits as a BigInt, scaled, rounded half up.
		const reference = (digits: string, decimals: number, exponent: number): string => {
			const shift = exponent + 2 - decimals;
			const n = BigInt(digits);
			const cents = shift >= 0 ? n * 10n ** BigInt(shift) : (2n * n + 10n ** BigInt(-shift)) / (2n * 10n ** BigInt(-shift));
			return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
		};
		let seed = 7;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		for (let i = 0; i < 2000; i++) {
			const length = 1 + Math.floor(random() * 19);
			const digits = Array.from({ length }, (_, k) => (k === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10))).join('');
			const decimals = Math.floor(random() * Math.min(4, length));
			const exponent = [-4, -3, -1, 0, 4][Math.floor(random() * 5)]!;
			if (exponent === 0) continue; // 万元: printed as is
			const printed = decimals > 0 ? `${digits.slice(0, -decimals) || '0'}.${digits.slice(-decimals)}` : digits;
			expect(convertAmount(printed, 10 ** exponent), printed).toBe(reference(digits, decimals, exponent));
		}
	});

	it('leaves empty markers, text and 万元 figures as printed', () => {
		expect(convertAmount('—', 0.0001)).toBe('—');
		expect(convertAmount('基本工资', 0.0001)).toBe('基本工资');
		expect(convertAmount('1,577.60', 1)).toBe('1,577.60');
	});

	it('converts figure cells but not the codes before names', () => {
		const rows = assembleRows(splitLines('301\t工资福利支出\t6,377,729.08\t302\t商品和服务支出\t344,870.00\n合计\t\t6,722,599.08'), 'tabs');
		const cells = toWanRows(rows, 0.0001).map((r) => r.cells.map((c) => c.text));
		expect(cells).toEqual([
			['301', '工资福利支出', '637.77', '302', '商品和服务支出', '34.49'],
			['合计', '', '672.26']
		]);
		expect(toWanRows(rows, 1)).toBe(rows);
	});
});
