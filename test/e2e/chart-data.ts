/**
 * Reading what a chart shows from its data table (the `<table>` under each chart, its accessible
 * alternative): rows by their label, columns by their header, cells as printed.
 */
import type { TrackedPage } from './harness';

export interface ChartTableText {
	/** Column headers after the row-label column (series names). */
	columns: string[];
	/** Row labels (categories) in order. */
	rows: string[];
	/** `cells[row][column]` → the printed cell (`—` for a gap), undefined if either is absent. */
	cells: Record<string, Record<string, string>>;
}

/** The data table of chart `name` on the page (fails when the chart has none). */
export async function chartTable(t: TrackedPage, name: string): Promise<ChartTableText> {
	const selector = `[data-chart="${name}"] table.chart-table`;
	// a table loaded on demand (/compare beyond the groups drawn) is there once its fold is opened
	const closed = t.page.locator(`[data-chart="${name}"] details.chart-data:not([open]) > summary`);
	if ((await t.page.locator(selector).count()) === 0 && (await closed.count()) > 0) await closed.click();
	await t.page.waitForSelector(selector, { state: 'attached', timeout: 10_000 });
	return t.page.locator(selector).evaluate((table) => {
		const text = (el: Element) => (el.textContent ?? '').trim();
		const columns = Array.from(table.querySelectorAll('thead th')).slice(1).map(text);
		const rows: string[] = [];
		const cells: Record<string, Record<string, string>> = {};
		for (const tr of Array.from(table.querySelectorAll('tbody tr'))) {
			const [head, ...rest] = Array.from(tr.children);
			const label = text(head);
			rows.push(label);
			cells[label] = Object.fromEntries(rest.map((td, i) => [columns[i], text(td)]));
		}
		return { columns, rows, cells };
	});
}

/** Every non-empty cell of a table, as printed. */
export function allCells(table: ChartTableText): string[] {
	return Object.values(table.cells).flatMap((row) => Object.values(row).filter((v) => v !== '' && v !== '—'));
}

/** A series of the option a chart draws, as far as the tests read it (functions left out). */
export interface DrawnSeries {
	id: string | null;
	name: string | null;
	type: string | null;
	symbol: string | null;
	lineType: string | null;
	borderType: string | null;
	/** The fill its itemStyle sets (a derived bar is white, hollow), and whether it is hatched (decal). */
	fill: string | null;
	decal: boolean;
	stack: string | null;
	/** Each point's value (null for a gap) and, where the point carries one, its label text. */
	points: { value: number | null; label: string | null }[];
}

/**
 * The series of chart `name` as ECharts holds them (the instance the page keeps on the canvas
 * node, see src/lib/charts/action.ts): how each is drawn, not only its figures.
 */
export async function chartSeries(t: TrackedPage, name: string): Promise<DrawnSeries[]> {
	return t.page.locator(`[data-chart="${name}"] .chart-canvas`).evaluate((node) => {
		type Item = { value?: unknown; label?: { formatter?: unknown } } | number | null;
		type S = {
			id?: string; name?: string; type?: string; stack?: string; symbol?: unknown; lineStyle?: { type?: string };
			itemStyle?: { borderType?: string; color?: unknown; decal?: unknown }; data?: Item[];
		};
		const chart = (node as HTMLElement & { echarts?: { getOption(): { series?: S[] } } }).echarts;
		return (chart?.getOption().series ?? []).map((s) => ({
			id: s.id ?? null,
			name: s.name ?? null,
			type: s.type ?? null,
			symbol: typeof s.symbol === 'string' ? s.symbol : null,
			lineType: s.lineStyle?.type ?? null,
			borderType: s.itemStyle?.borderType ?? null,
			fill: typeof s.itemStyle?.color === 'string' ? s.itemStyle.color : null,
			decal: Boolean(s.itemStyle?.decal && s.itemStyle.decal !== 'none'),
			stack: s.stack ?? null,
			points: (s.data ?? []).map((d) => {
				const value = d !== null && typeof d === 'object' ? d.value : d;
				const label = d !== null && typeof d === 'object' && typeof d.label?.formatter === 'string' ? d.label.formatter : null;
				return { value: typeof value === 'number' ? value : null, label };
			})
		}));
	});
}

/** Shows the tooltip of point `dataIndex` of series `seriesIndex` of chart `name`; returns its text. */
export async function chartTooltip(t: TrackedPage, name: string, seriesIndex: number, dataIndex: number): Promise<string> {
	const canvas = t.page.locator(`[data-chart="${name}"] .chart-canvas`);
	await canvas.evaluate(
		(node, at) => {
			const chart = (node as HTMLElement & { echarts?: { dispatchAction(a: object): void } }).echarts;
			chart?.dispatchAction({ type: 'showTip', seriesIndex: at.seriesIndex, dataIndex: at.dataIndex });
		},
		{ seriesIndex, dataIndex }
	);
	// ECharts writes the tooltip into a div of its own inside the chart node
	const tip = canvas.locator('div[style*="z-index"]').filter({ hasText: '年' }).last();
	await tip.waitFor({ state: 'visible', timeout: 30_000 });
	return (await tip.textContent()) ?? '';
}
