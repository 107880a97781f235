/**
 * /execution at more than a page, over a generated corpus of 30 units over two years, both kinds
 * (test/e2e/corpus-site.ts, GENERATED_TWO_YEARS): the chart draws the 24 largest of the 60
 * unit·years and counts the rest; the tables are paged in SQL, and a page is the CSV's rows of it
 * (the CSV runs the whole query on click) — page 2 of 较上年增减 is the CSV's rows 51–100.
 * /rankings over the same corpus draws each kind's first 24 of its 30 units and lists all 60, and
 * /three-public's print header names 8 of the 120 disclosures behind its figures and counts them all.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS_BUILD_TIMEOUT, GENERATED_TWO_YEARS, ensureGeneratedTwoYearSite } from './corpus-site';
import { useE2E, type TrackedPage } from './harness';

/** Waits for conditions on a busy machine (DuckDB-WASM starts slowly there); not timings. */
const SETTLE = 150_000;
const TEST_TIMEOUT = 240_000;
const PLACES = GENERATED_TWO_YEARS.districts * GENERATED_TWO_YEARS.departments * GENERATED_TWO_YEARS.years;

/** The section of the table `testid` (its heading, count, CSV button, table and pager). */
const sectionOf = (testid: string) => `section:has([data-testid="${testid}"])`;

/** The body rows of the table `testid` shown now, each as its cells' text. */
function rowsShown(t: TrackedPage, testid: string): Promise<string[][]> {
	return t.page
		.locator(`[data-testid="${testid}"] tbody tr`)
		.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((td) => (td.textContent ?? '').trim())));
}

/** The category labels the chart `name` draws, from the option ECharts holds. */
function drawnCategories(t: TrackedPage, name: string, axis: 'xAxis' | 'yAxis' = 'xAxis'): Promise<string[]> {
	return t.page.locator(`[data-chart="${name}"] .chart-canvas`).evaluate((node, axis) => {
		type Axis = { data?: unknown[] };
		const chart = (node as HTMLElement & { echarts?: { getOption(): Record<string, Axis[] | undefined> } }).echarts;
		return (chart?.getOption()[axis]?.[0]?.data ?? []).map(String);
	}, axis);
}

