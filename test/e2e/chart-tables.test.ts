/**
 * Chart 数据表 at corpus size and their workbooks (#7 leftovers), over a generated corpus of 30
 * units (6 districts × 5 department kinds, 2025 预算 and 决算: test/e2e/corpus-site.ts) — more than
 * the 24 disclosures /compare draws — and over the seeds' build:
 * - /compare's tables list every compared disclosure and say which the chart draws;
 * - a table longer than a page (50 rows) is paged like the other tables;
 * - bar value labels that do not fit are hidden, never turned or left overlapping;
 * - the /structure treemap saves its level as a workbook.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chartTable } from './chart-data';
import { CORPUS_BUILD_TIMEOUT, GENERATED_CORPUS, ensureGeneratedSite } from './corpus-site';
import { useE2E, type TrackedPage } from './harness';

/** Waits for conditions on a busy machine (DuckDB-WASM starts slowly there); not timings. */
const SETTLE = 150_000;
const TEST_TIMEOUT = 240_000;
const UNITS = GENERATED_CORPUS.districts * GENERATED_CORPUS.departments;

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	return wb;
}

/** The category labels chart `name` draws (its category axis), from the option ECharts holds. */
function drawnCategories(t: TrackedPage, name: string): Promise<string[]> {
	return t.page.locator(`[data-chart="${name}"] .chart-canvas`).evaluate((node) => {
		type Axis = { type?: string; data?: unknown[] };
		const chart = (node as HTMLElement & { echarts?: { getOption(): { xAxis?: Axis[] } } }).echarts;
		return (chart?.getOption().xAxis?.[0]?.data ?? []).map(String);
	});
}

/** Opens chart `name`'s 数据表 (a fold), so its pager can be used. */
async function openTable(t: TrackedPage, name: string): Promise<void> {
	await t.page.locator(`[data-chart="${name}"] details.chart-data > summary`).click();
}

