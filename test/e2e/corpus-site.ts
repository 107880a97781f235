/**
 * A second copy of the site, built from the views' fixture corpus (test/fixtures/views-corpus/raw: two
 * departments in one district over several years, both kinds) instead of data/raw. The site bakes
 * its data into every page at build time (the filter bar's known values, the overview's snapshot,
 * the document pages), so another data folder needs its own build; it goes to
 * test-results/views-corpus/ (see $BUDGET_LENS_SITE in svelte.config.js) and never touches build/,
 * static/data or .svelte-kit.
 *
 * Built at most once per build of the seeds' site: it is reused while it is newer than build/ and
 * than every fixture file, so `npm test` (which rebuilds build/) pays for one extra build, and
 * `SKIP_BUILD=1` reruns pay nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILD_DIR, REPO_ROOT } from './harness';

export const CORPUS_DIR = resolve(REPO_ROOT, 'test/fixtures/views-corpus/raw');
const SITE_DIR = resolve(REPO_ROOT, 'test-results/views-corpus');
export const CORPUS_BUILD_DIR = resolve(SITE_DIR, 'build');

/** A generous bound for extraction plus `vite build` on a busy machine (it takes ~1 min idle). */
export const CORPUS_BUILD_TIMEOUT = 600_000;

function mtime(path: string): number {
	return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** True when the corpus site is missing or older than build/ or than a fixture file. */
function stale(): boolean {
	const built = mtime(resolve(CORPUS_BUILD_DIR, 'index.html'));
	if (built === 0) return true;
	const inputs = readdirSync(CORPUS_DIR).map((f) => mtime(resolve(CORPUS_DIR, f)));
	return Math.max(mtime(resolve(BUILD_DIR, 'index.html')), ...inputs) > built;
}

/** Extracts the corpus and builds its site unless an up-to-date one exists; returns its build dir. */
export function ensureCorpusSite(): string {
	if (!stale()) return CORPUS_BUILD_DIR;
	rmSync(SITE_DIR, { recursive: true, force: true });
	// Output is kept for the error message only: a successful build has nothing to say to the tests.
	const run = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
		try {
			execFileSync('npx', args, { cwd: REPO_ROOT, env, stdio: 'pipe', timeout: CORPUS_BUILD_TIMEOUT });
		} catch (err) {
			const e = err as { stdout?: Buffer; stderr?: Buffer };
			throw new Error(`corpus site: npx ${args.join(' ')} failed\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: err });
		}
	};
	run(['tsx', 'scripts/extract.ts', '--in', CORPUS_DIR, '--out', resolve(SITE_DIR, 'static/data'), '--quiet']);
	run(['vite', 'build', '--logLevel', 'error'], { ...process.env, BUDGET_LENS_SITE: SITE_DIR });
	return CORPUS_BUILD_DIR;
}
