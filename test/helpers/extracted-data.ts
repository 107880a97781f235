/**
 * The real Parquet extracts for tests: runs `npm run extract -- --out <fresh temp dir>` once per
 * test file (≈1–2 s) so tests read exactly what the extractor writes from data/raw, never a stale
 * static/data. Set BUDGET_LENS_DATA_DIR to test against an existing directory instead.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let extracted: Promise<string> | null = null;

async function extract(): Promise<string> {
	const out = await mkdtemp(path.join(tmpdir(), 'budget-lens-extract-'));
	try {
		await run('npm', ['run', '--silent', 'extract', '--', '--out', out, '--quiet'], { cwd: repoRoot, maxBuffer: 16 << 20 });
	} catch (err) {
		const e = err as { stdout?: string; stderr?: string; message: string };
		throw new Error(`test: npm run extract failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
	}
	return out;
}

/** The directory holding freshly extracted Parquet files (extracted at most once per process). */
export function extractedDataDir(): Promise<string> {
	const fromEnv = process.env.BUDGET_LENS_DATA_DIR;
	if (fromEnv) return Promise.resolve(fromEnv);
	extracted ??= extract();
	return extracted;
}
