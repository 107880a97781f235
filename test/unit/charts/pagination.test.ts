import { describe, expect, it } from 'vitest';
import { pageOf } from '$lib/components/pagination';

const rows = Array.from({ length: 120 }, (_, i) => i + 1);

describe('pageOf', () => {
	it('slices a page and says which rows of how many', () => {
		const p = pageOf(rows, 2, 50);
		expect(p.rows[0]).toBe(51);
		expect(p.rows).toHaveLength(50);
		expect(p.pages).toBe(3);
		expect(p.countText).toBe('第 51–100 条，共 120 条');
		expect([p.from, p.to]).toEqual([51, 100]);
		expect(pageOf(rows, 3, 50).countText).toBe('第 101–120 条，共 120 条');
	});

	it('clamps a page beyond either end, and one page just counts', () => {
		expect(pageOf(rows, 9, 50).page).toBe(3);
		expect(pageOf(rows, 0, 50).page).toBe(1);
		expect(pageOf([1, 2, 3], 1, 50)).toEqual({ page: 1, pages: 1, rows: [1, 2, 3], from: 1, to: 3, countText: '共 3 条' });
		expect(pageOf([], 1, 50)).toEqual({ page: 1, pages: 1, rows: [], from: 0, to: 0, countText: '共 0 条' });
	});

	it('uses thousands separators in the count', () => {
		expect(pageOf(Array.from({ length: 1234 }), 1).countText).toBe('第 1–50 条，共 1,234 条');
	});
});
