/**
 * The routes in Chromium against the built site: every view renders, filters live in the URL
 * (select → URL → charts, back/forward, nav links), bad values are reported not fatal, drill-down,
 * CSV and PNG downloads, the document pages, and the overview's first chart without DuckDB.
 *
 * Expected figures come from the seed disclosures in data/raw (read by a person), e.g. 北碚区's
 * 2023 budget (002_…) is the only disclosure of 北碚区.
 */
import { describe, expect, it } from 'vitest';
import { useE2E, type TrackedPage } from './harness';
import { chartSeries } from './chart-data';

const e2e = useE2E();

/** Charts in an `error` state, as `name=state`. */
const errored = (charts: { name: string; state: string }[]) => charts.filter((c) => c.state === 'error');

/** Picks `value` in a filter's searchable picker the way a reader does: type, then Enter. */
async function pick(t: TrackedPage, filter: string, value: string): Promise<void> {
	const input = t.page.locator(`[data-filter="${filter}"] input[role="combobox"]`);
	await input.fill(value);
	await t.page.locator(`[data-filter="${filter}"] [role="option"]`, { hasText: value }).first().waitFor({ state: 'attached' });
	await input.press('Enter');
}

async function text(t: TrackedPage, selector: string): Promise<string> {
	return (await t.page.locator(selector).first().textContent()) ?? '';
}

describe('every view renders without errors', () => {
	const views: [string, number][] = [
		['/', 2],
		['/structure', 4],
		['/compare', 4],
		['/trends', 3],
		['/three-public', 3],
		['/data', 1]
	];
	for (const [path, min] of views) {
		it(`${path} settles with ${min}+ charts, none in error, nothing leaving the origin`, async () => {
			const t = await e2e.open(path);
			const charts = await t.waitForCharts({ min });
			await t.waitForDuckDB();
			expect(errored(charts)).toEqual([]);
			expect(charts.filter((c) => c.state === 'ready').length).toBeGreaterThan(0);
			t.expectClean();
		});
	}
});

describe('/ overview', () => {
	it('draws both charts and the KPIs from the build-time snapshot even when DuckDB cannot load', async () => {
		const t = await e2e.newPage();
		// Refuse DuckDB's wasm: anything that waits for DuckDB can then never become ready.
		await t.page.route('**/*.wasm', (route) => route.abort());
		await t.goto('/');
		await t.page.waitForSelector('[data-chart="overview-split"][data-chart-state="ready"]', { timeout: 10_000 });
		expect(await text(t, '.kpis')).toContain('3 个单位各自最新一份');
		// spending by year too: drawn at hydration, not when DuckDB is ready — its 预算 stack holds
		// the three units' printed totals (綦江区 1,172.15 + 北碚区 662.22 + 九龙坡区 2,132.83)
		await t.page.waitForSelector('[data-chart="overview-by-year"][data-chart-state="ready"]', { timeout: 10_000 });
		const budget = (await chartSeries(t, 'overview-by-year')).filter((s) => s.stack === '预算');
		const total = budget.flatMap((s) => s.points).reduce((sum, p) => sum + (p.value ?? 0), 0);
		expect(total).toBeCloseTo(3967.2, 2);
		expect(await t.page.evaluate(() => document.documentElement.dataset.duckdb ?? null)).toBeNull();
		// the coverage matrix's counts come from the snapshot too: one cell per seed (its cells are
		// created one task after hydration)
		await t.page.locator('.coverage [data-coverage-cell]').first().waitFor({ timeout: 10_000 });
		expect(await t.page.locator('.coverage [data-coverage-cell]').count()).toBe(5);
	});

	it('links every coverage cell to its document page once the cell is opened', async () => {
		const t = await e2e.open('/');
		await t.waitForCharts({ min: 2 });
		const cells = t.page.locator('.coverage [data-coverage-cell]');
		await cells.first().waitFor({ timeout: 10_000 });
		const hrefs: (string | null)[] = [];
		for (let i = 0; i < (await cells.count()); i++) {
			await cells.nth(i).click();
			const links = t.page.locator('#coverage-cell-docs a[data-doc-link]');
			await links.first().waitFor({ timeout: 120_000 });
			hrefs.push(...(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))));
			// close it again, so the next cell's links are never read from this one
			await t.page.click('#coverage-cell-docs button:has-text("收起")');
			await t.page.locator('#coverage-cell-docs a').first().waitFor({ state: 'detached' });
		}
		expect(hrefs).toHaveLength(5);
		expect(new Set(hrefs).size).toBe(5);
		for (const href of hrefs) expect(href).toMatch(/^\/documents\/[0-9a-f]{12}$/);
	}, 240_000);
});

