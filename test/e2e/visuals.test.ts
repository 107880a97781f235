/**
 * Numbers on the visuals, over the seeds (data/raw): treemap tiles say name, amount and share where
 * they fit and never show a cut name; the treemap drills with the keyboard alone; bars carry value
 * labels; every chart has its 数据表; /rankings' table is the shared table section.
 *
 * What a chart draws is read from its ECharts instance (see `ChartHost` in src/lib/charts/action.ts):
 * the option, and the text elements zrender painted.
 */
import { describe, expect, it } from 'vitest';
import { useE2E, type TrackedPage } from './harness';

const e2e = useE2E();

/** Waits for DuckDB and charts: on a loaded shared machine DuckDB can take half a minute to start. */
const SLOW = 120_000;
/** Per-test limit for the same reason. */
const TEST_TIMEOUT = 240_000;

interface Drawn {
	/** Every text zrender painted in the chart, as painted. */
	texts: { text: string; truncated: boolean }[];
	/** Names of the treemap's items (both levels drawn). */
	names: string[];
	/** Bar series: name, whether labels are shown, labelLayout.hideOverlap, and what each label prints. */
	bars: { name: string; show: boolean; hideOverlap: boolean; printed: string[] }[];
	treemapFormatter: string;
}

/** What the chart named `name` draws. */
async function drawn(t: TrackedPage, name: string): Promise<Drawn> {
	return t.page.locator(`[data-chart="${name}"] .chart-canvas`).evaluate((el) => {
		type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
		const chart = (el as Any).echarts as Any;
		if (!chart) throw new Error('no ECharts instance on the chart element');
		// zrender paints a text as one span per line, children of the text element that holds the
		// whole string and whether it was cut (`isTruncated`)
		const spans = (chart.getZr().storage.getDisplayList(true) as Any[]).filter((e) => e.type === 'tspan' && !e.ignore && !e.invisible);
		const owners = [...new Set(spans.map((e) => e.parent ?? e))];
		const texts = owners
			.filter((e) => typeof e.style?.text === 'string' && e.style.text !== '')
			.map((e) => ({ text: String(e.style.text), truncated: Boolean(e.isTruncated) }));
		const option = chart.getOption();
		const series = option.series as Any[];
		const names: string[] = [];
		const visit = (items: Any[] | undefined) => (items ?? []).forEach((d) => (names.push(d.name), visit(d.children)));
		series.filter((s) => s.type === 'treemap').forEach((s) => visit(s.data));
		const bars = series
			.filter((s) => s.type === 'bar')
			.map((s) => ({
				name: s.name,
				show: s.label?.show === true,
				hideOverlap: s.labelLayout?.hideOverlap === true,
				printed: (s.data as Any[]).map((v, i) => (typeof s.label?.formatter === 'function' ? String(s.label.formatter({ value: v, dataIndex: i })) : ''))
			}));
		const treemap = series.find((s) => s.type === 'treemap');
		return { texts, names, bars, treemapFormatter: typeof treemap?.label?.formatter };
	});
}

/** 万元 with a thousands separator and two decimals, as src/lib/format prints it. */
const WAN_WITH_SEPARATOR = /\d{1,3}(,\d{3})+\.\d{2} 万元/;
/** A label's figure lines: the amount, the share, or both. */
const FIGURE_LINE = /^(\d|占上级)/;

describe('/structure treemap labels', () => {
	it('shows name, amount with separators and share where they fit, and never a cut name', async () => {
		const t = await e2e.open('/structure?kind=budget');
		await t.waitForCharts({ min: 2, timeout: SLOW });
		await t.waitForDuckDB({ timeout: SLOW });
		const d = await drawn(t, 'function-tree-budget');
		expect(d.treemapFormatter).toBe('function');
		const labels = d.texts.map((x) => x.text);
		// the seeds' 预算 add up to thousands of 万元 under 一般公共服务支出
		expect(labels.some((l) => WAN_WITH_SEPARATOR.test(l))).toBe(true);
		expect(labels.some((l) => /占上级 \d+\.\d%/.test(l))).toBe(true);
		expect(d.texts.filter((x) => x.truncated)).toEqual([]);
		for (const label of labels) {
			expect(label).not.toContain('…');
			// the name's lines (before the figures) put together are a whole name
			// (a header band says `name  amount  share` on one line)
			const name = label
				.split('\n')
				.filter((line) => !FIGURE_LINE.test(line))
				.map((line) => line.split('  ')[0])
				.join('');
			expect(d.names, label).toContain(name);
		}
		t.expectClean();
	}, TEST_TIMEOUT);
});

