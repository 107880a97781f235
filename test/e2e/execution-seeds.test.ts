/**
 * /execution and /rankings over the seeds (data/raw): both render without error, and the league
 * table of the latest 预算 holds the three budget-disclosing units once each, highest first.
 */
import { describe, expect, it } from 'vitest';
import { useE2E } from './harness';

const e2e = useE2E();

describe('/execution and /rankings over the seeds', () => {
	it('/execution settles with no chart in error and nothing leaving the origin', async () => {
		const t = await e2e.open('/execution');
		const charts = await t.waitForCharts({ min: 1 });
		await t.waitForDuckDB();
		expect(charts.filter((c) => c.state === 'error')).toEqual([]);
		t.expectClean();
	});

	it('/rankings ranks each unit once by its latest 预算, highest first', async () => {
		const t = await e2e.open('/rankings?kind=budget');
		await t.waitForDuckDB();
		await t.page.waitForSelector('[data-testid="ranking-table"] tbody tr');
		const rows = await t.page
			.locator('[data-testid="ranking-table"] tbody tr')
			.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((td) => (td.textContent ?? '').trim())));
		// three units disclose 预算 in the seeds (the overview's "3 个单位各自最新一份")
		expect(rows.map((r) => r[0])).toEqual(['1', '2', '3']);
		expect(new Set(rows.map((r) => r[1])).size).toBe(3);
		const values = rows.map((r) => Number(r[4].replaceAll(',', '')));
		expect([...values].sort((a, b) => b - a)).toEqual(values);
		expect(rows.every((r) => r[3] === '预算')).toBe(true);
		t.expectClean();
	});
});