describe('filters live in the URL', () => {
	it('a district selection navigates, re-renders and is undone by back', async () => {
		const t = await e2e.open('/');
		await t.waitForCharts({ min: 2 });
		await t.waitForDuckDB();
		const charts = await t.afterRender(() => pick(t, 'district', '北碚区'));
		expect(errored(charts)).toEqual([]);
		expect(decodeURIComponent(new URL(t.page.url()).search)).toBe('?district=北碚区');
		// 北碚区 has one disclosure, a 2023 budget: no 决算 KPIs
		expect(await text(t, '.kpi-group.budget')).toContain('1 个单位的最新一份（2023年）');
		expect(await text(t, '.kpi-group.final')).toContain('0 份公开');

		await t.afterRender(() => t.page.goBack());
		expect(new URL(t.page.url()).search).toBe('');
		expect(await t.page.locator('[data-filter="district"] [data-chip]').count()).toBe(0);
		t.expectClean();
	});

	it('shows the last of several quick changes, never a slower earlier result', async () => {
		const t = await e2e.open('/');
		await t.waitForCharts({ min: 2 });
		await t.waitForDuckDB();
		await t.afterRender(async () => {
			// the picker adds values: pick one, take it back by its chip (before its charts settle), pick another
			await pick(t, 'district', '江津区');
			await t.page.locator('[data-filter="district"] [data-chip="江津区"] button').click();
			await pick(t, 'district', '北碚区');
		});
		await t.waitForCharts({ min: 2 });
		// 江津区 has only a 2020 决算, 北碚区 only a 2023 预算
		await t.page.waitForFunction(() => location.search.includes('%E5%8C%97%E7%A2%9A') || location.search.includes('北碚'));
		expect(await text(t, '.kpi-group.final')).toContain('0 份公开');
		expect(await text(t, '.kpi-group.budget')).toContain('1 个单位的最新一份');
	});

	it('keeps the filters when switching views through the nav links', async () => {
		const t = await e2e.open('/?district=九龙坡区&kind=final');
		await t.waitForCharts({ min: 2 });
		const href = await t.page.locator('nav a', { hasText: '支出结构' }).getAttribute('href');
		expect(decodeURIComponent(href ?? '')).toBe('/structure?district=九龙坡区&kind=final');
		await t.afterRender(() => t.page.click('nav a:has-text("支出结构")'));
		expect(decodeURIComponent(new URL(t.page.url()).search)).toBe('?district=九龙坡区&kind=final');
		// kind=final: only the 决算 treemap and economic chart
		const names = (await t.chartStates()).map((c) => c.name).sort();
		expect(names).toEqual(['economic-final', 'function-tree-final']);
		expect(await t.page.locator('[data-filter="kind"]').inputValue()).toBe('final');
	});

	it('reports unknown values in a status notice, ignores them and still renders', async () => {
		const t = await e2e.open('/trends?district=不存在区&kind=nonsense&code=12');
		const charts = await t.waitForCharts({ min: 3 });
		const notice = t.page.locator('[role="status"].filter-notice');
		await expect(notice.textContent()).resolves.toContain('未知地区“不存在区”');
		expect(await notice.textContent()).toContain('nonsense');
		expect(await notice.textContent()).toContain('科目编码“12”无效');
		expect(errored(charts)).toEqual([]);
		expect(charts.some((c) => c.state === 'ready')).toBe(true);
	});

	it('shows the empty state when nothing matches', async () => {
		// 北碚区 published only a budget
		const t = await e2e.open('/trends?district=北碚区&kind=final');
		const charts = await t.waitForCharts({ min: 3 });
		expect(charts.map((c) => c.state)).toEqual(['empty', 'empty', 'empty']);
		expect(await text(t, '[data-chart="trend-total"]')).toContain('当前筛选条件下没有数据');
	});
});

