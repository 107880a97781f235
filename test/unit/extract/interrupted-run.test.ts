/**
 * `npm run extract` stopped by Ctrl-C or `kill` while it runs: the output folder holds the previous
 * run's Parquet as it was, and none of the run's temporary files (spools, spill, unrenamed Parquet,
 * which at corpus size are gigabytes). A run killed outright (SIGKILL, out of memory) cannot clean up:
 * the next run into the folder removes what it left.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtDocuments } from '../../../scripts/lib/generate/corpus';
import { RAW_DIR } from './seed-helpers';

const ROOT = join(import.meta.dirname, '../../..');
let work: string;
let inDir: string;

/** The names in `dir`, none before the run has made it. */
const names = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

/** Every file of `dir` (hidden ones included) with its hash. */
function contents(dir: string): Record<string, string> {
	return Object.fromEntries(readdirSync(dir).map((f) => [f, existsSync(join(dir, f)) ? createHash('sha256').update(readFileSync(join(dir, f))).digest('hex') : '?']));
}

/** Runs the CLI; `stopWhen` is polled, and once true the run is sent `signal`. Resolves with its exit code. */
function extract(outDir: string, stop?: { when: () => boolean; signal: NodeJS.Signals }): Promise<{ code: number | null; signalled: boolean }> {
	return new Promise((resolve, reject) => {
		const child = spawn('node', ['scripts/extract.mjs', '--quiet', '--in', inDir, '--out', outDir], { cwd: ROOT, stdio: 'ignore' });
		let signalled = false;
		const poll = stop
			? setInterval(() => {
					try {
						if (!signalled && stop.when()) {
							signalled = true;
							child.kill(stop.signal);
						}
					} catch (error) {
						child.kill('SIGKILL');
						reject(error);
					}
				}, 5)
			: null;
		child.on('error', reject);
		child.on('exit', (code) => {
			if (poll) clearInterval(poll);
			resolve({ code, signalled });
		});
	});
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'bl-interrupt-'));
	inDir = join(work, 'in');
	mkdirSync(inDir);
	for (const d of districtDocuments({ districts: 1, departments: 15, years: 10, lastYear: 2024, seed: 11, shares: { pdf: 0, html: 0, fault: 0, narrative: 0 } }, 0)) writeFileSync(join(inDir, d.file), d.content);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an extraction interrupted', () => {
	it.each([
		['SIGINT while documents are extracted (workers running)', 'SIGINT', (out: string) => names(out).some((f) => f.startsWith('.documents.parquet.'))],
		['SIGTERM while the Parquet files are written', 'SIGTERM', (out: string) => names(out).some((f) => f.startsWith('.spill.'))]
	] as const)('by %s leaves the previous Parquet as it was and nothing else', async (_, signal, during) => {
		const out = join(work, `out-${signal}`);
		// The previous run: the seeds.
		const seeds = await new Promise<number | null>((resolve) =>
			spawn('node', ['scripts/extract.mjs', '--quiet', '--in', RAW_DIR, '--out', out], { cwd: ROOT, stdio: 'ignore' }).on('exit', resolve)
		);
		expect(seeds).toBe(0);
		const before = contents(out);
		expect(Object.keys(before)).toContain('documents.parquet');

		const { code, signalled } = await extract(out, { when: () => during(out), signal });
		expect(signalled).toBe(true);
		expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
		expect(contents(out)).toEqual(before);
	}, 120_000);

	it('by SIGKILL (nothing can clean up): the next run removes what it left, and only that', async () => {
		const out = join(work, 'out-SIGKILL');
		const { signalled } = await extract(out, { when: () => names(out).some((f) => f.startsWith('.documents.parquet.')), signal: 'SIGKILL' });
		expect(signalled).toBe(true);
		const left = readdirSync(out).filter((f) => f.startsWith('.'));
		expect(left.length).toBeGreaterThan(0);
		// A live run's temporary file (this process's pid) must stay.
		const live = `.documents.parquet.${process.pid}.ndjson`;
		writeFileSync(join(out, live), '');
		const next = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
			const child = spawn('node', ['scripts/extract.mjs', '--quiet', '--in', RAW_DIR, '--out', out], { cwd: ROOT });
			let stdout = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.on('exit', (code) => resolve({ code, stdout }));
		});
		expect(next.code).toBe(0);
		expect(next.stdout).toContain(`removed ${left.length} temporary files left in ${out} by runs that did not finish`);
		expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([live]);
	}, 120_000);
});