describe('/execution over more rows than a page', { timeout: TEST_TIMEOUT }, () => {
	const e2e = useE2E({ site: ensureGeneratedTwoYearSite, setupTimeout: CORPUS_BUILD_TIMEOUT });

	it('draws the 24 largest unit·years, counts the rest, and pages 较上年增减 in SQL in the CSV\'s order', async () => {
		const t = await e2e.open('/execution');
		await t.waitForCharts({ min: 1, timeout: SETTLE });
		await t.waitForDuckDB();
		const notice = (await t.page.locator('[data-place-rest="execution"]').textContent()) ?? '';
		expect(notice).toContain(`共 ${PLACES} 个，`);
		expect(notice).toContain(`其余 ${PLACES - 24} 个未画出`);
		expect(await drawnCategories(t, 'execution-rate')).toHaveLength(24);

		const section = sectionOf('change-table');
		await t.page.waitForFunction((sel) => /共 [1-9]\d* 行/.test(document.querySelector(`${sel} [data-row-count]`)?.textContent ?? ''), section, { timeout: SETTLE });
		const total = Number(/共 (\d+) 行/.exec((await t.page.locator(`${section} [data-row-count]`).textContent()) ?? '')?.[1]);
		expect(total).toBeGreaterThan(100);
		const file = await t.download(() => t.page.click(`${section} button:has-text("下载 CSV")`));
		expect(file.filename).toBe('budget-lens_change.csv');
		const csv = file.bytes.toString('utf8').slice(1).trimEnd().split('\r\n').slice(1);
		expect(csv).toHaveLength(total);
		// a CSV line as the table shows it: unit (district·kind), type, year, measure, this year's figure
		const asShown = (line: string) => {
			const c = line.split(',');
			return [`${c[0]}·${c[1]}`, c[2], c[3], c[4], Number(c[6])];
		};
		const shown = async () => (await rowsShown(t, 'change-table')).map((r) => [r[0], r[1], r[2], r[3], Number(r[5].replaceAll(',', ''))]);
		await expect.poll(shown, { timeout: SETTLE }).toEqual(csv.slice(0, 50).map(asShown));
		await t.page.locator(`${section} nav.pager button`, { hasText: '下一页' }).click();
		await t.page.waitForFunction((sel) => document.querySelector(`${sel} [data-row-count]`)?.textContent?.includes('当前第 51–100'), section);
		await expect.poll(shown).toEqual(csv.slice(50, 100).map(asShown));
		t.expectClean();
	});

	it('pages 执行率明细 in SQL too, and shows page 1 again for other filters', async () => {
		const t = await e2e.open('/execution');
		await t.waitForCharts({ min: 1, timeout: SETTLE });
		const section = sectionOf('execution-table');
		await t.page.waitForFunction((sel) => /共 [1-9]\d* 行/.test(document.querySelector(`${sel} [data-row-count]`)?.textContent ?? ''), section, { timeout: SETTLE });
		const first = await rowsShown(t, 'execution-table');
		expect(first).toHaveLength(50);
		await t.page.locator(`${section} nav.pager button`, { hasText: '下一页' }).click();
		await t.page.waitForFunction((sel) => document.querySelector(`${sel} [data-row-count]`)?.textContent?.includes('当前第 51–'), section);
		await expect.poll(async () => (await rowsShown(t, 'execution-table'))[0]).not.toEqual(first[0]);
		// other filters (the kind, which a rate ignores: the same rows): the table starts again at its first page
		await t.page.locator('[data-filter="kind"]').selectOption('final');
		await t.page.waitForURL(/kind=final/);
		await expect.poll(() => t.page.locator(`${section} nav.pager span`).textContent(), { timeout: SETTLE }).toMatch(/^第 1 \//);
		await expect.poll(() => rowsShown(t, 'execution-table'), { timeout: SETTLE }).toEqual(first);
		t.expectClean();
	});

	it('ranks every unit in the table and draws each kind\'s first 24', async () => {
		const t = await e2e.open('/rankings');
		await t.waitForCharts({ min: 1, timeout: SETTLE });
		const units = GENERATED_TWO_YEARS.districts * GENERATED_TWO_YEARS.departments;
		const notice = (await t.page.locator('[data-place-rest="ranking"]').textContent()) ?? '';
		expect(notice).toContain(`共 ${2 * units} 个（预算、决算分别排名）`);
		expect(notice).toContain(`其余 ${2 * (units - 24)} 个未画出`);
		const bars = await drawnCategories(t, 'ranking', 'yAxis');
		expect(bars).toHaveLength(48);
		// top-down: 预算's first place is the last category (a y category axis runs bottom-up)
		expect(bars.filter((b) => b.endsWith('预算'))).toHaveLength(24);
		const first = (await rowsShown(t, 'ranking-table'))[0];
		expect(first[0]).toBe('1');
		expect(bars.at(-1)).toBe(`${first[1]} ${first[2]}年${first[3]}`);
		await expect.poll(() => t.page.locator(`${sectionOf('ranking-table')} [data-row-count]`).textContent()).toContain(`共 ${2 * units} 个单位`);
		t.expectClean();
	});

	it('prints /three-public\'s header with its first 8 sources and the count of all of them', async () => {
		const t = await e2e.open('/three-public');
		await t.waitForCharts({ min: 1, timeout: SETTLE });
		await t.page.emulateMedia({ media: 'print' });
		const header = t.page.locator('[data-briefing-header]');
		// the print media's change reaches the page a moment after emulateMedia: until then the header says 正在查询
		await expect.poll(async () => (await header.textContent()) ?? '', { timeout: SETTLE }).toMatch(/来源：(?!正在查询)/);
		const text = (await header.textContent()) ?? '';
		const docs = GENERATED_TWO_YEARS.districts * GENERATED_TWO_YEARS.departments * GENERATED_TWO_YEARS.years * 2;
		expect(text).toContain(`等${docs}份公开文件`);
		const named = /来源：(.*) 等/.exec(text)?.[1]?.split('、') ?? [];
		expect(named).toHaveLength(8);
		t.expectClean();
	});
});
