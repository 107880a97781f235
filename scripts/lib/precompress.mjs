/**
 * Build step: writes `file.br` and `file.gz` beside every served file worth compressing, so the
 * static server (scripts/serve.mjs, sirv) sends the smaller copy to a browser that accepts it
 * without compressing anything per request. Run by the Vite plugin in vite.config.ts after the
 * adapter has written the site (so also for a $BUDGET_LENS_SITE build).
 *
 * adapter-static's own `precompress` option was not used: it leaves out .parquet/.csv/.txt (the
 * data, copied from static/) and writes a compressed copy even where it is not smaller.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Served types that may compress: text, wasm, Parquet and the browser's database file (already-compressed images are not). */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.wasm', '.parquet', '.duckdb', '.svg', '.txt', '.csv', '.xml', '.map']);

/** Below this a response is a packet or two either way; compressing it saves nothing measurable. */
export const MIN_BYTES = 1024;

/**
 * Brotli's best quality (11) costs ≈ 90 s for DuckDB's 34 MB wasm on this machine (quality 9:
 * 3.6 s, 14 % larger) and ≈ 6 s per MB of JavaScript; files above 256 KB get quality 9 so a build
 * stays quick.
 */
const BEST_QUALITY_MAX_BYTES = 256 * 1024;

/**
 * Files from this size up (DuckDB's wasm and workers: the same bytes in every build) keep their
 * compressed copies in a cache keyed by content, so only the first build pays for them.
 */
const CACHE_MIN_BYTES = 1 << 20;

/** Where the cache lives unless told otherwise: beside the other tools' caches. */
export const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'budget-lens-precompress');

/**
 * @typedef {object} PrecompressResult
 * @property {string[]} written compressed files written (paths of the `.br`/`.gz` files)
 * @property {string[]} incompressible eligible files whose compressed copies would not have been smaller (none written)
 * @property {number} bytesIn bytes of the originals that got at least one compressed copy
 * @property {number} bytesBrotli bytes of their brotli copies
 */

/**
 * True when a file of this name and size is worth trying.
 * @param {string} file
 * @param {number} size
 */
export function eligible(file, size) {
	return size >= MIN_BYTES && COMPRESSIBLE.has(extname(file).toLowerCase());
}

/** @param {Uint8Array} bytes @returns {Promise<Buffer>} */
export function brotli(bytes) {
	const quality = bytes.length <= BEST_QUALITY_MAX_BYTES ? constants.BROTLI_MAX_QUALITY : 9;
	return brotliAsync(bytes, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: quality,
			[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
		}
	});
}

/** @param {Uint8Array} bytes @returns {Promise<Buffer>} */
export function gzipBest(bytes) {
	return gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION });
}

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* walk(dir) {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else if (entry.isFile()) yield path;
	}
}

/**
 * Brotli and gzip copies of `bytes`, from the cache when it has them.
 * @param {Buffer} bytes
 * @param {string | null} cacheDir
 * @returns {Promise<[Buffer, Buffer]>}
 */
async function compressBoth(bytes, cacheDir) {
	if (cacheDir === null || bytes.length < CACHE_MIN_BYTES) return Promise.all([brotli(bytes), gzipBest(bytes)]);
	const key = join(cacheDir, createHash('sha256').update(bytes).digest('hex'));
	const cached = await Promise.all([readFile(key + '.br'), readFile(key + '.gz')]).catch(() => null);
	if (cached) return cached;
	const made = await Promise.all([brotli(bytes), gzipBest(bytes)]);
	await mkdir(cacheDir, { recursive: true });
	await Promise.all([writeFile(key + '.br', made[0]), writeFile(key + '.gz', made[1])]);
	return made;
}

/**
 * Compresses one file; each copy is written only if smaller than the original.
 * @param {string} file
 * @param {PrecompressResult} result
 * @param {string | null} cacheDir
 */
async function compressFile(file, result, cacheDir) {
	const bytes = await readFile(file);
	const [br, gz] = await compressBoth(bytes, cacheDir);
	let any = false;
	for (const [suffix, out] of /** @type {const} */ ([
		['.br', br],
		['.gz', gz]
	])) {
		if (out.length >= bytes.length) continue;
		await writeFile(file + suffix, out);
		result.written.push(file + suffix);
		any = true;
	}
	if (any) {
		result.bytesIn += bytes.length;
		result.bytesBrotli += br.length < bytes.length ? br.length : bytes.length;
	} else result.incompressible.push(file);
}

/**
 * Precompresses every eligible file under `dir` (existing `.br`/`.gz` files are rewritten, never
 * compressed again). Two files at a time: zlib's async calls run on libuv's thread pool, and the
 * machine has two cores.
 * @param {string} dir
 * @param {{ concurrency?: number, cacheDir?: string | null }} [options] `cacheDir` null: no cache
 * @returns {Promise<PrecompressResult>}
 */
export async function precompressDir(dir, { concurrency = 2, cacheDir = DEFAULT_CACHE_DIR } = {}) {
	/** @type {PrecompressResult} */
	const result = { written: [], incompressible: [], bytesIn: 0, bytesBrotli: 0 };
	/** @type {Map<string, number>} */
	const sizes = new Map();
	for await (const file of walk(dir)) {
		const size = (await stat(file)).size;
		if (eligible(file, size)) sizes.set(file, size);
	}
	// Largest first, so the long wasm compressions overlap with everything else.
	const queue = [...sizes.keys()].sort((a, b) => /** @type {number} */ (sizes.get(b)) - /** @type {number} */ (sizes.get(a)));
	const worker = async () => {
		for (let file = queue.shift(); file !== undefined; file = queue.shift()) await compressFile(file, result, cacheDir);
	};
	await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
	result.written.sort();
	result.incompressible.sort();
	return result;
}