describe('/structure drill-down', () => {
	it('drills into a 类 by clicking the treemap and climbs back with the breadcrumb', async () => {
		const t = await e2e.open('/structure?kind=budget');
		await t.waitForCharts({ min: 2 });
		await t.waitForDuckDB();
		const box = (await t.page.locator('[data-chart="function-tree-budget"] .chart-canvas').boundingBox())!;
		// 一般公共服务支出 dominates the budget treemap from the left edge
		await t.afterRender(() => t.page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.5));
		const code = new URL(t.page.url()).searchParams.get('code');
		expect(code).toMatch(/^201/);
		expect(await text(t, '.breadcrumb')).toContain('201 一般公共服务支出');

		await t.afterRender(() => t.page.click('.breadcrumb a:has-text("全部科目")'));
		expect(new URL(t.page.url()).searchParams.get('code')).toBeNull();
		t.expectClean();
	});

	it('opens at a code from the URL with its path in the breadcrumb', async () => {
		const t = await e2e.open('/structure?code=2010301');
		await t.waitForCharts({ min: 4 });
		const crumbs = await t.page.locator('.breadcrumb li').allTextContents();
		expect(crumbs.map((c) => c.trim())).toEqual(['全部科目', '201 一般公共服务支出', '20103 政府办公厅（室）及相关机构事务', '2010301 行政运行']);
	});
});

describe('/three-public', () => {
	it('draws the 决算 per item and per unit·year from SQL sums, lists every row and downloads them all', async () => {
		const t = await e2e.open('/three-public');
		await t.waitForCharts({ min: 3 });
		await t.waitForDuckDB();
		// 江津区 2020 决算 (data/raw/001…, lines 47–52): 运行维护 2.29 (较年初预算数减少 2.71), 接待 0.39 (减少 0.61),
		// 合计 2.68 (减少 3.32); 九龙坡区 2021 决算 (000…, lines 281–343): 1.02, 0.46, 合计 1.48 — its table prints 4.50, 4.00, 8.50
		const items = await chartSeries(t, 'three-public-items');
		expect(items.map((s) => [s.name, s.points.map((p) => p.value)])).toEqual([
			['预算数（决算公开）', [0, 9.5, 5]],
			['决算数', [0, 3.31, 0.85]]
		]);
		const perPlace = await chartSeries(t, 'three-public-budget-actual');
		expect(perPlace.find((s) => s.name === '决算数')!.points.map((p) => p.value)).toEqual([2.68, 1.48]);
		expect(await text(t, '[data-chart="three-public-items"] .chart-caption')).toBe(
			'2 份决算公开相加：江津区·政务服务管理办公室（2020年）、九龙坡区·政务服务管理办公室（2021年）'
		);
		// 5 disclosures × 6 items, one page
		await t.page.waitForSelector('text=共 30 行');
		const shown = await t.page.locator('[data-testid="three-public-table"] tbody tr').count();
		expect(shown).toBe(30);
		const file = await t.download(() => t.page.click('[data-testid="three-public-table"] button:has-text("下载 CSV")'));
		expect(file.filename).toBe('budget-lens_three-public.csv');
		const lines = file.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('区县,部门类别,年度,类型,项目,预算数（万元）,决算数（万元）,执行率（%）');
		expect(lines).toHaveLength(1 + 30);
		expect(lines).toContain('江津区,政务服务管理办公室,2020,决算,“三公”经费合计,6,2.68,44.67');
		t.expectClean();
	});
});

