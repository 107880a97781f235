import { describe, expect, it } from 'vitest';
import { byPinyin, sortByPinyin } from '$lib/filters/order';
import { toKnownValues } from '$lib/queries/documents';
import { coverageGrid } from '$lib/components/coverage';
import { groupsOf } from '$lib/charts/compare';

// code-point order would be 九 (U+4E5D) < 北 (U+5317) < 大 (U+5927) < 渝 (U+6E1D)
const SHUFFLED = ['渝中区', '九龙坡区', '大渡口区', '北碚区', '沙坪坝区'];
const PINYIN = ['北碚区', '大渡口区', '九龙坡区', '沙坪坝区', '渝中区'];

describe('pinyin order', () => {
	it('sorts districts by pinyin, not by code points', () => {
		expect([...SHUFFLED].sort()).not.toEqual(PINYIN);
		expect(sortByPinyin(SHUFFLED)).toEqual(PINYIN);
		expect(byPinyin('北碚区', '渝中区')).toBeLessThan(0);
		expect(byPinyin('渝中区', '渝中区')).toBe(0);
	});

	it('orders the filter options of districts and departments', () => {
		const known = toKnownValues([
			...SHUFFLED.map((value) => ({ field: 'district' as const, value })),
			{ field: 'department', value: '人民政府办公室' },
			{ field: 'department', value: '教育委员会' },
			{ field: 'department', value: '财政局' }
		]);
		expect(known.districts).toEqual(PINYIN);
		expect(known.departments).toEqual(['财政局', '教育委员会', '人民政府办公室']);
	});

	it('orders coverage rows and compare groups', () => {
		const grid = coverageGrid(SHUFFLED.map((district) => ({ district, year: 2024, budget: 1, final: 0 })));
		expect(grid.districts).toEqual(PINYIN);
		const groups = groupsOf(SHUFFLED.map((district) => ({ district, unit: '财政局', year: 2024, kind: 'budget' as const })));
		expect(groups.map((g) => g.district)).toEqual(PINYIN);
	});
});
