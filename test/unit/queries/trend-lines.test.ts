/**
 * /trends at corpus size: trendsQuery brings only the lines drawn (the largest latest totals, ties
 * by name in the bound reading order) and how many lines there are, so that the page draws what it
 * drew from every line's rows — in DuckDB-WASM, the browser's engine. Totals chosen here to make a
 * tie at the edge and a line whose latest total is missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/lib/filters/model';
import { trendsQuery, type TrendQueryRow } from '../../../src/lib/queries';
import { limitTrendLines } from '../../../src/lib/charts/trend-limit';
import { sortByPinyin } from '../../../src/lib/filters/order';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { rowsOf, writeFixtureParquet } from '../../helpers/fixtures';

// [doc, district, year, kind, printed total or null]
const DOCS: [string, string, number, 'budget' | 'final', number | null][] = [
	['a1', '区A', 2023, 'budget', 100], // 区A's largest total is not its latest
	['a2', '区A', 2024, 'budget', 10],
	['b', '区B', 2024, 'budget', 50],
	['c', '区C', 2024, 'budget', 50],
	['d', '区D', 2024, 'final', 50],
	['e', '区E', 2024, 'budget', null],
	['f', '区F', 2022, 'final', 70]
];

let db: WasmNodeDb;
beforeAll(async () => {
	const dir = await writeFixtureParquet({
		documents: rowsOf(
			'documents',
			['doc_id', 'source_file', 'district', 'department', 'year', 'kind', 'title', 'department_kind', 'layout'],
			DOCS.map(([id, district, year, kind]) => [id, `${id}.txt`, district, `${district}财政局`, year, kind, id, '财政局', 'tabs'])
		),
		summary: rowsOf(
			'summary',
			['doc_id', 'measure', 'value', 'source', 'source_line'],
			DOCS.filter((d) => d[4] !== null).map(([id, , , , total]) => [id, 'expenditure_total', total, 'table', 1])
		)
	});
	db = await openWasmNodeDb(dir);
}, 60_000);

/** The filter bar's reading order of the names. */
const ORDER = { districts: sortByPinyin(new Set(DOCS.map((d) => d[1]))), units: ['财政局'] };

const lineOf = (r: TrendQueryRow) => `${r.district}${r.kind}`;
const drawn = (rows: TrendQueryRow[], limit: number, lines?: number) => {
	const l = limitTrendLines(rows, limit, lines);
	return { rows: rows.filter((r) => l.keep(r)).map((r) => `${lineOf(r)}${r.year}`), lines: l.lines, rest: l.rest };
};

describe('trendsQuery with a line limit', () => {
	it('brings the lines drawn, ties settled by the bound reading order, and counts them all', async () => {
		const rows = await db.client.query<TrendQueryRow>(trendsQuery(EMPTY_FILTERS, 2, ORDER));
		// 区F 70 first; 区B, 区C and 区D share second place at 50: 区B is read first; 区A (latest 10) and 区E (none) stay out
		expect([...new Set(rows.map(lineOf))]).toEqual(['区Bbudget', '区Ffinal']);
		expect(rows.every((r) => Number(r.lines) === 6)).toBe(true);
		expect(drawn(rows, 2, Number(rows[0].lines))).toEqual({ rows: ['区Bbudget2024', '区Ffinal2022'], lines: 6, rest: 4 });
		// another reading order settles the tie otherwise
		const reversed = await db.client.query<TrendQueryRow>(trendsQuery(EMPTY_FILTERS, 2, { ...ORDER, districts: [...ORDER.districts].reverse() }));
		expect([...new Set(reversed.map(lineOf))]).toEqual(['区Dfinal', '区Ffinal']);
	});

	it('draws for every limit what the page drew from every line’s rows', async () => {
		const all = await db.client.query<TrendQueryRow>(trendsQuery(EMPTY_FILTERS, 1000));
		expect(all).toHaveLength(DOCS.length);
		for (let limit = 1; limit <= DOCS.length + 1; limit++) {
			const rows = await db.client.query<TrendQueryRow>(trendsQuery(EMPTY_FILTERS, limit, ORDER));
			expect([limit, drawn(rows, limit, Number(rows[0].lines))]).toEqual([limit, drawn(all, limit)]);
		}
	});
});
