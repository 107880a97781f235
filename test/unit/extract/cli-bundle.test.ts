/**
 * `npm run extract` runs the CLI from a cached JavaScript bundle (scripts/extract.mjs,
 * scripts/lib/bundle-cache.mjs), not through tsx: the same files and report as the TypeScript, and
 * paths taken from `import.meta.url` (the workers' entry, the repository) still those of the sources.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cachedBundleAsync } from '../../../scripts/lib/bundle-cache.mjs';
import { RAW_DIR } from './seed-helpers';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = new URL('../../../scripts/extract.ts', import.meta.url);

describe('the CLI bundle', () => {
	it('is one JavaScript module whose import.meta.url paths are the sources’', async () => {
		const bundle = await cachedBundleAsync(ENTRY, 'extract');
		expect(bundle?.url.href).toMatch(/\/node_modules\/\.cache\/.*\/extract\.mjs$/);
		const code = readFileSync(bundle?.url as URL, 'utf8');
		expect(code).not.toMatch(/from ["'][^"']*\.ts["']/);
		expect(code).not.toContain('import.meta.url');
		expect(code).toContain(JSON.stringify(pathToFileURL(join(ROOT, 'scripts/lib/extract-worker-pool.ts')).href));
		expect(await cachedBundleAsync(ENTRY, 'extract')).toEqual({ url: bundle?.url, built: false });
	}, 60_000);

	it('is null for an entry esbuild cannot build (the launcher then runs tsx)', async () => {
		expect(await cachedBundleAsync(new URL('../../../scripts/no-such-entry.ts', import.meta.url), 'none')).toBeNull();
	});

	it('writes the same files and report as the TypeScript run through tsx, with and without workers', async () => {
		for (const jobs of ['0', '1']) {
			const [a, b] = [mkdtempSync(join(tmpdir(), 'cli-bundle-')), mkdtempSync(join(tmpdir(), 'cli-tsx-'))];
			const bundled = await run('node', ['scripts/extract.mjs', '--in', RAW_DIR, '--out', a, '--jobs', jobs], { cwd: ROOT, maxBuffer: 16 << 20 });
			const viaTsx = await run('npx', ['tsx', 'scripts/extract.ts', '--in', RAW_DIR, '--out', b, '--jobs', jobs], { cwd: ROOT, maxBuffer: 16 << 20 });
			const report = (out: string, dir: string) => out.replaceAll(dir, 'OUT').replace(/ in \d+ ms\n$/, '\n');
			expect(report(bundled.stdout, a)).toBe(report(viaTsx.stdout, b));
			const parquet = readdirSync(b).filter((f) => f.endsWith('.parquet'));
			expect(readdirSync(a).sort()).toEqual(readdirSync(b).sort());
			for (const f of parquet) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f}, --jobs ${jobs}`).toBe(true);
		}
	}, 180_000);
});
