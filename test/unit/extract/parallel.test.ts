/**
 * `npm run extract -- --jobs N`: worker threads change where files are extracted, never what comes
 * out. A folder mixing seeds, a real PDF (a tables file), a narrative + tables pair merged into
 * one document, a spacing-only copy, a bulletin that is not a disclosure and an empty file gives the same Parquet rows and the same CLI lines with 0, 1 and 2 workers. A worker that
 * dies on a file fails that file only, by name; the other files are extracted.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFolder, extractFolderPacked } from '../../../scripts/lib/extract-folder';
import type { ContractRows, ExtractedDocument } from '../../../src/lib/extract/index';
import { TABLE_NAMES, TABLES } from '../../../src/lib/storage/schema';
import { parquetRows } from './parquet-rows';
import { RAW_DIR } from './seed-helpers';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(import.meta.dirname, '../../fixtures');
const seedFile = (prefix: string) => join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith(prefix)) as string);

interface Run {
	code: number;
	/** stdout and stderr lines, the total's timing and output folder blanked out. */
	lines: string[];
	/** Every table's rows as JSON lines, in file order. */
	tables: Record<string, string[]>;
}

/** Every contract table of `dir`, by table name. */
const tableRows = (dir: string) => parquetRows(Object.fromEntries(TABLE_NAMES.map((name) => [name, join(dir, TABLES[name].file)])));

async function extractWith(inDir: string, jobs: number): Promise<Run> {
	const outDir = mkdtempSync(join(tmpdir(), `bl-parallel-out-${jobs}-`));
	const r = await run('npx', ['tsx', 'scripts/extract.ts', '--in', inDir, '--out', outDir, '--jobs', String(jobs)], { cwd: ROOT }).then(
		(x) => ({ code: 0, ...x }),
		(e: { code: number; stdout: string; stderr: string }) => e
	);
	// Progress lines ("… N documents extracted (5 s)") come with time, not with the folder: left out.
	const lines = [...r.stdout.split('\n'), '--- stderr', ...r.stderr.split('\n')]
		.filter((l) => !l.startsWith('… '))
		.map((l) => l.replace(/written to \S+ in \d+ ms$/, 'written to OUT in N ms'));
	return { code: r.code, lines, tables: await tableRows(outDir) };
}

let inDir: string;
const runs: Record<number, Run> = {};

beforeAll(async () => {
	inDir = mkdtempSync(join(tmpdir(), 'bl-parallel-in-'));
	for (const prefix of ['000', '002', '004']) copyFileSync(seedFile(prefix), join(inDir, `seed-${prefix}.txt`));
	writeFileSync(join(inDir, 'zz-copy.txt'), readFileSync(seedFile('004'), 'utf8').replace(/\n/g, '\r\n'));
	copyFileSync(join(FIXTURES, 'pdf/jiangsu-rendachangweihui-2019-budget-tables.pdf'), join(inDir, 'js-2019-tables.pdf'));
	copyFileSync(join(FIXTURES, 'corpus/xuanwu-quweiban-2019-budget-narrative.txt'), join(inDir, 'xw-公开文件.txt'));
	copyFileSync(join(FIXTURES, 'corpus/xuanwu-quweiban-2019-budget-tables.txt'), join(inDir, 'xw-公开表格.txt'));
	copyFileSync(join(FIXTURES, 'disclosures/tongnan-kejiju-2023-final-spaces.txt'), join(inDir, 'tongnan.txt'));
	copyFileSync(join(FIXTURES, 'bad-input/bulletin-2023.txt'), join(inDir, 'bulletin.txt'));
	writeFileSync(join(inDir, 'empty.txt'), '');
	await Promise.all([0, 1, 2].map(async (jobs) => (runs[jobs] = await extractWith(inDir, jobs))));
}, 600_000); // three CLI runs with pdf.js (minutes only on a machine shared with other work)

