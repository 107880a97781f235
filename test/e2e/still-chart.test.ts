/**
 * The overview's first chart is in the prerendered HTML as a picture drawn at build time (ECharts'
 * SVG renderer over the snapshot), so it is on screen from the first paint; the live chart replaces
 * it. Figures read by a person from the seed texts (the 预算 and 决算 totals also in honest.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { useE2E, type TrackedPage } from './harness';

const e2e = useE2E();
const STILL = '[data-chart="overview-split"] img.chart-still';

/** The SVG inside the still's data URL. */
async function stillSvg(t: TrackedPage): Promise<string> {
	const src = (await t.page.locator(STILL).getAttribute('src')) ?? '';
	expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
	return decodeURIComponent(src.slice(src.indexOf(',') + 1));
}

/** Names of the Element Timing entries painted so far. */
function paintedElements(t: TrackedPage): Promise<string[]> {
	return t.page.evaluate(
		() =>
			new Promise<string[]>((resolve) => {
				new PerformanceObserver((list, obs) => {
					obs.disconnect();
					resolve(list.getEntries().map((e) => (e as PerformanceEntry & { identifier: string }).identifier));
				}).observe({ type: 'element', buffered: true });
				// nothing buffered: the observer is never called
				setTimeout(() => resolve([]), 500);
			})
	);
}

describe('the first chart as a still picture', () => {
	it('is in the HTML with the figures of the live chart, and shows without JavaScript', async () => {
		const t = await e2e.newPage({ contextOptions: { javaScriptEnabled: false } });
		await t.goto('/');
		await expect.poll(() => t.page.locator(STILL).isVisible()).toBe(true);
		const svg = await stillSvg(t);
		// 预算: basic 2,631.20 + project 1,336.00 of 3 units; 决算: 1,536.14 + 2,680.03 of 2 units
		for (const label of ['预算（3 个单位）', '决算（2 个单位）', '基本支出', '项目支出', '2,631.20', '1,336.00', '1,536.14', '2,680.03', '万元']) {
			expect(svg).toContain(label);
		}
		expect(svg).not.toMatch(/<script|<foreignObject|\son[a-z]+=/i);
	});

	it('is painted at once and gives way to the live chart', async () => {
		const t = await e2e.open('/');
		const charts = await t.waitForCharts({ min: 2 });
		expect(charts.find((c) => c.name === 'overview-split')?.state).toBe('ready');
		expect(await paintedElements(t)).toContain('chart-still');
		await expect.poll(() => t.page.locator(STILL).count()).toBe(0);
		t.expectClean();
	});

	it('is never shown for a filtered address: it is a picture of the unfiltered data', async () => {
		// the page's first paint comes before hydration: an inline script in the head hides it
		const t = await e2e.open('/?kind=budget');
		await t.waitForCharts({ min: 2 });
		expect(await paintedElements(t)).not.toContain('chart-still');
		expect(await t.page.locator(STILL).count()).toBe(0);
	});
});

describe('the build-time snapshot before the app has started', () => {
	/** A page whose app code never loads: what the reader sees between the first paint and hydration. */
	async function beforeHydration(path: string): Promise<TrackedPage> {
		const t = await e2e.newPage();
		await t.page.route('**/_app/immutable/**/*.js', (route) => route.abort());
		await t.page.goto(e2e.url(path), { waitUntil: 'load' });
		return t;
	}
	// the seeds' 预算 total (three units' latest) and the matrix's first count, both from the snapshot
	const SNAPSHOT_TOTAL = '3,967.20';

	// the coverage matrix's summary line is in the prerendered page; its cells are created one task
	// after hydration (CoverageMatrix: at a whole city they made the first frame and hydration long)
	it('shows the unfiltered KPIs and coverage summary for the unfiltered address', async () => {
		const t = await beforeHydration('/');
		expect(await t.page.getByText(SNAPSHOT_TOTAL).first().isVisible()).toBe(true);
		expect(await t.page.locator('[data-coverage-summary]').textContent()).toContain('预算公开 3 份、决算公开 2 份');
		expect(await t.page.locator('[data-coverage-summary]').isVisible()).toBe(true);
		expect(await t.page.locator('[data-coverage-cell]').count()).toBe(0);
	});

	it('shows none of them for a filtered address: they are the unfiltered figures', async () => {
		const t = await beforeHydration('/?kind=final');
		expect(await t.page.getByText(SNAPSHOT_TOTAL).count()).toBeGreaterThan(0);
		expect(await t.page.getByText(SNAPSHOT_TOTAL).first().isVisible()).toBe(false);
		expect(await t.page.locator('[data-coverage-summary]').isVisible()).toBe(false);
	});

	it('shows them again after moving in the app from a filtered address to the unfiltered one', async () => {
		const t = await e2e.open('/?kind=final');
		await t.waitForCharts({ min: 2 });
		await t.page.getByRole('button', { name: '清除筛选' }).click();
		await t.page.waitForURL((u) => u.search === '');
		await t.waitForCharts({ min: 2 });
		await expect.poll(() => t.page.getByText(SNAPSHOT_TOTAL).first().isVisible()).toBe(true);
	});
});