describe('generated corpus: more units than /compare draws', { timeout: TEST_TIMEOUT }, () => {
	const e2e = useE2E({ site: ensureGeneratedSite, setupTimeout: CORPUS_BUILD_TIMEOUT });

	it('lists every compared disclosure in the 数据表 and its workbook, marking the 24 drawn', async () => {
		const t = await e2e.open('/compare?kind=budget');
		await t.waitForCharts({ min: 4, timeout: SETTLE });
		expect(await t.page.locator('[data-compare-rest]').textContent()).toContain(`其余 ${UNITS - 24} 份未画出`);

		const drawn = await drawnCategories(t, 'compare-split');
		expect(drawn).toHaveLength(24);
		const table = await chartTable(t, 'compare-split');
		expect(table.rows).toHaveLength(UNITS);
		expect(table.columns).toEqual(['基本支出', '项目支出', '图中']);
		const drawnRows = table.rows.filter((r) => table.cells[r]['图中'] === '已画出');
		expect(new Set(drawnRows)).toEqual(new Set(drawn));
		expect(table.rows.filter((r) => table.cells[r]['图中'] === '未画出')).toHaveLength(UNITS - 24);

		// every 类 table too: a row per disclosure, a column per 类
		const amounts = await chartTable(t, 'compare-function-amount');
		expect(amounts.rows).toHaveLength(UNITS);
		expect(amounts.columns.at(-1)).toBe('图中');

		const file = await t.download(() => t.page.click('[data-chart="compare-split"] button.xlsx'));
		const ws = (await workbookOf(file.bytes)).getWorksheet('基本支出与项目支出')!;
		expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['单位·年度·类型', '基本支出（万元）', '项目支出（万元）', '图中']);
		expect(ws.rowCount).toBe(UNITS + 1);
		const marks = [];
		for (let r = 2; r <= ws.rowCount; r++) {
			const label = String(ws.getRow(r).getCell(1).value);
			marks.push(ws.getRow(r).getCell(4).value);
			expect(ws.getRow(r).getCell(4).value).toBe(table.cells[label]['图中']);
			expect(ws.getRow(r).getCell(2).type).toBe(ExcelJS.ValueType.Number);
		}
		expect(marks.filter((m) => m === '已画出')).toHaveLength(24);
		t.expectClean();
	});

	it('/trends draws the 24 largest unit·kind lines and counts the rest in a notice', async () => {
		const t = await e2e.open('/trends?kind=budget');
		await t.waitForCharts({ min: 3, timeout: SETTLE });
		expect(await t.page.locator('[data-trend-rest]').textContent()).toContain(`共 ${UNITS} 条单位·类型序列`);
		const lines = await t.page.locator('[data-chart="trend-total"] .chart-canvas').evaluate((node) => {
			const chart = (node as HTMLElement & { echarts?: { getOption(): { series?: { name?: string }[] } } }).echarts;
			return (chart?.getOption().series ?? []).map((x) => String(x.name));
		});
		// one line per drawn unit·kind (derived points, if any, are series of their own)
		expect(new Set(lines.filter((n) => !n.includes('推算'))).size).toBe(24);
		t.expectClean();
	});

	it('/three-public draws the 24 largest unit·years, counts the rest, and pages its 明细 in SQL in the CSV\'s order', async () => {
		const t = await e2e.open('/three-public');
		await t.waitForCharts({ min: 3, timeout: SETTLE });
		await t.waitForDuckDB();
		for (const [kind, chart] of [['final', 'three-public-budget-actual'], ['budget', 'three-public-budgets']] as const) {
			expect(await t.page.locator(`[data-place-rest="${kind}"]`).textContent()).toContain(`共 ${UNITS} 个，`);
			expect(await t.page.locator(`[data-place-rest="${kind}"]`).textContent()).toContain(`其余 ${UNITS - 24} 个未画出`);
			expect(await drawnCategories(t, chart)).toHaveLength(24);
		}
		expect(await t.page.locator('[data-chart="three-public-items"] .chart-caption').textContent()).toMatch(new RegExp(`^${UNITS} 份决算公开相加：.* 等$`));
		const section = '[data-testid="three-public-table"]';
		const count = (await t.page.locator(`${section} [data-row-count]`).textContent()) ?? '';
		const total = Number(/共 (\d+) 行/.exec(count)?.[1]);
		expect(total).toBeGreaterThan(100);
		const file = await t.download(() => t.page.click(`${section} button:has-text("下载 CSV")`));
		const csv = file.bytes.toString('utf8').slice(1).trimEnd().split('\r\n').slice(1);
		expect(csv).toHaveLength(total);
		const cells = (l: string) => l.split(',').slice(0, 5);
		const rowsShown = () =>
			t.page.locator(`${section} tbody tr`).evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((td) => (td.textContent ?? '').trim())));
		expect((await rowsShown()).map((r) => r.slice(0, 5))).toEqual(csv.slice(0, 50).map(cells));
		await t.page.locator(`${section} nav.pager button`, { hasText: '下一页' }).click();
		await t.page.waitForFunction((sel) => document.querySelector(`${sel} [data-row-count]`)?.textContent?.includes('当前第 51–100'), section);
		await expect.poll(async () => (await rowsShown()).map((r) => r.slice(0, 5))).toEqual(csv.slice(50, 100).map(cells));
		t.expectClean();
	});

	it('pages a 数据表 longer than 50 rows, as the other tables are paged', async () => {
		// both kinds: each unit's 预算 and 决算 are two disclosures compared
		const t = await e2e.open('/compare');
		await t.waitForCharts({ min: 4, timeout: SETTLE });
		const chart = '[data-chart="compare-split"]';
		await openTable(t, 'compare-split');
		expect(await t.page.locator(`${chart} [data-table-count]`).textContent()).toBe(`第 1–50 条，共 ${2 * UNITS} 条`);
		const first = await chartTable(t, 'compare-split');
		expect(first.rows).toHaveLength(50);
		expect(await t.page.locator(`${chart} nav.pager span`).textContent()).toBe('第 1 / 2 页');

		await t.page.locator(`${chart} nav.pager button`, { hasText: '下一页' }).click();
		await t.page.waitForFunction((sel) => document.querySelector(`${sel} [data-table-count]`)?.textContent?.startsWith('第 51'), chart);
		const second = await chartTable(t, 'compare-split');
		expect(second.rows).toHaveLength(2 * UNITS - 50);
		expect(second.rows.filter((r) => first.rows.includes(r))).toEqual([]);
		expect(await t.page.locator(`${chart} nav.pager button`, { hasText: '下一页' }).isDisabled()).toBe(true);
		t.expectClean();
	});

	it('hides the value labels that do not fit, and turns none', async () => {
		const t = await e2e.open('/compare?kind=budget');
		await t.waitForCharts({ min: 4, timeout: SETTLE });
		const labels = await t.page.locator('[data-chart="compare-function-amount"] .chart-canvas').evaluate((node) => {
			type Rect = { x: number; y: number; width: number; height: number; clone(): Rect; applyTransform(m: unknown): void };
			type Label = { ignore?: boolean; invisible?: boolean; rotation?: number; style?: { text?: string }; getBoundingRect(): Rect; getComputedTransform(): unknown };
			type El = { type: string; getTextContent?(): Label | undefined };
			const chart = (node as HTMLElement & { echarts?: { getZr(): { storage: { getDisplayList(update: boolean, withIgnored: boolean): El[] } } } }).echarts!;
			// each bar's label (zrender keeps it on the bar), hidden ones too, with the box it takes on the canvas
			return chart
				.getZr()
				.storage.getDisplayList(true, true)
				.flatMap((el) => {
					const label = el.type === 'rect' ? el.getTextContent?.() : undefined;
					if (!label || (label.style?.text ?? '') === '') return [];
					const box = label.getBoundingRect().clone();
					box.applyTransform(label.getComputedTransform());
					return [{ shown: !label.ignore && !label.invisible, rotation: label.rotation ?? 0, box: { x: box.x, y: box.y, width: box.width, height: box.height } }];
				});
		});
		const shown = labels.filter((l) => l.shown);
		expect(shown.length).toBeGreaterThan(0);
		// 24 bars of one 类 side by side cannot all carry a label: some are hidden
		expect(shown.length).toBeLessThan(labels.length);
		expect(shown.every((l) => l.rotation === 0)).toBe(true);
		const overlap = (a: typeof shown[number]['box'], b: typeof shown[number]['box']) =>
			a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
		for (let i = 0; i < shown.length; i++)
			for (let j = i + 1; j < shown.length; j++) expect(overlap(shown[i].box, shown[j].box), `labels ${i} and ${j}`).toBe(false);
		t.expectClean();
	});
});

