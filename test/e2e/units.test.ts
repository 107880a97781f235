/**
 * The views over test/fixtures/views-corpus (two departments of 沙坪坝区 over several years and both
 * kinds, and 南岸区): a series belongs to one unit, a total says which disclosures it adds, and
 * units that published different years are still compared. Expected figures are the corpus
 * README's, computed by hand from the fixture texts.
 */
import { describe, expect, it } from 'vitest';
import { allCells, chartTable } from './chart-data';
import { CORPUS_BUILD_TIMEOUT, ensureCorpusSite } from './corpus-site';
import { useE2E, type TrackedPage } from './harness';

const e2e = useE2E({ site: ensureCorpusSite, setupTimeout: CORPUS_BUILD_TIMEOUT });

const ZWB = '沙坪坝区·政务服务管理办公室';
const ZFB = '沙坪坝区·人民政府办公室';
const NANAN = '南岸区·政务服务管理办公室';

async function text(t: TrackedPage, selector: string): Promise<string> {
	return (await t.page.locator(selector).first().textContent()) ?? '';
}

describe('a unit is a unit (/trends)', () => {
	it('draws each department of a district as its own line, never their sum', async () => {
		const t = await e2e.open('/trends?district=沙坪坝区&kind=budget');
		await t.waitForCharts({ min: 3 });
		const total = await chartTable(t, 'trend-total');
		expect(total.columns).toEqual([`${ZFB}·预算`, `${ZWB}·预算`]);
		expect(total.rows).toEqual(['2022', '2023', '2024', '2025']);
		expect(total.cells['2024']).toEqual({ [`${ZFB}·预算`]: '1,720.00', [`${ZWB}·预算`]: '517.25' });
		// 政府办 published no budget before 2024, 政务办 none in 2025: gaps, not the other's figure
		expect(total.cells['2023'][`${ZFB}·预算`]).toBe('—');
		expect(total.cells['2025'][`${ZWB}·预算`]).toBe('—');
		// 517.25 + 1,720.00: a figure no single unit disclosed
		expect(allCells(total)).not.toContain('2,237.25');
		t.expectClean();
	});

	it('stacks 三公 per unit, each stack named by district and department', async () => {
		const t = await e2e.open('/trends?district=沙坪坝区&kind=budget');
		await t.waitForCharts({ min: 3 });
		const three = await chartTable(t, 'trend-three-public');
		expect(three.cells['2024'][`${ZFB}·预算 公务用车购置及运行维护费`]).toBe('15.00');
		expect(three.cells['2024'][`${ZWB}·预算 公务用车购置及运行维护费`]).toBe('3.50');
	});
});

describe('honest totals (/)', () => {
	it('adds the latest disclosure of each unit and says which, with their years', async () => {
		const t = await e2e.open('/');
		await t.waitForCharts({ min: 2 });
		const budget = await text(t, '.kpi-group.budget');
		// 517.25 (政务办 2024) + 1,700.00 (政府办 2025) + 390.00 (南岸 2023); all six budgets would be 5,381.25
		expect(budget).toContain('2,607.25');
		expect(budget).not.toContain('5,381.25');
		expect(budget).toContain('3 个单位各自最新一份');
		expect(budget).toContain('2023–2025年');
		for (const unit of [`${ZFB}（2025年）`, `${ZWB}（2024年）`, `${NANAN}（2023年）`]) expect(budget).toContain(unit);
		// 基本 1,907.25 and 项目 700.00 of 2,607.25
		expect(budget).toContain('73.2%');
		expect(budget).toContain('26.8%');
		const final = await text(t, '.kpi-group.final');
		expect(final).toContain('2,550.30');
	});

	it('after a filter, the live KPIs follow the same rule', async () => {
		const t = await e2e.open('/?district=沙坪坝区&kind=final');
		await t.waitForCharts({ min: 2 });
		await t.waitForDuckDB();
		const final = await text(t, '.kpi-group.final');
		// 政务办 2023 530.00 + 政府办 2024 1,650.30 (政务办 2022 is not added to its 2023)
		expect(final).toContain('2,180.30');
		expect(final).toContain('2 个单位各自最新一份');
	});
});

describe('compare across years (/compare)', () => {
	it('compares each unit’s latest 预算, every bar labelled with its year', async () => {
		const t = await e2e.open('/compare?kind=budget');
		await t.waitForCharts({ min: 4 });
		const split = await chartTable(t, 'compare-split');
		expect(split.rows).toEqual([`${NANAN}·2023年预算`, `${ZFB}·2025年预算`, `${ZWB}·2024年预算`]);
		expect(split.cells[`${ZFB}·2025年预算`]).toEqual({ 基本支出: '1,180.00', 项目支出: '520.00' });
		expect(await t.page.locator('[data-compare-notice]').count()).toBe(0);
		t.expectClean();
	});

	it('offers a fixed year and names the districts that have nothing for it', async () => {
		const t = await e2e.open('/compare?kind=budget');
		await t.waitForCharts({ min: 4 });
		await t.waitForDuckDB();
		const options = await t.page.locator('[data-compare-at] option').allTextContents();
		expect(options.map((o) => o.trim())).toEqual(['各单位最新一份', '2025', '2024', '2023', '2022']);
		await t.afterRender(() => t.page.selectOption('[data-compare-at]', '2024'), { min: 4 });
		expect(new URL(t.page.url()).searchParams.get('at')).toBe('2024');
		const split = await chartTable(t, 'compare-split');
		expect(split.rows).toEqual([`${ZFB}·2024年预算`, `${ZWB}·2024年预算`]);
		expect(await text(t, '[data-compare-notice]')).toContain('南岸区·政务服务管理办公室：没有2024年的预算公开');
	}, 120_000);
});
