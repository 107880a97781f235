/**
 * Other copies of the site: one built from the views' fixture corpus (test/fixtures/views-corpus/raw: two
 * departments in one district over several years, both kinds) instead of data/raw. The site bakes
 * its data into every page at build time (the filter bar's known values, the overview's snapshot,
 * the document pages), so another data folder needs its own build; it goes to
 * test-results/views-corpus/ (see $BUDGET_LENS_SITE in svelte.config.js) and never touches build/,
 * static/data or .svelte-kit.
 *
 * Built at most once per build of the seeds' site: it is reused while it is newer than build/ and
 * than every fixture file, so `npm test` (which rebuilds build/) pays for one extra build, and
 * `SKIP_BUILD=1` reruns pay nothing. Another is built from a generated corpus of more units
 * ({@link ensureGeneratedSite}) into test-results/generated-corpus/, on the same terms.
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

/** True when the site in `siteDir` is missing or older than build/ or than a file of `rawDir`. */
function stale(rawDir: string, siteDir: string): boolean {
	const built = mtime(resolve(siteDir, 'build/index.html'));
	if (built === 0) return true;
	const inputs = readdirSync(rawDir).map((f) => mtime(resolve(rawDir, f)));
	return Math.max(mtime(resolve(BUILD_DIR, 'index.html')), ...inputs) > built;
}

/** Runs `npx args…` in the repository; output is kept for the error message only. */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): void {
	try {
		execFileSync('npx', args, { cwd: REPO_ROOT, env, stdio: 'pipe', timeout: CORPUS_BUILD_TIMEOUT });
	} catch (err) {
		const e = err as { stdout?: Buffer; stderr?: Buffer };
		throw new Error(`corpus site: npx ${args.join(' ')} failed\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: err });
	}
}

/** Extracts `rawDir` into `siteDir/static/data` and builds its site into `siteDir/build`. */
function buildSite(rawDir: string, siteDir: string): string {
	rmSync(resolve(siteDir, 'static'), { recursive: true, force: true });
	rmSync(resolve(siteDir, 'build'), { recursive: true, force: true });
	run(['tsx', 'scripts/extract.ts', '--in', rawDir, '--out', resolve(siteDir, 'static/data'), '--quiet']);
	run(['vite', 'build', '--logLevel', 'error'], { ...process.env, BUDGET_LENS_SITE: siteDir });
	return resolve(siteDir, 'build');
}

/** Extracts the corpus and builds its site unless an up-to-date one exists; returns its build dir. */
export function ensureCorpusSite(): string {
	if (!stale(CORPUS_DIR, SITE_DIR)) return CORPUS_BUILD_DIR;
	rmSync(SITE_DIR, { recursive: true, force: true });
	return buildSite(CORPUS_DIR, SITE_DIR);
}

const GENERATED_DIR = resolve(REPO_ROOT, 'test-results/generated-corpus');

/**
 * The generator's flags for the many-units site: 6 districts × 5 department kinds = 30 units, one
 * year, 预算 and 决算 each (60 disclosures) — more units than /compare draws (24), and with both
 * kinds more compared disclosures than a page of a table holds (50). Text layouts only, no planted
 * faults: quick to write and to extract.
 */
export const GENERATED_CORPUS = { districts: 6, departments: 5, years: 1, lastYear: 2025 } as const;

/**
 * A site built from a generated corpus of {@link GENERATED_CORPUS} (scripts/generate.ts, seed 1):
 * regenerated and rebuilt when older than build/, reused otherwise.
 */
export function ensureGeneratedSite(): string {
	return ensureGenerated(GENERATED_DIR, GENERATED_CORPUS);
}

/**
 * The generator's flags for /execution at more than a page: the units of {@link GENERATED_CORPUS}
 * over two years, so each unit and kind has a change against the year before (hundreds of rows of
 * 较上年增减) and its 60 unit·years with both kinds are more places than the chart draws.
 */
export const GENERATED_TWO_YEARS = { ...GENERATED_CORPUS, years: 2 } as const;

/** A site built from {@link GENERATED_TWO_YEARS}, on the terms of {@link ensureGeneratedSite}. */
export function ensureGeneratedTwoYearSite(): string {
	return ensureGenerated(resolve(REPO_ROOT, 'test-results/generated-two-years'), GENERATED_TWO_YEARS);
}

function ensureGenerated(dir: string, g: { districts: number; departments: number; years: number; lastYear: number }): string {
	const raw = resolve(dir, 'raw');
	if (existsSync(raw) && !stale(raw, dir)) return resolve(dir, 'build');
	rmSync(dir, { recursive: true, force: true });
	run(['tsx', 'scripts/generate.ts', '--out', dir, '--seed', '1', '--districts', String(g.districts), '--departments', String(g.departments),
		'--years', String(g.years), '--last-year', String(g.lastYear), '--pdf-share', '0', '--html-share', '0', '--fault-share', '0', '--narrative-share', '0']);
	return buildSite(raw, dir);
}
