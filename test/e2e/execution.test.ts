/**
 * /execution and /rankings over the views' fixture corpus (test/fixtures/views-corpus): execution
 * rates only for a unit-year with both kinds, changes against the same unit and kind the year
 * before, a league table and its CSV. Expected figures are computed by hand from the corpus
 * README's table; the arithmetic is written beside each.
 */
import { describe, expect, it } from 'vitest';
import { chartTable } from './chart-data';
import { CORPUS_BUILD_TIMEOUT, ensureCorpusSite } from './corpus-site';
import { useE2E, type TrackedPage } from './harness';

const e2e = useE2E({ site: ensureCorpusSite, setupTimeout: CORPUS_BUILD_TIMEOUT });

const ZWB = '沙坪坝区·政务服务管理办公室';
const ZFB = '沙坪坝区·人民政府办公室';
const NANAN = '南岸区·政务服务管理办公室';

/** The body rows of the table `testid`, each as its cells' text. */
async function tableRows(t: TrackedPage, testid: string): Promise<string[][]> {
	const selector = `[data-testid="${testid}"] tbody tr`;
	await t.page.waitForSelector(selector, { timeout: 20_000 });
	return t.page.locator(selector).evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((td) => (td.textContent ?? '').trim())));
}

describe('/execution', () => {
	it('draws 决算 ÷ 预算 of the same unit and year only, with the figures in its table', async () => {
		const t = await e2e.open('/execution');
		await t.waitForCharts({ min: 1 });
		const chart = await chartTable(t, 'execution-rate');
		// pairs: 政府办 2024, 政务办 2022 and 2023; 南岸 (2022 决算, 2023 预算) has none — only its 决算's own
		// 年初预算数, drawn after them as derived: "“三公”经费支出共计 2.50万元，较年初预算数减少 0.50万元" → 2.50 ÷ 3.00 = 83.3 %
		expect(chart.rows).toEqual([`${ZFB} 2024`, `${ZWB} 2022`, `${ZWB} 2023`, `${NANAN} 2022`]);
		expect(chart.cells[`${NANAN} 2022`]['“三公”经费（据决算文字推算）']).toBe('83.3%');
		expect(chart.cells[`${NANAN} 2022`]['支出合计']).toBe('—');
		expect(chart.cells[`${ZWB} 2022`]['“三公”经费（据决算文字推算）']).toBe('—');
		// 1,650.30 ÷ 1,720.00 = 95.95 % ; 480.40 ÷ 500.00 = 96.08 % ; 530.00 ÷ 554.00 = 95.67 %
		expect(chart.cells[`${ZFB} 2024`]['支出合计']).toBe('95.9%');
		expect(chart.cells[`${ZWB} 2022`]['支出合计']).toBe('96.1%');
		// 三公 4.30 ÷ 6.00 = 71.67 %
		expect(chart.cells[`${ZWB} 2022`]['“三公”经费']).toBe('71.7%');
		const rows = await tableRows(t, 'execution-table');
		expect(rows).toContainEqual([ZFB, '2024', '支出合计', '1,720.00', '1,650.30', '95.9%']);
		// 基本 372.40 ÷ 380.00 = 98.0 %
		expect(rows).toContainEqual([ZWB, '2022', '基本支出', '380.00', '372.40', '98.0%']);
		expect(rows.some((r) => r[0] === NANAN)).toBe(false);
		t.expectClean();
	});

	it('gives the change against the same unit and kind the year before, signed', async () => {
		const t = await e2e.open('/execution?district=沙坪坝区&kind=budget');
		await t.waitForCharts({ min: 1 });
		const rows = (await tableRows(t, 'change-table')).filter((r) => r[3] === '支出合计');
		// 政府办 1,700.00 − 1,720.00 = −20.00 (−1.2 %); 政务办 554.00 − 500.00 = +54.00 (+10.8 %),
		// 517.25 − 554.00 = −36.75 (−6.6 %); never 政务办's 554.00 against 政府办's 1,720.00
		expect(rows).toEqual([
			[ZFB, '预算', '2025', '支出合计', '1,720.00', '1,700.00', '-20.00', '-1.2%'],
			[ZWB, '预算', '2023', '支出合计', '500.00', '554.00', '+54.00', '+10.8%'],
			[ZWB, '预算', '2024', '支出合计', '554.00', '517.25', '-36.75', '-6.6%']
		]);
		await t.page.waitForSelector('[data-testid="kind-ignored"]');
	});
});

describe('/rankings', () => {
	it('ranks units by the latest 预算 total and exports the table as CSV', async () => {
		const t = await e2e.open('/rankings?kind=budget');
		await t.waitForDuckDB();
		const rows = await tableRows(t, 'ranking-table');
		// 1,700.00 (政府办 2025) > 517.25 (政务办 2024) > 390.00 (南岸 2023)
		expect(rows).toEqual([
			['1', ZFB, '2025', '预算', '1,700.00'],
			['2', ZWB, '2024', '预算', '517.25'],
			['3', NANAN, '2023', '预算', '390.00']
		]);
		await t.waitForCharts({ min: 1 });
		const chart = await chartTable(t, 'ranking');
		// bars bottom-up, so the first place is drawn at the top
		expect(chart.rows).toEqual([`${NANAN} 2023年预算`, `${ZWB} 2024年预算`, `${ZFB} 2025年预算`]);
		expect(chart.cells[`${ZFB} 2025年预算`]['支出合计']).toBe('1,700.00');
		const file = await t.download(() => t.page.click('text=下载 CSV'));
		expect(file.filename).toBe('budget-lens_ranking-total_budget.csv');
		const lines = file.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
		expect(lines).toEqual(['名次,区县,部门类别,年度,类型,支出合计（万元）', '1,沙坪坝区,人民政府办公室,2025,预算,1700', '2,沙坪坝区,政务服务管理办公室,2024,预算,517.25', '3,南岸区,政务服务管理办公室,2023,预算,390']);
	});

	it('ranks by execution rate when the measure is chosen', async () => {
		const t = await e2e.open('/rankings');
		await t.waitForDuckDB();
		await t.page.getByLabel('排名指标').selectOption('execution');
		await t.page.waitForURL(/measure=execution/);
		await t.page.waitForSelector('text=执行率（%）');
		const rows = await tableRows(t, 'ranking-table');
		// latest pair of each unit: 政府办 2024 95.95 % > 政务办 2023 95.67 %
		expect(rows).toEqual([
			['1', ZFB, '2024', '决算÷预算', '95.9%'],
			['2', ZWB, '2023', '决算÷预算', '95.7%']
		]);
	});
});
