/**
 * The documents a briefing names, taken from DuckDB narrowed to those its rows point at (by doc_id,
 * by unit·year·kind, a missing unit or kind matching any), not the whole list: the same sources as
 * from every document, in DuckDB-WASM (the browser's engine). Names chosen here, one of them hostile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/lib/filters/model';
import { documentsListQuery, sourceDocumentsQuery, type DocumentRow } from '../../../src/lib/queries';
import { captionSources, captionSourcesQuery, rowSources, sourceListQuery, sourcesOfRows } from '../../../src/lib/export/sources';
import { sortByPinyin } from '../../../src/lib/filters/order';
import type { NameOrder } from '../../../src/lib/queries/name-order';
import { openNodeDb, type NodeDb } from '../../../src/lib/server/duckdb-node';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { rowsOf, writeFixtureParquet } from '../../helpers/fixtures';

const HOSTILE = "丙区'); DROP TABLE documents; --";
// [doc, district, department kind (null: none), year, kind]
const DOCS: [string, string, string | null, number, 'budget' | 'final'][] = [
	['a1', '甲区', '财政局', 2022, 'final'],
	['a2', '甲区', '财政局', 2023, 'budget'],
	['a3', '甲区', '财政局', 2023, 'final'],
	['b1', '甲区', '审计局', 2023, 'budget'],
	['c1', '乙县', null, 2021, 'budget'],
	['h1', HOSTILE, '财政局', 2023, 'budget']
];

let db: WasmNodeDb;
let native: NodeDb;
let all: DocumentRow[];
beforeAll(async () => {
	const dir = await writeFixtureParquet({
		documents: rowsOf(
			'documents',
			['doc_id', 'source_file', 'district', 'department', 'year', 'kind', 'title', 'department_kind', 'layout'],
			DOCS.map(([id, district, unitKind, year, kind]) => [id, `${id}.txt`, district, `${district}${unitKind ?? '某委员会'}`, year, kind, `${id} 标题`, unitKind, 'tabs'])
		)
	});
	[db, native] = await Promise.all([openWasmNodeDb(dir), openNodeDb(dir, ['documents'])]);
	all = await db.client.query<DocumentRow>(documentsListQuery(EMPTY_FILTERS));
}, 60_000);

afterAll(() => native?.close());

const ROW_SETS: [string, object[]][] = [
	['by doc_id', [{ doc_id: 'a3', total: 1 }, { doc_id: 'c1' }]],
	['by unit, year and kind', [{ district: '甲区', unit: '财政局', year: 2023, kind: 'final', total: 1 }]],
	['a row without a kind (both kinds of the year)', [{ district: '甲区', unit: '财政局', year: 2023 }]],
	['a row of unnamed units (every unit of the district’s year and kind)', [{ district: '甲区', unit: null, year: 2023, kind: 'budget' }]],
	['a derived figure’s source', [{ district: '乙县', unit: '乙县某委员会', year: 2020, kind: 'budget', source_doc: 'c1' }]],
	['a hostile district name', [{ district: HOSTILE, unit: '财政局', year: 2023, kind: 'budget' }]]
];

describe('sourceDocumentsQuery', () => {
	it.each(ROW_SETS)('names the same sources as the whole list: %s', async (_, rows) => {
		const narrowed = await db.client.query<DocumentRow>(sourceListQuery(EMPTY_FILTERS, rows));
		expect(sourcesOfRows(rows, narrowed)).toEqual(sourcesOfRows(rows, all));
		expect(sourcesOfRows(rows, narrowed).length).toBeGreaterThan(0);
		// only documents the rows can point at come into the page
		expect(narrowed.length).toBeLessThan(all.length);
		// an outside engine over the same files answers the same
		expect(await native.client.query<DocumentRow>(sourceListQuery(EMPTY_FILTERS, rows))).toEqual(narrowed);
	});

	it('takes the whole list where no row says where it comes from, or a name holds a separator', async () => {
		expect(sourceListQuery(EMPTY_FILTERS, [{ total: 1 }]).sql).toBe(documentsListQuery(EMPTY_FILTERS).sql);
		expect(sourceDocumentsQuery(EMPTY_FILTERS, ['a\u001fb'], [])).toBeNull();
		const keys = rowSources([{ doc_id: 'a1' }, { doc_id: 'a1' }, { district: '甲区', unit: null, year: 2023, kind: null }]);
		expect(keys).toEqual({ keyed: true, ids: ['a1'], units: [['甲区', null, 2023, null]] });
	});
});

describe('captionSourcesQuery', () => {
	// the filter bar's lists: every district, and the department kinds (乙县's unit has none, so it is not listed)
	const order: NameOrder = { districts: sortByPinyin(new Set(DOCS.map((d) => d[1]))), units: sortByPinyin(new Set(DOCS.flatMap((d) => (d[2] ? [d[2]] : [])))) };
	const SETS: [string, object[]][] = [
		...ROW_SETS,
		['every unit of a district’s year, both kinds', [{ district: '甲区', unit: null, year: 2023, kind: null }]],
		['rows that say nothing of their documents (each unit’s latest stands in)', [{ total: 1 }]],
		['everything', DOCS.map(([doc_id]) => ({ doc_id }))]
	];
	it.each(SETS)('names the first sources and counts them all as the whole list does: %s', async (_, rows) => {
		const whole = sourcesOfRows(rows, all);
		for (const limit of [1, 2, 3]) {
			const head = await db.client.query<DocumentRow>(captionSourcesQuery(EMPTY_FILTERS, rows, order, limit));
			expect(captionSources(rows, head, limit)).toEqual({ sources: whole.slice(0, limit), total: whole.length });
			// only the first `limit`, and sources of a unit the order does not list
			expect(head.length).toBeLessThanOrEqual(limit + whole.filter((d) => d.unit === '乙县某委员会').length);
			expect(await native.client.query<DocumentRow>(captionSourcesQuery(EMPTY_FILTERS, rows, order, limit))).toEqual(head);
		}
	});
	it('orders by the bound reading order, so the head is the pinyin order’s', async () => {
		const rows = DOCS.map(([doc_id]) => ({ doc_id }));
		const head = await db.client.query<DocumentRow>(captionSourcesQuery(EMPTY_FILTERS, rows, order, 2));
		// 丙区 (bǐng) before 甲区 (jiǎ); within 甲区 财政局 (cái) before 审计局 (shěn), 2022 first; 乙县's unlisted unit comes along
		expect(head.map((d) => d.doc_id)).toEqual(['h1', 'a1', 'c1']);
	});
	it('falls back to the whole list where a key holds a separator', async () => {
		const rows = [{ doc_id: 'a\u001fb' }];
		expect(captionSourcesQuery(EMPTY_FILTERS, rows, order, 3).sql).toBe(documentsListQuery(EMPTY_FILTERS).sql);
		expect(captionSources(rows, all, 3)).toEqual({ sources: [], total: 0 });
	});
});
