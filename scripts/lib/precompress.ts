/**
 * Build step: writes `file.br` and `file.gz` beside every served file worth compressing, so the
 * static server (scripts/serve.mjs, sirv) sends the smaller copy to a browser that accepts it
 * without compressing anything per request. Run by the Vite plugin in vite.config.ts after the
 * adapter has written the site (so also for a $BUDGET_LENS_SITE build).
 *
 * adapter-static's own `precompress` option was not used: it leaves out .parquet/.csv/.txt (the
 * data, copied from static/) and writes a compressed copy even where it is not smaller.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Served types that may compress: text, wasm and Parquet (already-compressed images are not). */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.wasm', '.parquet', '.svg', '.txt', '.csv', '.xml', '.map']);

/** Below this a response is a packet or two either way; compressing it saves nothing measurable. */
export const MIN_BYTES = 1024;

/**
 * Brotli's best quality (11) costs ≈ 90 s for DuckDB's 34 MB wasm on this machine (quality 9:
 * 3.6 s, 14 % larger) and ≈ 6 s per MB of JavaScript; files above 256 KB get quality 9 so a build
 * stays quick.
 */
const BEST_QUALITY_MAX_BYTES = 256 * 1024;

export interface PrecompressResult {
	/** Compressed files written (paths of the `.br`/`.gz` files). */
	written: string[];
	/** Eligible files for which a compressed copy would not have been smaller (none written). */
	incompressible: string[];
	/** Bytes of the originals that got at least one compressed copy, and of their brotli copies. */
	bytesIn: number;
	bytesBrotli: number;
}

/** True when a file of this name and size is worth trying. */
export function eligible(file: string, size: number): boolean {
	return size >= MIN_BYTES && COMPRESSIBLE.has(extname(file).toLowerCase());
}

export function brotli(bytes: Uint8Array): Promise<Buffer> {
	const quality = bytes.length <= BEST_QUALITY_MAX_BYTES ? constants.BROTLI_MAX_QUALITY : 9;
	return brotliAsync(bytes, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: quality,
			[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
		}
	});
}

export function gzipBest(bytes: Uint8Array): Promise<Buffer> {
	return gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION });
}

async function* walk(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else if (entry.isFile()) yield path;
	}
}

/** Compresses one file; each copy is written only if smaller than the original. */
async function compressFile(file: string, result: PrecompressResult): Promise<void> {
	const bytes = await readFile(file);
	const [br, gz] = await Promise.all([brotli(bytes), gzipBest(bytes)]);
	let any = false;
	for (const [suffix, out] of [
		['.br', br],
		['.gz', gz]
	] as const) {
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
 */
export async function precompressDir(dir: string, concurrency = 2): Promise<PrecompressResult> {
	const result: PrecompressResult = { written: [], incompressible: [], bytesIn: 0, bytesBrotli: 0 };
	const sizes = new Map<string, number>();
	for await (const file of walk(dir)) {
		const size = (await stat(file)).size;
		if (eligible(file, size)) sizes.set(file, size);
	}
	// Largest first, so the long wasm compressions overlap with everything else.
	const queue = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
	const worker = async () => {
		for (let file = queue.shift(); file !== undefined; file = queue.shift()) await compressFile(file, result);
	};
	await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
	result.written.sort();
	result.incompressible.sort();
	return result;
}
