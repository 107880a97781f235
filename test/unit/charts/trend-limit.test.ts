/** /trends at corpus size: the largest lines by latest total are drawn, the rest counted. */
import { describe, expect, it } from 'vitest';
import { TREND_LIMIT, limitTrendLines } from '$lib/charts/trend-limit';

const row = (district: string, kind: 'budget' | 'final', year: number, total: number | null) => ({ district, unit: '政务服务管理办公室', kind, year, total });

describe('limitTrendLines', () => {
	it('keeps every line when they fit', () => {
		const l = limitTrendLines([row('北碚区', 'budget', 2023, 1), row('北碚区', 'final', 2022, 2)]);
		expect([l.lines, l.rest]).toEqual([2, 0]);
		expect(l.keep(row('渝中区', 'budget', 2020, 0))).toBe(true);
	});

	it('keeps the lines with the largest latest total, a unit’s 预算 and 决算 being two lines', () => {
		// 区A's latest 预算 (2024) is small although its 2020 one was the largest of all
		const rows = [row('区A', 'budget', 2020, 1000), row('区A', 'budget', 2024, 1), row('区A', 'final', 2023, 50), row('区B', 'budget', 2024, 40), row('区C', 'budget', 2024, null)];
		const l = limitTrendLines(rows, 2);
		expect([l.lines, l.rest]).toEqual([4, 2]);
		expect(rows.filter((r) => l.keep(r)).map((r) => `${r.district}${r.kind}${r.year}`)).toEqual(['区Afinal2023', '区Bbudget2024']);
	});

	it('draws at most TREND_LIMIT lines of a whole city', () => {
		const rows = Array.from({ length: 3000 }, (_, i) => row(`区${i}`, i % 2 ? 'final' : 'budget', 2024, i));
		const l = limitTrendLines(rows);
		expect(rows.filter((r) => l.keep(r))).toHaveLength(TREND_LIMIT);
		expect(l.rest).toBe(3000 - TREND_LIMIT);
	});
});
