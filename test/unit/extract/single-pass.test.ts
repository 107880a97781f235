/**
 * extractFolderPacked reads each file once: a file is extracted alone as it is read and its rows go
 * to the writer at once, before the folder's plan is known. This folder has every case where the plan
 * then undoes that — the halves of one disclosure (read again as one), rivals (one left out), a copy
 * that differs in spacing — and an exact copy (same doc_id, never handed on), beside singles and an
 * empty file. The Parquet written must be the same as from the two-pass run that plans first
 * (extractFolder, every row written at once), in one thread and with workers.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentIdSync } from '../../../scripts/lib/document-id-node';
import { reportOf, type DocumentReport } from '../../../scripts/lib/document-report';
import { extractFolder, extractFolderPacked, type FolderResult } from '../../../scripts/lib/extract-folder';
import { openParquetSink, writeParquetTables } from '../../../scripts/lib/parquet-write';
import { emptyContractRows, type ContractRows } from '../../../src/lib/extract/index';
import { TABLE_NAMES } from '../../../src/lib/storage/schema';
import { parquetRows } from './parquet-rows';
import { RAW_DIR } from './seed-helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const seedFile = (prefix: string) => join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith(prefix)) as string);
const TONGLIANG = readFileSync(join(FIXTURES, 'disclosures/tongliang-sifaju-2022-final-tabs.txt'), 'utf8');

let dir: string;
const idOf = (...files: string[]) => documentIdSync(...files.map((f) => new Uint8Array(readFileSync(join(dir, f)))));

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'bl-single-pass-'));
	for (const prefix of ['000', '001', '002', '003', '004']) copyFileSync(seedFile(prefix), join(dir, `s${prefix}.txt`));
	// A copy of s004 in other spacing, and a byte-for-byte copy of s003.
	writeFileSync(join(dir, 'z-spaced-copy.txt'), readFileSync(seedFile('004'), 'utf8').replace(/\n/g, '\r\n').replace(/\t/g, ' \t'));
	copyFileSync(seedFile('003'), join(dir, 'z-exact-copy.txt'));
	// The two halves of one disclosure; the tables file sorts first.
	copyFileSync(join(FIXTURES, 'corpus/xuanwu-quweiban-2019-budget-tables.txt'), join(dir, 'x-公开表格.txt'));
	copyFileSync(join(FIXTURES, 'corpus/xuanwu-quweiban-2019-budget-narrative.txt'), join(dir, 'y-公开文件.txt'));
	// Rivals: r1 misprints a figure (a check fails), so r2 is kept.
	writeFileSync(join(dir, 'r1.txt'), TONGLIANG.replace('2040604\t基层司法业务\t146.72\t0.00\t146.72', '2040604\t基层司法业务\t164.72\t0.00\t164.72'));
	writeFileSync(join(dir, 'r2.txt'), TONGLIANG);
	writeFileSync(join(dir, 'empty.txt'), '');
});

/** Every Parquet file of `out` as JSON rows, in stored order, by file name. */
const parquetFiles = (out: string) => parquetRows(Object.fromEntries(readdirSync(out).filter((f) => f.endsWith('.parquet')).map((f) => [f, join(out, f)])));

/** The two-pass run: plan first, then extract each planned document; every row written at once. */
async function twoPass(): Promise<{ files: Record<string, string[]>; reports: DocumentReport[]; result: FolderResult }> {
	const all: ContractRows = emptyContractRows();
	const reports: DocumentReport[] = [];
	const result = await extractFolder(dir, (rows, doc) => {
		for (const table of TABLE_NAMES) (all[table] as unknown[]).push(...rows[table]);
		if (doc) reports.push(reportOf(doc));
	});
	const out = mkdtempSync(join(tmpdir(), 'bl-single-pass-ref-'));
	await writeParquetTables(out, all);
	return { files: await parquetFiles(out), reports, result };
}

async function onePass(jobs: number) {
	const out = mkdtempSync(join(tmpdir(), `bl-single-pass-${jobs}-`));
	const sink = await openParquetSink(out);
	const reports: DocumentReport[] = [];
	const revoked: string[] = [];
	let handedOn = 0;
	const result = await extractFolderPacked(
		dir,
		{
			rows: (rows) => {
				if ('encoded' in rows && rows.tables.documents) handedOn++;
				sink.append(rows);
			},
			document: (report) => void reports.push(report),
			revoke: (ids) => {
				revoked.push(...ids);
				sink.revoke(ids);
			}
		},
		{ jobs }
	);
	await sink.close();
	return { files: await parquetFiles(out), reports, revoked, handedOn, result };
}

describe('a folder extracted as it is read', () => {
	it.each([0, 2])('writes the same Parquet, reports and totals as planning first (%i workers)', async (jobs) => {
		const ref = await twoPass();
		const run = await onePass(jobs);
		expect(ref.reports.map((r) => r.document.source_file)).toEqual(['r2.txt', 's000.txt', 's001.txt', 's002.txt', 's003.txt', 's004.txt', 'y-公开文件.txt + x-公开表格.txt']);
		expect(run.reports).toEqual(ref.reports);
		expect(run.files).toEqual(ref.files);
		expect(Object.keys(run.files)).toContain('documents.parquet');
		expect(run.files['documents.parquet']).toHaveLength(7);
		const { jobs: _ran, ...totals } = run.result;
		const { jobs: _refRan, ...refTotals } = ref.result;
		expect(totals).toEqual(refTotals);
		expect(run.result.failures.map((f) => f.file)).toEqual(['empty.txt']);
		// Handed on at once, then revoked: both halves, the rival left out, the spaced copy. The exact
		// copy (s003's doc_id) was never handed on: 11 readable files, 10 documents handed on, 1 merged.
		expect([...run.revoked].sort()).toEqual([idOf('x-公开表格.txt'), idOf('y-公开文件.txt'), idOf('r1.txt'), idOf('z-spaced-copy.txt')].sort());
		expect(run.handedOn).toBe(11);
	}, 300_000);
});