describe('--jobs N', () => {
	it('extracts the folder: merged pairs, the copy skipped, the bad files named (checked once, on one worker)', () => {
		const { code, lines } = runs[1];
		expect(code).toBe(1); // the empty file could not be read
		expect(lines).toContainEqual(expect.stringMatching(/^js-2019-tables\.pdf: （省级） \| .* \| 2019 \| 预算/));
		expect(lines).toContainEqual(expect.stringMatching(/^xw-公开文件\.txt \+ xw-公开表格\.txt: 玄武区/));
		expect(lines).toContainEqual(expect.stringMatching(/zz-copy\.txt: .*seed-004\.txt.*duplicate file/));
		expect(lines).toContainEqual(expect.stringMatching(/^error: extract: bulletin\.txt: .*not a disclosure/));
		expect(lines).toContainEqual(expect.stringMatching(/^error: extract: empty\.txt: .*empty/));
		expect(lines).toContainEqual('total: 6 documents extracted, 2 files failed; ' + lines.find((l) => l.startsWith('total: '))?.split('; ').slice(1).join('; '));
		expect(runs[1].tables.documents).toHaveLength(6);
	});
	it('gives the same CLI lines, in the same order, with 0, 1 and 2 workers', () => {
		expect(runs[1].lines).toEqual(runs[0].lines);
		expect(runs[2].lines).toEqual(runs[0].lines);
		expect(runs[2].code).toBe(runs[0].code);
	});
	it('writes the same Parquet rows with 0, 1 and 2 workers', () => {
		for (const name of TABLE_NAMES) {
			expect(runs[1].tables[name], name).toEqual(runs[0].tables[name]);
			expect(runs[2].tables[name], name).toEqual(runs[0].tables[name]);
		}
		expect(runs[0].tables.function_expenditure.length).toBeGreaterThan(50);
	});
});

describe('a worker that dies on a file', () => {
	// The first four files are one first-pass task (extract-folder.ts): the worker dies on it, and its
	// files are read again a task each, so that only the two that kill a worker fail.
	it('fails that file by name, and the others are extracted', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bl-parallel-crash-'));
		copyFileSync(seedFile('000'), join(dir, 'a.txt'));
		copyFileSync(seedFile('001'), join(dir, 'b-crash-on-profile.txt'));
		copyFileSync(seedFile('002'), join(dir, 'c-crash-on-extract.txt'));
		copyFileSync(seedFile('003'), join(dir, 'd.txt'));
		copyFileSync(seedFile('004'), join(dir, 'e.txt'));
		const docs: string[] = [];
		const failed: string[] = [];
		const result = await extractFolder(
			dir,
			(rows: ContractRows, doc: ExtractedDocument | null) => {
				if (doc) docs.push(doc.document.source_file);
				else failed.push(...rows.diagnostics.map((d) => `${d.source_file}: ${d.message}`));
			},
			{ jobs: 2, workerEntry: new URL('./parallel-crash-worker.ts', import.meta.url) }
		);
		expect(docs).toEqual(['a.txt', 'd.txt', 'e.txt']);
		expect(result.failures.map((f) => f.file)).toEqual(['b-crash-on-profile.txt', 'c-crash-on-extract.txt']);
		for (const f of result.failures) expect(f.message).toMatch(new RegExp(`^extract: ${f.file}: .*worker crashed: simulated crash`));
		expect(failed).toEqual(result.failures.map((f) => `${f.file}: ${f.message}`));
		expect(result.documents).toBe(3);
		expect(result.jobs).toBe(2);
		// The same folder read once (what the CLI runs): both files die in that one pass.
		const reports: string[] = [];
		const packed = await extractFolderPacked(
			dir,
			{ rows: () => {}, document: (report) => void reports.push(report.document.source_file as string), revoke: () => {} },
			{ jobs: 2, workerEntry: new URL('./parallel-crash-worker.ts', import.meta.url) }
		);
		expect(reports).toEqual(['a.txt', 'd.txt', 'e.txt']);
		expect(packed.failures.map((f) => f.file)).toEqual(['b-crash-on-profile.txt', 'c-crash-on-extract.txt']);
		for (const f of packed.failures) expect(f.message).toMatch(new RegExp(`^extract: ${f.file}: .*worker crashed: simulated crash`));
	}, 300_000);
});
