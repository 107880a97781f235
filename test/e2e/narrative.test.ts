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

describe('/trends: derived stacks on the 基本/项目 and 三公 charts', () => {
	const BEIBEI = '北碚区·政务服务管理办公室·预算';

	it('draws the year before\'s 基本/项目 hollow, dashed and hatched in the unit\'s stack, and quotes the reason', async () => {
		const t = await e2e.open('/trends?district=北碚区');
		await t.waitForCharts({ min: 3, ...SLOW });
		const series = await chartSeries(t, 'trend-split');
		const printed = series.find((s) => s.id === `${BEIBEI}|basic`);
		const basic = series.find((s) => s.id === `derived|${BEIBEI}|basic`);
		const project = series.find((s) => s.id === `derived|${BEIBEI}|project`);
		expect(printed && basic && project).toBeTruthy();
		expect(basic).toMatchObject({ type: 'bar', stack: BEIBEI, fill: '#ffffff', decal: true, borderType: 'dashed', name: '基本支出（推算）' });
		expect(printed).toMatchObject({ decal: false });
		expect(printed?.borderType).not.toBe('dashed');
		// 2023 预算 94-102: "基本支出 411.22万元，比 2022年减少 1.99万元" → 413.21; "项目支出 251万元，比 2022年减少 149万元" → 400;
		// 84: "较 2022年减少 150.99万元" → 支出合计 813.21
		expect(basic?.points).toEqual([{ value: 413.21, label: null }, { value: null, label: null }]);
		expect(project?.points).toEqual([{ value: 400, label: '北碚区·政务服务管理办公室·预\n据2023年预算文字推算\n合计 813.21' }, { value: null, label: null }]);
		// the printed 2023 figures stay in 2023
		expect(printed?.points.map((p) => p.value)).toEqual([null, 411.22]);
		const tip = await chartTooltip(t, 'trend-split', series.indexOf(basic!), 0);
		expect(tip).toContain('基本支出 413.21 万元（据2023年预算文字推算');
		expect(tip).toContain('原因：主要原因是厉行节约，公用经费减少');
		expect(tip).toContain('出处：北碚区·政务服务管理办公室 2023年预算公开，第 96 行');
		const table = await chartTable(t, 'trend-split');
		expect(table.cells['2022'][`${BEIBEI} 基本支出（推算）`]).toBe('413.21');
		expect(table.cells['2022']['基本支出']).toBe('—');
		expect(table.cells['2023']['基本支出']).toBe('411.22');
		// the 数据表 says what the （推算） columns are
		await expect(t.page.locator('[data-chart="trend-split"] [data-testid="derived-note"]').textContent()).resolves.toContain('据公开文字');
		t.expectClean();
	}, TEST_TIMEOUT);

	it('draws the year before\'s 三公 items hollow, topped by the prose\'s total, with each item\'s reason', async () => {
		const t = await e2e.open('/trends?district=北碚区');
		await t.waitForCharts({ min: 3, ...SLOW });
		const series = await chartSeries(t, 'trend-three-public');
		const reception = series.find((s) => s.id === `derived|${BEIBEI}|reception`);
		const vehicle = series.find((s) => s.id === `derived|${BEIBEI}|vehicle`);
		expect(reception).toMatchObject({ fill: '#ffffff', decal: true, borderType: 'dashed', stack: BEIBEI });
		// 112-116: "“三公”经费预算 5.8万元，比 2022年减少 0.7万元" → 6.50; "公务接待费 0.3 万元，比 2022 年减少 0.7 万元" → 1.00
		expect(reception?.points[0]).toEqual({ value: 1, label: '北碚区·政务服务管理办公室·预\n据2023年预算文字推算\n合计 6.50' });
		// "公务用车运行维护费 5.5万元，与上年持平 … 公务用车购置费 0万元，与上年持平" → 5.50
		expect(vehicle?.points[0]).toEqual({ value: 5.5, label: null });
		const tip = await chartTooltip(t, 'trend-three-public', series.indexOf(reception!), 0);
		expect(tip).toContain('公务接待费 1.00 万元（据2023年预算文字推算');
		expect(tip).toContain('原因：主要原因是厉行节约，减少开支');
		expect(tip).toContain('第 118 行');
		const table = await chartTable(t, 'trend-three-public');
		expect(table.cells['2022'][`${BEIBEI} 公务接待费（推算）`]).toBe('1.00');
		expect(table.cells['2023']['公务接待费']).toBe('0.30');
	}, TEST_TIMEOUT);
});

describe('/execution and /three-public: the 决算\'s own 年初预算数 in the charts', () => {
	it('/execution draws the derived pair as a hollow, hatched bar whose tooltip quotes the reason and line', async () => {
		const t = await e2e.open('/execution?district=九龙坡区');
		await t.waitForCharts({ min: 1, ...SLOW });
		const series = await chartSeries(t, 'execution-rate');
		const derived = series.find((s) => s.id === 'derived|three_public');
		expect(derived).toMatchObject({ type: 'bar', name: '“三公”经费（据决算文字推算）', fill: '#ffffff', decal: true, borderType: 'dashed' });
		// 281-283: "“三公”经费支出共计 1.48 万元，较年初预算数减少 7.02 万元" → 1.48 ÷ 8.50 = 17.4 %
		expect(derived?.points[0].value).toBeCloseTo(17.41, 2);
		const tip = await chartTooltip(t, 'execution-rate', series.indexOf(derived!), 0);
		expect(tip).toContain('“三公”经费：年初预算数 8.50 万元（据2021年决算文字推算），决算 1.48 万元，执行率 17.4%');
		expect(tip).toContain('原因：主要原因是受疫情影响，减少了相应的公务接待');
		expect(tip).toContain('第 283 行');
		const table = await chartTable(t, 'execution-rate');
		expect(table.cells['九龙坡区·政务服务管理办公室 2021']['“三公”经费（据决算文字推算）']).toBe('17.4%');
		t.expectClean();
	}, TEST_TIMEOUT);

	it('/three-public keeps the 预算数 the 决算\'s own 三公 table prints: nothing derived is drawn over it', async () => {
		const t = await e2e.open('/three-public?district=九龙坡区');
		await t.waitForCharts({ min: 3, ...SLOW });
		const series = await chartSeries(t, 'three-public-budget-actual');
		expect(series.map((s) => s.name)).toEqual(['预算数（决算公开）', '决算数']);
		// the 2021 决算's 三公 table prints 8.50 (the prose says the same): the printed figure is drawn
		expect(series[0].points.map((p) => p.value)).toContain(8.5);
		await t.page.locator('[data-testid="derived-three-public-table"] tbody tr').first().waitFor(SLOW);
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
