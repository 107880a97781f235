import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eligible, precompressDir } from '../../../scripts/lib/precompress.mjs';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'precompress-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Repetitive text, like JS or HTML: compresses well. */
const text = (n: number) => Array.from({ length: n }, (_, i) => `<tr><td>一般公共服务支出</td><td>${i % 97}</td></tr>\n`).join('');

describe('precompressDir', () => {
	it('writes .br and .gz beside each compressible file, in nested folders, that round-trip to the original', async () => {
		mkdirSync(join(dir, '_app/immutable/chunks'), { recursive: true });
		const files = {
			'index.html': Buffer.from(text(200)),
			'_app/immutable/chunks/app.js': Buffer.from(text(300).replace(/<[^>]+>/g, ';')),
			'data/x.parquet': Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(8000, 7), Buffer.from('PAR1')]),
			'duckdb.wasm': Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d]), Buffer.alloc(5000, 1)])
		};
		mkdirSync(join(dir, 'data'));
		for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);

		const result = await precompressDir(dir, { cacheDir: null });

		for (const [name, bytes] of Object.entries(files)) {
			const br = readFileSync(join(dir, name + '.br'));
			const gz = readFileSync(join(dir, name + '.gz'));
			expect(br.length).toBeLessThan(bytes.length);
			expect(gz.length).toBeLessThan(bytes.length);
			expect(brotliDecompressSync(br).equals(bytes)).toBe(true);
			expect(gunzipSync(gz).equals(bytes)).toBe(true);
		}
		expect(result.written).toHaveLength(8);
		expect(result.incompressible).toEqual([]);
	});

	it('skips small files, types that are not served compressed, and files that would not shrink', async () => {
		writeFileSync(join(dir, 'tiny.js'), 'export const a = 1;\n'.repeat(10)); // < 1 KB
		writeFileSync(join(dir, 'photo.png'), Buffer.from(text(100))); // compressible bytes, but not a type we compress
		const noise = randomBytes(64 * 1024); // random bytes do not compress
		writeFileSync(join(dir, 'random.parquet'), noise);

		const result = await precompressDir(dir, { cacheDir: null });

		for (const name of ['tiny.js', 'photo.png', 'random.parquet']) {
			expect(existsSync(join(dir, name + '.br'))).toBe(false);
			expect(existsSync(join(dir, name + '.gz'))).toBe(false);
		}
		expect(result.written).toEqual([]);
		expect(result.incompressible).toEqual([join(dir, 'random.parquet')]);
	});

	it('does not compress its own output again when run twice', async () => {
		writeFileSync(join(dir, 'a.css'), text(100));
		await precompressDir(dir);
		const second = await precompressDir(dir);
		expect(second.written.sort()).toEqual([join(dir, 'a.css.br'), join(dir, 'a.css.gz')]);
		expect(existsSync(join(dir, 'a.css.br.br'))).toBe(false);
		expect(existsSync(join(dir, 'a.css.gz.gz'))).toBe(false);
	});
});

describe('precompressDir: the cache for large files', () => {
	it('keeps large files\' copies by content and reuses them in the next build', async () => {
		const cacheDir = join(dir, 'cache');
		const big = Buffer.from(text(30_000)); // > 1 MiB
		expect(big.length).toBeGreaterThan(1 << 20);
		mkdirSync(join(dir, 'a'));
		mkdirSync(join(dir, 'b'));
		writeFileSync(join(dir, 'a/duckdb.wasm'), big);
		writeFileSync(join(dir, 'a/small.js'), text(50));
		await precompressDir(join(dir, 'a'), { cacheDir });
		const entries = readdirSync(cacheDir).sort();
		expect(entries.map((e) => e.replace(/^[0-9a-f]{64}/, 'HASH'))).toEqual(['HASH.br', 'HASH.gz']); // small files are not cached

		// Another build with the same bytes takes the cached copies: a marked (still valid) one shows it.
		const marked = gzipSync(big, { level: 1 });
		writeFileSync(join(cacheDir, entries[1]!), marked);
		writeFileSync(join(dir, 'b/duckdb-other-name.wasm'), big);
		await precompressDir(join(dir, 'b'), { cacheDir });
		expect(readFileSync(join(dir, 'b/duckdb-other-name.wasm.gz')).equals(marked)).toBe(true);
		expect(gunzipSync(readFileSync(join(dir, 'b/duckdb-other-name.wasm.gz'))).equals(big)).toBe(true);
		expect(brotliDecompressSync(readFileSync(join(dir, 'b/duckdb-other-name.wasm.br'))).equals(big)).toBe(true);
	});
});

describe('eligible', () => {
	it('takes the served text, wasm and data types from 1 KB up, case-insensitively', () => {
		for (const f of ['a.js', 'a.mjs', 'a.css', 'a.html', 'a.json', 'a.wasm', 'a.parquet', 'a.svg', 'a.txt', 'a.CSV']) {
			expect(eligible(f, 2048)).toBe(true);
		}
		expect(eligible('a.js', 1023)).toBe(false);
		expect(eligible('a.png', 1 << 20)).toBe(false);
		expect(eligible('a.js.br', 1 << 20)).toBe(false);
		expect(eligible('a.js.gz', 1 << 20)).toBe(false);
	});
});
