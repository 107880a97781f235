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
