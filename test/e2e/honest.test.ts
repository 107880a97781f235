/**
 * Small truths over the seeds (data/raw): a year without disclosures shows no data rather than
 * other years' figures, /compare keeps every selected district or says why not, a figure reads the
 * same on every page, and a code has one name. Figures read by a person from the seed texts.
 */
import { describe, expect, it } from 'vitest';
import { chartTable } from './chart-data';
import { useE2E, type TrackedPage } from './harness';

const e2e = useE2E();

async function text(t: TrackedPage, selector: string): Promise<string> {
	return (await t.page.locator(selector).first().textContent()) ?? '';
}

describe('a year with no disclosure', () => {
	it('/?year=2022 shows 暂无数据, not the figures of other years', async () => {
		// the seeds are 2020, 2021, 2023, 2024 and 2025 disclosures
		const t = await e2e.open('/?year=2022');
		const charts = await t.waitForCharts({ min: 2 });
		await t.waitForDuckDB();
		const kpis = await text(t, '.kpis');
		expect(kpis).toContain('暂无数据');
		expect(kpis).not.toContain('3,967.20');
		expect(kpis).not.toContain('4,216.16');
		expect(charts.map((c) => c.state)).toEqual(['empty', 'empty']);
		expect(await text(t, '.filter-notice')).toContain('2022年没有公开');
	});
});

describe('/compare keeps every selected district', () => {
	it('compares 九龙坡区’s 2025 and 北碚区’s 2023 预算, each labelled with its year', async () => {
		const t = await e2e.open('/compare?district=九龙坡区,北碚区&kind=budget');
		await t.waitForCharts({ min: 4 });
		const split = await chartTable(t, 'compare-split');
		// 003 lines 61–63: 基本 1,542.83 项目 590; 002 表二 合计 411.22 251.00
		expect(split.cells).toEqual({
			'北碚区·政务服务管理办公室·2023年预算': { 基本支出: '411.22', 项目支出: '251.00' },
			'九龙坡区·人民政府办公室·2025年预算': { 基本支出: '1,542.83', 项目支出: '590.00' }
		});
		t.expectClean();
	});

	it('names a selected district that has nothing of the chosen kind', async () => {
		// 江津区 published only a 2020 决算
		const t = await e2e.open('/compare?district=九龙坡区,江津区&kind=budget');
		await t.waitForCharts({ min: 4 });
		expect(await text(t, '[data-compare-notice]')).toContain('江津区');
		const split = await chartTable(t, 'compare-split');
		expect(split.rows).toEqual(['九龙坡区·人民政府办公室·2025年预算']);
	});
});

describe('a figure reads the same on every page', () => {
	// two pages each: DuckDB starts twice
	const TWO_PAGES = 120_000;

	it('the 预算 total of / is the total /structure shows', async () => {
		const home = await e2e.open('/?kind=budget');
		await home.waitForCharts({ min: 2 });
		// 1,172.15 + 662.22 + 2,132.83 as printed; their 类 rows add up to 3,967.19
		expect(await text(home, '.kpi-group.budget')).toContain('3,967.20');
		const structure = await e2e.open('/structure?kind=budget');
		await structure.waitForCharts({ min: 2 });
		expect(await text(structure, '[data-structure-total="budget"]')).toContain('3,967.20');
	}, TWO_PAGES);

	it('人员经费 of 九龙坡区’s 2021 决算 reads 420.36 on /structure as on its document page', async () => {
		// 000: the 基本支出 table prints 人员经费 420.36; its 30x rows add up to 420.35
		const doc = await e2e.open('/documents/3ba5c30f59ea');
		await doc.page.waitForSelector('[data-document-state="ready"]', { timeout: 30_000 });
		expect(await doc.page.content()).toContain('420.36');
		const t = await e2e.open('/structure?district=九龙坡区&kind=final');
		await t.waitForCharts({ min: 2 });
		const caption = '[data-chart="economic-final"] .chart-caption';
		await t.page.waitForSelector(`${caption}:has-text("人员经费")`);
		expect(await text(t, caption)).toContain('人员经费 420.36 万元');
		expect(await text(t, caption)).not.toContain('420.35');
	}, TWO_PAGES);
});

describe('one name per code', () => {
	it('208 is 社会保障和就业支出 (four disclosures print it so; 江津区’s prints 社会保障与就业支出)', async () => {
		const t = await e2e.open('/compare?district=江津区&kind=final');
		await t.waitForCharts({ min: 4 });
		const amounts = await chartTable(t, 'compare-function-amount');
		// 001 (narrative): 社会保障与就业（类）支出; the table has a row per disclosure, a column per 类
		expect(amounts.columns).toContain('208 社会保障和就业支出');
		expect(amounts.columns.join()).not.toContain('与');
		const option = await t.page.locator('[data-filter="code"] option[value="208"]').textContent();
		expect(option).toContain('社会保障和就业支出');
	});
});