describe('seeds: the treemap saves its level', { timeout: TEST_TIMEOUT }, () => {
	const e2e = useE2E();

	it('/structure 保存 Excel: code, name, amount in 万元 and share of each tile, with the sources and caption', async () => {
		const t = await e2e.open('/structure?kind=budget');
		await t.waitForCharts({ min: 2, timeout: SETTLE });
		const button = t.page.locator('[data-chart="function-tree-budget"] button.xlsx');
		expect(await button.isDisabled()).toBe(false);
		// the 数据表 is rendered once the reader opens it
		await t.page.locator('[data-testid="treemap-table"] > summary').first().click();
		await t.page.locator('[data-testid="treemap-table"] tbody tr').first().waitFor({ state: 'attached' });
		const shown = await t.page.locator('[data-testid="treemap-table"] tbody tr').evaluateAll((trs) =>
			trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim()))
		);
		expect(shown.length).toBeGreaterThan(1);
		const file = await t.download(() => button.click());
		expect(file.filename).toBe('预决算透视-功能分类（预算）.xlsx');

		const wb = await workbookOf(file.bytes);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['功能分类（预算）', '来源文件', '说明']);
		const ws = wb.getWorksheet('功能分类（预算）')!;
		expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['科目编码', '科目名称', '金额（万元）', '占上级']);
		expect(ws.rowCount).toBe(shown.length + 1);
		shown.forEach(([label, amount, share], i) => {
			const row = ws.getRow(i + 2);
			const code = row.getCell(1).value;
			expect(code === null ? label : `${code} ${row.getCell(2).value}`).toBe(label);
			const total = row.getCell(3);
			expect(total.type).toBe(ExcelJS.ValueType.Number);
			expect(total.numFmt).toBe('#,##0.00');
			expect((total.value as number).toFixed(2)).toBe(amount.replaceAll(',', ''));
			const part = row.getCell(4);
			if (share === '—') return expect(part.value).toBeNull();
			expect(part.numFmt).toBe('0.0%');
			expect(`${((part.value as number) * 100).toFixed(1)}%`).toBe(share);
		});
		const notes = wb.getWorksheet('说明')!.getColumn(1).values.filter(Boolean).join('\n');
		expect(notes).toContain('功能分类（预算）');
		expect(notes).toContain('单位：万元');
		expect(wb.getWorksheet('来源文件')!.rowCount).toBeGreaterThan(1);
		expect(wb.creator).toBe('预决算透视');
		t.expectClean();
	});
});
