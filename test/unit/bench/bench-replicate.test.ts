/**
 * The benchmark's replicated corpus is written as the extractor writes: every table by doc_id (a
 * document's rows in its seed's order) in the writer's row groups, with the pre-aggregated tables
 * of the replicated documents beside them.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { replicateParquet } from '../../../scripts/lib/bench-replicate';
import { ROW_GROUP_ROWS } from '../../../scripts/lib/parquet-write';
import { PRE_AGGREGATED, TABLES } from '../../../src/lib/storage/schema';
import { extractedDataDir } from '../../helpers/extracted-data';

describe('replicateParquet', () => {
	it('writes the extractor’s layout and the pre-aggregated tables', async () => {
		const seeds = await extractedDataDir();
		const out = await mkdtemp(path.join(tmpdir(), 'budget-lens-replicate-'));
		const r = await replicateParquet(seeds, out, 60);
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		const rows = async (text: string, ...params: string[]) =>
			(await conn.runAndReadAll(text, params as DuckDBValue[])).getRowObjectsJS().map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
		try {
			const file = (name: keyof typeof TABLES) => path.join(out, TABLES[name].file);
			const figures = path.join(out, PRE_AGGREGATED.document_figures.file);
			expect(r.documents).toBeGreaterThanOrEqual(60);
			// one figures row per replicated document
			expect(await rows('SELECT count(*) AS n, count(DISTINCT doc_id) AS ids FROM read_parquet(?)', figures)).toEqual([{ n: r.documents, ids: r.documents }]);
			expect(await rows('SELECT count(*) AS n FROM read_parquet(?) f ANTI JOIN read_parquet(?) d USING (doc_id)', figures, file('documents'))).toEqual([{ n: 0 }]);
			// by doc_id in file order, and a copy's rows in its seed's order
			for (const name of ['documents', 'function_expenditure', 'summary'] as const) {
				const [unsorted] = await rows(
					'SELECT count(*) AS n FROM (SELECT doc_id, lag(doc_id) OVER (ORDER BY file_row_number) AS prev FROM read_parquet(?, file_row_number = true)) WHERE doc_id < prev',
					file(name)
				);
				expect(unsorted, name).toEqual({ n: 0 });
			}
			const lines = async (dir: string, doc: string) =>
				(await rows('SELECT source_line FROM read_parquet(?, file_row_number = true) WHERE doc_id = ? ORDER BY file_row_number', path.join(dir, TABLES.function_expenditure.file), doc)).map((x) => x.source_line);
			const [seed] = await rows('SELECT doc_id FROM read_parquet(?) ORDER BY doc_id LIMIT 1', path.join(seeds, TABLES.documents.file));
			const seedLines = await lines(seeds, String(seed!.doc_id));
			expect(seedLines.length).toBeGreaterThan(0);
			expect(await lines(out, String(seed!.doc_id))).toEqual(seedLines); // copy 0 keeps its seed's doc_id
			// checks outgrow one row group here (≈ 180 per document): several groups, none over the writer's size
			const [groups] = await rows('SELECT max(row_group_num_rows) AS most, count(DISTINCT row_group_id) AS n FROM parquet_metadata(?)', file('checks'));
			expect(Number(groups!.n)).toBeGreaterThan(1);
			expect(Number(groups!.most)).toBeLessThanOrEqual(ROW_GROUP_ROWS);
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	}, 120_000);
});
