/**
 * A TypeScript entry as plain JavaScript: esbuild bundles it (and the extractor it imports) into
 * node_modules/.cache, so that a process or worker thread starts by loading one module instead of
 * compiling and resolving a hundred through tsx's loader hooks (≈0.9 s of CPU for the CLI's main
 * thread, ≈1.5 s per worker). Packages stay external (loaded from node_modules; pdf.js in a chunk of
 * its own, at the first PDF). Plain JavaScript itself, so that the CLI's launcher
 * (scripts/extract.mjs) can use it before anything can load TypeScript.
 *
 * For a program's main module ({@link cachedBundleAsync}), `import.meta.url` in the repository's
 * sources is replaced by each source file's own URL, so that paths made from it (the worker's entry,
 * the repository root) are those of the sources, not of the cache folder. That takes an esbuild
 * plugin, which only the asynchronous build runs; a worker's bundle ({@link cachedBundle}, built
 * synchronously where a pool starts) uses no such path.
 *
 * Rebuilt only when a source file changed: a pointer file per entry lists each input with its size
 * and modification time, and names the bundle's folder — named by the hash of its contents and
 * never changed once written, so processes running at once never see a half-written bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'budget-lens-bundles');
/** Bundles of earlier sources are removed once this old. */
const STALE_MS = 24 * 3600 * 1000;

/**
 * @typedef {object} Pointer
 * @property {Record<string, string>} inputs Each input file (relative to the repository) → `size:mtimeMs`.
 * @property {string} main The module to start from, relative to the cache folder.
 */

/**
 * @typedef {object} CachedBundle
 * @property {URL} url The module to start from.
 * @property {boolean} built Whether it was (re)built just now.
 */

/**
 * The bundle of `entry` (a TypeScript file URL) as `name`.mjs, built if missing or stale; null when
 * esbuild cannot build it (the caller then runs the TypeScript through tsx).
 * @param {URL} entry
 * @param {string} name
 * @returns {CachedBundle | null}
 */
export function cachedBundle(entry, name) {
	const pointer = pointerOf(entry);
	try {
		const fresh = freshBundle(pointer);
		if (fresh) return { url: fresh, built: false };
		const options = buildOptions(fileURLToPath(entry), name);
		return { url: store(esbuildOf().buildSync(options), options.outdir, name, pointer), built: true };
	} catch {
		return null;
	}
}

/**
 * {@link cachedBundle} for a program's main module: `import.meta.url` in its sources stays theirs.
 * @param {URL} entry
 * @param {string} name
 * @returns {Promise<CachedBundle | null>}
 */
export async function cachedBundleAsync(entry, name) {
	const pointer = pointerOf(entry);
	try {
		const fresh = freshBundle(pointer);
		if (fresh) return { url: fresh, built: false };
		const options = buildOptions(fileURLToPath(entry), name);
		const result = await esbuildOf().build({ ...options, plugins: [sourceUrls] });
		return { url: store(result, options.outdir, name, pointer), built: true };
	} catch {
		return null;
	}
}

/** @param {URL} entry the pointer file of a bundle: one per entry */
function pointerOf(entry) {
	return join(CACHE, `${createHash('sha256').update(fileURLToPath(entry)).digest('hex').slice(0, 16)}.json`);
}

function esbuildOf() {
	return /** @type {typeof import('esbuild')} */ (createRequire(join(ROOT, 'package.json'))('esbuild'));
}

/** @param {string} path */
function stamp(path) {
	const s = statSync(path);
	return `${s.size}:${s.mtimeMs}`;
}

/**
 * The bundle `pointer` names, if every input it was built from is unchanged.
 * @param {string} pointer
 * @returns {URL | null}
 */
function freshBundle(pointer) {
	if (!existsSync(pointer)) return null;
	const { inputs, main } = /** @type {Pointer} */ (JSON.parse(readFileSync(pointer, 'utf8')));
	for (const [input, was] of Object.entries(inputs)) if (!existsSync(join(ROOT, input)) || stamp(join(ROOT, input)) !== was) return null;
	const path = join(CACHE, main);
	return existsSync(path) ? pathToFileURL(path) : null;
}

/**
 * esbuild plugin: `import.meta.url` in a repository source → that source's URL (see the top).
 * @type {import('esbuild').Plugin}
 */
const sourceUrls = {
	name: 'source-import-meta-url',
	setup(build) {
		build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
			if (relative(ROOT, args.path).split(/[\\/]/)[0] === 'node_modules') return undefined;
			const text = readFileSync(args.path, 'utf8');
			if (!text.includes('import.meta.url')) return undefined;
			const loader = /\.m?ts$/.test(args.path) ? 'ts' : 'js';
			return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
		});
	}
};

/**
 * @param {string} source
 * @param {string} name
 */
function buildOptions(source, name) {
	return /** @type {const} */ ({
		entryPoints: { [name]: source },
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		packages: 'external',
		outdir: join(CACHE, `.build-${process.pid}-${name}`),
		outExtension: { '.js': '.mjs' },
		write: false,
		metafile: true,
		logLevel: 'silent',
		absWorkingDir: ROOT
	});
}

/**
 * Writes a build's files into their folder (named by their contents) and points `pointer` at it.
 * @param {{ outputFiles: import('esbuild').OutputFile[], metafile: import('esbuild').Metafile }} result
 * @param {string} temp where the build's files were meant to go (their paths start with it)
 * @param {string} name
 * @param {string} pointer
 * @returns {URL}
 */
function store(result, temp, name, pointer) {
	const inputs = /** @type {Record<string, string>} */ ({});
	for (const input of Object.keys(result.metafile.inputs)) inputs[input] = stamp(join(ROOT, input));
	const hash = createHash('sha256');
	for (const file of result.outputFiles) hash.update(file.path.slice(temp.length)).update(file.contents);
	const folder = `bundle-${hash.digest('hex').slice(0, 16)}`;
	if (!existsSync(join(CACHE, folder))) {
		for (const file of result.outputFiles) {
			mkdirSync(dirname(file.path), { recursive: true });
			writeFileSync(file.path, file.contents);
		}
		try {
			renameSync(temp, join(CACHE, folder));
		} catch {
			rmSync(temp, { recursive: true, force: true }); // another process put the same bundle there first
		}
		removeStale(folder);
	}
	/** @type {Pointer} */
	const next = { inputs, main: `${folder}/${name}.mjs` };
	writeFileSync(`${pointer}.${process.pid}`, JSON.stringify(next));
	renameSync(`${pointer}.${process.pid}`, pointer);
	return pathToFileURL(join(CACHE, next.main));
}

/**
 * Removes bundles (other than `keep`) untouched for a day: earlier sources'.
 * @param {string} keep
 */
function removeStale(keep) {
	for (const entry of readdirSync(CACHE)) {
		const path = join(CACHE, entry);
		if (entry.startsWith('bundle-') && entry !== keep && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
	}
}
