/**
 * `npm run extract -- --in … --out …` given paths a new user may give: a folder that is not there,
 * one file rather than a folder, an output path that is a file or cannot be made. Each is said in
 * one line naming the path (no stack trace), before anything is written; one file is extracted.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAW_DIR } from './seed-helpers';

const ROOT = join(import.meta.dirname, '../../..');
let work: string;

async function extract(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return promisify(execFile)('node', ['scripts/extract.mjs', ...args], { cwd: ROOT, timeout: 60_000 }).then(
		(r) => ({ code: 0, ...r }),
		(e: { code: number; stdout: string; stderr: string }) => e
	);
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'bl-cli-paths-'));
	writeFileSync(join(work, 'a-file'), 'x');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the extract CLI given paths', () => {
	it('an input folder that is not there: one line naming it, exit 2, nothing written', async () => {
		const out = join(work, 'out-missing');
		const r = await extract('--in', join(work, 'nowhere'), '--out', out);
		expect(r.code).toBe(2);
		expect(r.stderr.trim()).toBe(`extract: 输入目录或文件不存在：${join(work, 'nowhere')} (no such folder or file)`);
		expect(existsSync(out)).toBe(false);
	});

	it('one file as the input: that file is extracted', async () => {
		const seed = readdirSync(RAW_DIR).find((f) => f.startsWith('002')) as string;
		const out = join(work, 'out-one');
		const r = await extract('--in', join(RAW_DIR, seed), '--out', out);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(new RegExp(`^${seed}: 北碚区 \\| .* \\| 2023 \\| 预算`, 'm'));
		expect(r.stdout).toMatch(/total: 1 documents extracted, 0 files failed/);
		expect(readdirSync(out)).toContain('documents.parquet');
	});

	it('an input with subfolders, the output inside it: the subfolders’ files are read, by path, and the output is not (run twice)', async () => {
		const seed = readdirSync(RAW_DIR).find((f) => f.startsWith('002')) as string;
		const inDir = join(work, 'downloads');
		mkdirSync(join(inDir, '北碚区'), { recursive: true });
		copyFileSync(join(RAW_DIR, seed), join(inDir, '北碚区', seed));
		for (let run = 0; run < 2; run++) {
			const r = await extract('--in', inDir, '--out', join(inDir, 'parquet'));
			expect(r.code).toBe(0);
			expect(r.stdout).toMatch(new RegExp(`^北碚区/${seed}: 北碚区 \\|`, 'm'));
			expect(r.stdout).toMatch(/total: 1 documents extracted, 0 files failed/);
		}
	});

	it('an output path that is a file: one line naming it, exit 2', async () => {
		const r = await extract('--in', RAW_DIR, '--out', join(work, 'a-file'));
		expect(r.code).toBe(2);
		expect(r.stderr.trim()).toBe(`extract: 输出路径不是目录：${join(work, 'a-file')} (not a folder)`);
	});

	it('an output folder that cannot be made: one line naming it, exit 2 (no hang where Node’s recursive mkdir loops, as under /proc)', async () => {
		for (const out of [join(work, 'a-file', 'sub'), '/proc/budget-lens-out']) {
			const r = await extract('--in', RAW_DIR, '--out', out);
			expect(r.code).toBe(2);
			expect(r.stderr.trim()).toMatch(new RegExp(`^extract: 无法创建输出目录：${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（E[A-Z]+）\\(cannot make the output folder\\)$`));
		}
	});
});
