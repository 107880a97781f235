/**
 * The benchmark's replicated corpus has the issue's shape — 38 districts × 40 departments, 预算 and
 * 决算, years back from the seeds' latest, no unit with two disclosures of one kind and year — and is
 * written as the extractor writes: every table by doc_id (a document's rows in its seed's order) in
 * the writer's row groups, with the pre-aggregated tables of the replicated documents beside them.
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
	it('fills units, then kinds, then years, in the extractor’s layout with the pre-aggregated tables', async () => {
		const seeds = await extractedDataDir();
		const out = await mkdtemp(path.join(tmpdir(), 'budget-lens-replicate-'));
		// every unit's 预算 and 决算 of the latest year, and 60 units' 预算 of the year before
		const r = await replicateParquet(seeds, out, 2 * 38 * 40 + 60);
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		const rows = async (text: string, ...params: string[]) =>
			(await conn.runAndReadAll(text, params as DuckDBValue[])).getRowObjectsJS().map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
		try {
			const file = (name: keyof typeof TABLES) => path.join(out, TABLES[name].file);
			const figures = path.join(out, PRE_AGGREGATED.document_figures.file);
			expect(r.documents).toBe(2 * 38 * 40 + 60);
			const [latest] = await rows('SELECT max(year) AS y FROM read_parquet(?)', path.join(seeds, TABLES.documents.file));
			const y = Number(latest!.y);
			expect(await rows('SELECT count(DISTINCT district) AS districts, count(DISTINCT (district, department)) AS units, count(DISTINCT department_kind) AS kinds FROM read_parquet(?)', file('documents'))).toEqual([
				{ districts: 38, units: 38 * 40, kinds: 40 }
			]);
			expect(await rows('SELECT year, kind, count(*) AS n FROM read_parquet(?) GROUP BY ALL ORDER BY year DESC, kind', file('documents'))).toEqual([
				{ year: y, kind: 'budget', n: 38 * 40 },
				{ year: y, kind: 'final', n: 38 * 40 },
				{ year: y - 1, kind: 'budget', n: 60 }
			]);
			expect(await rows('SELECT count(*) AS n FROM (SELECT district, department, kind, year FROM read_parquet(?) GROUP BY ALL HAVING count(*) > 1)', file('documents'))).toEqual([{ n: 0 }]);
			// a copy's title names its unit and year
			expect(await rows("SELECT count(*) AS n FROM read_parquet(?) WHERE NOT (contains(title, district) AND contains(title, department_kind) AND contains(title, year || '年'))", file('documents'))).toEqual([{ n: 0 }]);
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
			expect(await lines(out, String(seed!.doc_id))).toEqual(seedLines); // a seed's first copy keeps its doc_id
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
