import { describe, expect, it } from 'vitest';
import { limitGroups } from '$lib/charts/compare-limit';
import { buildCompareFunctionOption } from '$lib/charts/compare';
import type { CompareFunctionRow } from '$lib/queries/compare';

const group = (district: string, total: number | null, unit = '财政局') => ({ district, unit, year: 2024, kind: 'budget' as const, total });

describe('limitGroups', () => {
	it('keeps every group when they fit', () => {
		const l = limitGroups([group('北碚区', 1), group('渝中区', 2)], 2);
		expect(l.rest).toBe(0);
		expect(l.restUnits).toBe(0);
		expect(l.keep(group('北碚区', 1))).toBe(true);
	});

	it('keeps the largest by total and counts the rest, a repeated group counted once', () => {
		const groups = [group('北碚区', 10), group('渝中区', 30), group('大渡口区', null), group('九龙坡区', 20), group('渝中区', 30)];
		const l = limitGroups(groups, 2);
		expect(l.rest).toBe(2);
		expect(l.restUnits).toBe(2);
		expect(groups.filter(l.keep).map((g) => g.district)).toEqual(['渝中区', '九龙坡区', '渝中区']);
	});

	it('counts a unit as left out only when none of its disclosures is drawn', () => {
		const final = { ...group('北碚区', 5), kind: 'final' as const };
		const l = limitGroups([group('北碚区', 10), final, group('渝中区', 1)], 1);
		expect(l.rest).toBe(2);
		expect(l.restUnits).toBe(1);
	});
});

describe('buildCompareFunctionOption', () => {
	it('puts each group’s amount at its class, summed over its rows, gaps where it has none', () => {
		const row = (district: string, code: string, amount: number, share: number): CompareFunctionRow => ({
			district, unit: '财政局', year: 2024, kind: 'budget', code, name: code === '201' ? '一般公共服务支出' : '教育支出', amount, share
		});
		const rows = [row('北碚区', '201', 10, 0.5), row('北碚区', '205', 10, 0.5), row('渝中区', '201', 7.5, 1)];
		const amount = buildCompareFunctionOption(rows, { mode: 'amount' }) as { series: { name: string; data: (number | null)[] }[] };
		expect(amount.series.map((s) => [s.name, s.data])).toEqual([
			['北碚区·财政局·2024年预算', [10, 10]],
			['渝中区·财政局·2024年预算', [7.5, null]]
		]);
		const share = buildCompareFunctionOption(rows, { mode: 'share' }) as { series: { data: (number | null)[] }[] };
		expect(share.series.map((s) => s.data)).toEqual([[50, 50], [100, null]]);
	});
});
