/**
 * Figures read from the prose, in the built site over the seeds (data/raw): a derived point on
 * /trends is drawn apart from printed ones and its tooltip quotes the reason; the document page
 * and /data list derived figures with their reasons; /execution pairs a 决算 with its own 年初预算数
 * where no 预算 is in the data. Figures and reasons quoted from the seed texts.
 */
import { describe, expect, it } from 'vitest';
import { chartSeries, chartTable, chartTooltip } from './chart-data';
import { useE2E } from './harness';

const e2e = useE2E();
const ZWB = '九龙坡区·政务服务管理办公室·决算';
// DuckDB-WASM starts slowly on a loaded machine: wait for it generously (a wait, not a timing assertion)
const SLOW = { timeout: 150_000 };
const TEST_TIMEOUT = 240_000;

describe('/trends: a derived point', () => {
	it('is drawn hollow on a dotted line, labelled with the disclosure it is read from', async () => {
		const t = await e2e.open('/trends?district=九龙坡区&kind=final');
		await t.waitForCharts({ min: 3, ...SLOW });
		const series = await chartSeries(t, 'trend-total');
		const printed = series.find((s) => s.name === ZWB);
		const derived = series.find((s) => s.name === `${ZWB}·文字推算`);
		expect(printed && derived).toBeTruthy();
		// visibly distinct: hollow symbol, dotted line and dashed border against the printed figure's filled point
		expect(derived).toMatchObject({ symbol: 'emptyCircle', lineType: 'dotted', borderType: 'dashed' });
		expect(printed?.symbol).toBe('circle');
		expect(printed?.lineType).not.toBe('dotted');
		// 2021 决算 72-73: "收入总计 2465.55 万元，支出总计 / 2465.55 万元。收支较上年决算数 增加 525.88 万元" → 2020: 1,939.67
		expect(derived?.points).toEqual([{ value: 1939.67, label: '据2021年决算文字推算' }, { value: null, label: null }]);
		const table = await chartTable(t, 'trend-total');
		expect(table.cells['2020']).toEqual({ [ZWB]: '—', [`${ZWB}·文字推算`]: '1,939.67' });
		expect(table.cells['2021'][ZWB]).toBe('2,465.55');
		t.expectClean();
	}, TEST_TIMEOUT);

	it('quotes the reason the prose gives in its tooltip', async () => {
		const t = await e2e.open('/trends?district=九龙坡区&kind=final');
		await t.waitForCharts({ min: 3, ...SLOW });
		const series = await chartSeries(t, 'trend-total');
		const index = series.findIndex((s) => s.name === `${ZWB}·文字推算`);
		const tip = await chartTooltip(t, 'trend-total', index, 0);
		expect(tip).toContain('2020年');
		expect(tip).toContain('1,939.67 万元（据2021年决算文字推算');
		// 75: "主要原因是 2020 年受疫情影响，该年基数较低，2021 年追加了 / 项目预算，…"
		expect(tip).toContain('原因：主要原因是2020年受疫情影响，该年基数较低，2021年追加了项目预算');
	}, TEST_TIMEOUT);
});

describe('reasons beside their figures', () => {
	it('the document page lists the derived figures with the reason and line', async () => {
		const t = await e2e.open('/documents/3ba5c30f59ea');
		const section = t.page.locator('#narrative-figures');
		const text = (await section.textContent()) ?? '';
		// 281-283: "“ 三公”经费支出共计 1.48 万元，较年初预算数减 / 少 7.02 万元，下降 82.6%，主要原因是受疫情影响，减少了相应 / 的公务接待。"
		expect(text).toContain('主要原因是受疫情影响，减少了相应的公务接待');
		expect(text).toContain('8.50');
		expect(text).toContain('第 283 行');
		expect(await t.page.locator('nav.toc a[href="#narrative-figures"]').count()).toBe(1);
	}, TEST_TIMEOUT);

	it('/data offers the narrative table with a reason column', async () => {
		const t = await e2e.open('/data?table=narrative&district=北碚区');
		await t.waitForDuckDB(SLOW);
		const headers = await t.page.locator('table thead th').allTextContents();
		expect(headers.join('|')).toContain('原因说明');
		// 北碚区 2023 预算 120-122: "公务用车运行维护费 5.5万元，与上年持平，主要 / 原因是公务车运行费与去年持平"
		await t.page.locator('table tbody').getByText('主要原因是公务车运行费与去年持平').first().waitFor(SLOW);
	}, TEST_TIMEOUT);

	it('/execution pairs a 决算 with its own 年初预算数 where the 预算 is missing', async () => {
		const t = await e2e.open('/execution?district=九龙坡区');
		const table = t.page.locator('[data-testid="derived-execution-table"]');
		await table.waitFor(SLOW);
		const row = table.locator('tbody tr').filter({ hasText: '“三公”经费合计' }).first();
		await row.waitFor(SLOW);
		// 1.48 ÷ (1.48 + 7.02) = 17.4 %
		await expect(row.textContent()).resolves.toMatch(/九龙坡区·政务服务管理办公室.*2021.*8\.50.*1\.48.*17\.4%.*主要原因是受疫情影响/);
	}, TEST_TIMEOUT);
});