describe('/structure keyboard drill-down', () => {
	it('Tab and Enter drill to a 类, Escape goes back up, the breadcrumb too — each a URL, each announced', async () => {
		const t = await e2e.open('/structure?kind=budget');
		await t.waitForCharts({ min: 2, timeout: SLOW });
		await t.waitForDuckDB({ timeout: SLOW });
		const { page } = t;
		const focused = () => page.evaluate(() => {
			const a = document.activeElement;
			return { tag: a?.tagName ?? '', code: a?.getAttribute('data-code') ?? null, region: a?.closest('[data-treemap-region]')?.getAttribute('data-treemap-region') ?? null };
		});
		// Tab to the budget treemap's 数据表 and open it
		let at = await focused();
		for (let i = 0; i < 120 && !(at.tag === 'SUMMARY' && at.region === 'budget'); i++) {
			await page.keyboard.press('Tab');
			at = await focused();
		}
		expect(at).toMatchObject({ tag: 'SUMMARY', region: 'budget' });
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		at = await focused();
		expect(at.tag).toBe('A');
		const code = at.code!;
		expect(code).toMatch(/^\d{3}$/);

		await t.afterRender(() => page.keyboard.press('Enter'));
		expect(new URL(page.url()).searchParams.get('code')).toBe(code);
		expect(await page.locator('.breadcrumb').textContent()).toContain(code);
		const codes = await page.locator('[data-treemap-region="budget"] [data-testid="treemap-table"] tbody th').evaluateAll((ths) =>
			ths.map((th) => (th.textContent ?? '').trim().split(' ')[0])
		);
		// its 款 (and their 项), or — for a 类 printed without detail — its 未细分 rest
		expect(codes.length).toBeGreaterThan(0);
		expect(codes.filter((c) => /^\d+$/.test(c)).every((c) => c.startsWith(code) && c.length > 3)).toBe(true);
		expect(codes.some((c) => c.length === 5)).toBe(true);
		expect(await page.locator('[data-testid="drill-status"]').textContent()).toContain(`已进入 ${code}`);
		// focus stays in the chart's region, so Escape goes straight back up
		expect((await focused()).region).toBe('budget');

		await t.afterRender(() => page.keyboard.press('Escape'));
		expect(new URL(page.url()).searchParams.get('code')).toBeNull();
		expect(await page.locator('[data-testid="drill-status"]').textContent()).toBe('功能分类：全部科目，显示各类');

		// down again with the keyboard, and up with the breadcrumb's link
		await page.locator(`[data-treemap-region="budget"] a[data-code="${code}"]`).focus();
		await t.afterRender(() => page.keyboard.press('Enter'));
		expect(new URL(page.url()).searchParams.get('code')).toBe(code);
		await page.locator('.breadcrumb a', { hasText: '全部科目' }).focus();
		await t.afterRender(() => page.keyboard.press('Enter'));
		expect(new URL(page.url()).searchParams.get('code')).toBeNull();
		// the followed step is now the current one, and holds the focus
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('location');
		t.expectClean();
	}, TEST_TIMEOUT);
});

