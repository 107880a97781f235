/**
 * A corpus with a provincial unit (district NULL in the contract, level 'province') beside the
 * Chongqing seeds: the first view's snapshot, the coverage grid and DuckDB-WASM all give that unit
 * a labelled place instead of failing on a missing district (the build used to stop with
 * "Cannot read properties of null (reading 'localeCompare')").
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageGrid } from '../../../src/lib/components/coverage';
import { EMPTY_FILTERS } from '../../../src/lib/filters/model';
import { coverageQuery } from '../../../src/lib/queries';
import { PLACE_LABEL } from '../../../src/lib/queries/places';
import { loadSnapshot, type Snapshot } from '../../../src/lib/server/snapshot';
import { openWasmNodeDb } from '../../helpers/duckdb-wasm-node';

const repo = path.resolve(import.meta.dirname, '../../..');
let out: string;
let snapshot: Snapshot;

beforeAll(async () => {
	const raw = await mkdtemp(path.join(tmpdir(), 'budget-lens-places-raw-'));
	out = await mkdtemp(path.join(tmpdir(), 'budget-lens-places-out-'));
	for (const f of await readdir(path.join(repo, 'data/raw'))) await copyFile(path.join(repo, 'data/raw', f), path.join(raw, f));
	// the tables half of a provincial department's 2019 budget (test/fixtures/real-pdfs/README.md)
	await copyFile(path.join(repo, 'test/fixtures/real-pdfs/jiangsu-swbgt-2019-tables.pdf'), path.join(raw, 'province.pdf'));
	await promisify(execFile)('npx', ['tsx', 'scripts/extract.ts', '--in', raw, '--out', out, '--quiet'], { cwd: repo });
	snapshot = await loadSnapshot(out);
}, 180_000);

describe('units without a district', () => {
	it('are placed under a label saying their level, beside the districts', () => {
		expect(snapshot.known.districts).toEqual(expect.arrayContaining([PLACE_LABEL.province, '九龙坡区']));
		const province = snapshot.documents.filter((d) => d.district === PLACE_LABEL.province);
		expect(province.map((d) => d.year)).toEqual([2019]);
	});

	it('get a row of the coverage grid', () => {
		const grid = coverageGrid(snapshot.coverage);
		expect(grid.districts).toContain(PLACE_LABEL.province);
	});

	it('are labelled the same way in the browser’s DuckDB', async () => {
		const wasm = await openWasmNodeDb(out);
		expect(await wasm.client.query(coverageQuery(EMPTY_FILTERS))).toEqual(snapshot.coverage);
	}, 60_000);
});