describe('/data', () => {
	it('downloads exactly the filtered rows as UTF-8 CSV with a BOM and Chinese headers', async () => {
		const t = await e2e.open('/data?district=北碚区&table=three_public');
		await t.waitForCharts();
		await t.waitForDuckDB();
		await t.page.waitForSelector('text=共 6 行');
		const file = await t.download(() => t.page.click('text=下载 CSV'));
		expect(file.filename).toBe('budget-lens_three_public_北碚区.csv');
		const csv = file.bytes.toString('utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toContain('区县');
		expect(lines[0]).toContain('预算数（万元）');
		expect(lines).toHaveLength(1 + 6);
		expect(lines.slice(1).every((l) => l.startsWith('北碚区,2023,预算'))).toBe(true);
		// 北碚区 2023 预算, “三公”经费支出表 (data/raw/002…, line 366) with the narrative's split (lines 114–122).
		const header = lines[0].split(',');
		const budgetOf = (item: string) => {
			const row = lines.slice(1).map((l) => l.split(',')).find((cells) => cells.includes(item));
			return row ? Number(row[header.indexOf('预算数（万元）')]) : undefined;
		};
		expect(budgetOf('“三公”经费合计')).toBe(5.8);
		expect(budgetOf('公务用车运行维护费')).toBe(5.5);
		expect(budgetOf('公务用车购置费')).toBe(0);
		expect(budgetOf('公务接待费')).toBe(0.3);
	});

	it('sorts by a header click, in the URL', async () => {
		const t = await e2e.open('/data?table=summary');
		await t.waitForCharts();
		await t.afterRender(() => t.page.click('th button:has-text("数值")'));
		expect(new URL(t.page.url()).searchParams.get('sort')).toBe('value');
		const first = await t.page.locator('tbody tr').first().locator('td.num').nth(1).textContent();
		const second = await t.page.locator('tbody tr').nth(1).locator('td.num').nth(1).textContent();
		expect(Number(first!.replaceAll(',', ''))).toBeLessThanOrEqual(Number(second!.replaceAll(',', '')));
	});
});

describe('charts', () => {
	it('save as PNG', async () => {
		const t = await e2e.open('/');
		await t.waitForCharts({ min: 2 });
		const file = await t.download(() => t.page.click('[data-chart="overview-split"] button.png'));
		expect(file.filename).toMatch(/\.png$/);
		expect(file.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	});

	it('resize with the window', async () => {
		const t = await e2e.open('/trends');
		await t.waitForCharts({ min: 3 });
		const sizes = () =>
			t.page.locator('[data-chart="trend-total"] .chart-canvas').evaluate((div) => ({
				box: div.getBoundingClientRect().width,
				canvas: div.querySelector('canvas')!.getBoundingClientRect().width
			}));
		const before = await sizes();
		// narrow enough for the two-column grid to become one column of a different width
		await t.page.setViewportSize({ width: 700, height: 900 });
		await t.page.waitForFunction(() => {
			const div = document.querySelector('[data-chart="trend-total"] .chart-canvas')!;
			const canvas = div.querySelector('canvas')!;
			return Math.abs(div.getBoundingClientRect().width - canvas.getBoundingClientRect().width) < 2;
		});
		const after = await sizes();
		expect(after.box).not.toBeCloseTo(before.box, 0);
		expect(after.canvas).toBeCloseTo(after.box, 0);
	});

	it('are drawn once at their size: no second full draw until the size changes', async () => {
		const t = await e2e.newPage();
		// Every full repaint of a chart clears its whole canvas first: count those per canvas.
		await t.context.addInitScript(() => {
			const clears = new WeakMap<HTMLCanvasElement, number>();
			(window as unknown as { __clears: typeof clears }).__clears = clears;
			const clearRect = CanvasRenderingContext2D.prototype.clearRect;
			CanvasRenderingContext2D.prototype.clearRect = function (x, y, w, h) {
				if (x === 0 && y === 0 && w >= this.canvas.width && h >= this.canvas.height) clears.set(this.canvas, (clears.get(this.canvas) ?? 0) + 1);
				return clearRect.call(this, x, y, w, h);
			};
		});
		await t.goto('/');
		await t.waitForCharts({ min: 2 });
		const draws = () =>
			t.page.evaluate(() => {
				const clears = (window as unknown as { __clears: WeakMap<HTMLCanvasElement, number> }).__clears;
				return [...document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas')].map((c) => clears.get(c) ?? 0);
			});
		await t.page.waitForFunction(() => document.querySelectorAll('[data-chart] canvas').length >= 2);
		// well past the resize observer's quiet period (80 ms), with the page otherwise idle
		await t.page.waitForTimeout(600);
		expect(await draws()).toEqual([1, 1]);
		await t.page.setViewportSize({ width: 700, height: 900 });
		await t.page.waitForFunction(() => {
			const clears = (window as unknown as { __clears: WeakMap<HTMLCanvasElement, number> }).__clears;
			return [...document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas')].every((c) => (clears.get(c) ?? 0) >= 2);
		});
	});

	it('the print layout hides navigation and filters and widens charts to the page', async () => {
		const t = await e2e.open('/trends');
		await t.waitForCharts({ min: 3 });
		await t.page.emulateMedia({ media: 'print' });
		expect(await t.page.locator('nav[aria-label="视图"]').isVisible()).toBe(false);
		expect(await t.page.locator('.filter-bar').isVisible()).toBe(false);
		const widths = await t.page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
		const page = await t.page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().width);
		for (const w of widths) expect(w).toBeGreaterThan(page * 0.95);
	});
});

describe('/documents/[doc_id]', () => {
	it('shows every table, the source line of each figure and the checks', async () => {
		const t = await e2e.open('/documents/3ba5c30f59ea');
		// rendered in the browser from the document's rows (test/e2e/documents.test.ts)
		await t.page.waitForSelector('[data-document-state="ready"]', { timeout: 30_000 });
		const html = await t.page.content();
		expect(html).toContain('重庆市九龙坡区政务服务管理办公室2021年度部门决算情况说明');
		expect(html).toContain('一般公共服务支出');
		expect(html).toMatch(/第 \d+ 行/);
		const summary = (await text(t, '.check-summary')).match(/核对 (\d+) 项：(\d+) 项通过，(\d+) 项未通过/);
		expect(summary).not.toBeNull();
		const [total, passed, failed] = (summary as RegExpMatchArray).slice(1).map(Number);
		expect(total).toBeGreaterThan(0);
		expect(passed + failed).toBe(total);
		// every check is listed once: failed ones marked, passed ones in the folded table
		expect(await t.page.locator('tr.failed').count()).toBe(failed);
		expect(await t.page.locator('table:has(caption:text-is("已通过的核对")) tbody tr').count()).toBe(passed);
		t.expectClean();
	});

	it('answers an unknown document with a page that says so, not a blank page', async () => {
		const t = await e2e.open('/documents/000000000000');
		await t.page.waitForSelector('h1:has-text("未找到文件 000000000000")', { timeout: 30_000 });
		expect(t.pageErrors).toEqual([]);
	});

	it('shows no filter bar', async () => {
		const t = await e2e.open('/documents/eab6c10d40ee');
		await t.page.waitForSelector('[data-document-state="ready"]', { timeout: 30_000 });
		expect(await t.page.locator('[data-filter]').count()).toBe(0);
	});
});