describe('bars carry value labels', () => {
	const cases: [string, string[]][] = [
		['/compare?kind=budget', ['compare-function-amount', 'compare-split']],
		['/', ['overview-split', 'overview-by-year']]
	];
	for (const [path, charts] of cases) {
		it(`${path}: every bar series shows its figures in 万元 with separators, overlaps hidden`, async () => {
			const t = await e2e.open(path);
			await t.waitForCharts({ min: 2, timeout: SLOW });
			await t.waitForDuckDB({ timeout: SLOW });
			for (const name of charts) {
				const d = await drawn(t, name);
				expect(d.bars.length, name).toBeGreaterThan(0);
				for (const s of d.bars) {
					expect(s.show, `${name} ${s.name}`).toBe(true);
					expect(s.hideOverlap, `${name} ${s.name}`).toBe(true);
					for (const p of s.printed) expect(p, `${name} ${s.name}`).toMatch(/^(\d{1,3}(,\d{3})*\.\d{2})?$/);
				}
				// and some are painted, with a thousands separator where the figure is that large
				const painted = d.texts.map((x) => x.text);
				expect(painted.some((p) => d.bars.some((s) => s.printed.includes(p) && p !== '')), name).toBe(true);
			}
			expect((await drawn(t, charts[0])).texts.some((x) => /^\d{1,3}(,\d{3})+\.\d{2}$/.test(x.text))).toBe(true);
			t.expectClean();
		}, TEST_TIMEOUT);
	}
});

describe('every chart has its 数据表', () => {
	for (const path of ['/', '/structure', '/compare', '/trends', '/three-public', '/execution', '/rankings']) {
		it(`${path}: each drawn chart has a data table a click away, rendered only once opened`, async () => {
			const t = await e2e.open(path);
			await t.waitForCharts({ min: 1, timeout: SLOW });
			await t.waitForDuckDB({ timeout: SLOW });
			// each drawn chart's fold: its own, or for a treemap the region's
			const folds = await t.page.evaluate(() =>
				Array.from(document.querySelectorAll('[data-chart][data-chart-state="ready"]'))
					.filter((figure) => figure.getAttribute('data-chart') !== 'data-table')
					.map((figure) => {
						const name = figure.getAttribute('data-chart')!;
						const own = figure.querySelector('details.chart-data');
						const region = figure.closest('[data-treemap-region]')?.getAttribute('data-treemap-region');
						const selector = own
							? `[data-chart="${name}"] details.chart-data`
							: region
								? `[data-treemap-region="${region}"] [data-testid="treemap-table"]`
								: null;
						const fold = selector ? document.querySelector(selector) : null;
						return { name, selector, closedRows: fold && !(fold as HTMLDetailsElement).open ? fold.querySelectorAll('tbody tr').length : 0 };
					})
			);
			expect(folds.length).toBeGreaterThan(0);
			expect(folds.filter((f) => f.selector === null).map((f) => f.name)).toEqual([]);
			// a closed fold costs the page no rows
			expect(folds.filter((f) => f.closedRows > 0).map((f) => f.name)).toEqual([]);
			for (const { name, selector } of folds) {
				const fold = t.page.locator(selector!);
				if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open))) await fold.locator('> summary').click();
				await expect(fold.locator('table tbody tr').first().waitFor({ state: 'attached', timeout: 10_000 }), name).resolves.toBeUndefined();
			}
		}, TEST_TIMEOUT);
	}
});

describe('/rankings', () => {
	it('keeps heading, count, table and CSV in the shared table section', async () => {
		const t = await e2e.open('/rankings?kind=budget');
		await t.waitForDuckDB({ timeout: SLOW });
		await t.page.waitForSelector('[data-testid="ranking-table"] tbody tr', { timeout: SLOW });
		const section = t.page.locator('section', { has: t.page.locator('[data-testid="ranking-table"]') });
		expect(await section.locator('h2').textContent()).toBe('排名表');
		expect(await section.textContent()).toContain('共 3 个单位');
		const file = await t.download(() => section.locator('button', { hasText: '下载 CSV' }).click());
		expect(file.filename).toBe('budget-lens_ranking-total_budget.csv');
		expect(file.bytes.toString('utf8').trimEnd().split('\r\n')).toHaveLength(4);
		t.expectClean();
	}, TEST_TIMEOUT);
});
