import { describe, expect, it } from 'vitest';
import { columnLabel, kindLabel, measureLabel, threePublicLabel, unitLabel, yearRangeLabel, yearSpanLabel } from '../../../src/lib/format';

describe('labels', () => {
	it('names document kinds in Chinese', () => {
		expect(kindLabel('budget')).toBe('预算');
		expect(kindLabel('final')).toBe('决算');
		expect(kindLabel('both')).toBe('预算和决算');
		expect(kindLabel('other')).toBe('other');
		expect(kindLabel('toString')).toBe('toString');
	});

	it('names 三公 items, measures and columns', () => {
		expect(threePublicLabel('reception')).toBe('公务接待费');
		expect(threePublicLabel('outbound')).toBe('因公出国（境）费');
		expect(measureLabel('operating_cost')).toBe('机关运行经费');
		expect(columnLabel('district')).toBe('区县');
		expect(columnLabel('unknown_col')).toBe('unknown_col');
	});

	it('labels year ranges', () => {
		expect(yearRangeLabel(null)).toBe('全部年度');
		expect(yearRangeLabel({ from: 2023, to: 2023 })).toBe('2023年');
		expect(yearRangeLabel({ from: 2021, to: 2025 })).toBe('2021–2025年');
		expect(yearSpanLabel([2025, 2023, 2024])).toBe('2023–2025年');
		expect(yearSpanLabel([2024])).toBe('2024年');
		expect(yearSpanLabel([])).toBe('');
	});

	it('names a unit by its district and department kind', () => {
		expect(unitLabel('九龙坡区', '政务服务管理办公室')).toBe('九龙坡区·政务服务管理办公室');
	});
});
