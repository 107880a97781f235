/**
 * The extractor worker as plain JavaScript: esbuild bundles the worker's TypeScript entry (and the
 * extractor it imports) into node_modules/.cache, so that each worker thread starts by loading one
 * module instead of compiling and resolving a hundred through tsx's loader hooks (≈1.5 s of CPU per
 * worker under tsx). Packages stay external (pdf.js is loaded from node_modules at the first PDF, in
 * a chunk of its own).
 *
 * Rebuilt only when a source file changed: a pointer file per entry lists each input with its size
 * and modification time, and names the bundle's folder — named by the hash of its contents and
 * never changed once written, so extractions running at once never see a half-written bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'budget-lens-extract-worker');
/** Bundles of earlier sources are removed once this old. */
const STALE_MS = 24 * 3600 * 1000;

interface Pointer {
	/** Each input file (relative to the repository) → `size:mtimeMs`. */
	inputs: Record<string, string>;
	/** The module to start a worker from, relative to the cache folder. */
	main: string;
}

export interface WorkerBundle {
	/** The module to start a worker from. */
	url: URL;
	/** Whether it was (re)built just now. */
	built: boolean;
}

/** The bundled worker for `entry` (a TypeScript file URL), built if missing or stale; null when esbuild cannot build it. */
export function workerBundle(entry: URL): WorkerBundle | null {
	const source = fileURLToPath(entry);
	const pointer = join(CACHE, `${createHash('sha256').update(source).digest('hex').slice(0, 16)}.json`);
	try {
		const fresh = freshBundle(pointer);
		return fresh ? { url: fresh, built: false } : { url: build(source, pointer), built: true };
	} catch {
		return null;
	}
}

function stamp(path: string): string {
	const s = statSync(path);
	return `${s.size}:${s.mtimeMs}`;
}

/** The bundle `pointer` names, if every input it was built from is unchanged. */
function freshBundle(pointer: string): URL | null {
	if (!existsSync(pointer)) return null;
	const { inputs, main } = JSON.parse(readFileSync(pointer, 'utf8')) as Pointer;
	for (const [input, was] of Object.entries(inputs)) if (!existsSync(join(ROOT, input)) || stamp(join(ROOT, input)) !== was) return null;
	const path = join(CACHE, main);
	return existsSync(path) ? pathToFileURL(path) : null;
}

function build(source: string, pointer: string): URL {
	const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');
	const temp = join(CACHE, `.build-${process.pid}`);
	const result = esbuild.buildSync({
		entryPoints: { worker: source },
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		packages: 'external',
		outdir: temp,
		outExtension: { '.js': '.mjs' },
		write: false,
		metafile: true,
		logLevel: 'silent',
		absWorkingDir: ROOT
	});
	const inputs: Record<string, string> = {};
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
	const next: Pointer = { inputs, main: `${folder}/worker.mjs` };
	writeFileSync(`${pointer}.${process.pid}`, JSON.stringify(next));
	renameSync(`${pointer}.${process.pid}`, pointer);
	return pathToFileURL(join(CACHE, next.main));
}

/** Removes bundles (other than `keep`) untouched for a day: earlier sources'. */
function removeStale(keep: string): void {
	for (const name of readdirSync(CACHE)) {
		const path = join(CACHE, name);
		if (name.startsWith('bundle-') && name !== keep && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
	}
}
