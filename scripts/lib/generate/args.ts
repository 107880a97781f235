/** Command-line flags of `npm run generate` and `npm run generate:check`. */
import { DEFAULT_SHARES, type CorpusOptions } from './corpus';
import { CHONGQING_DISTRICTS, DEPARTMENT_KINDS } from './places';

export interface GenerateArgs extends CorpusOptions {
	out: string;
}

export function parseGenerateArgs(argv: readonly string[], defaults: Partial<GenerateArgs> = {}): GenerateArgs {
	const get = (flag: string): string | undefined => {
		const i = argv.indexOf(flag);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const num = (flag: string, fallback: number, lo: number, hi: number): number => {
		const raw = get(flag);
		if (raw === undefined) return fallback;
		const n = Number(raw);
		if (!Number.isFinite(n) || n < lo || n > hi) throw new Error(`${flag} ${raw}: expected a number in [${lo}, ${hi}]`);
		return n;
	};
	const out = get('--out') ?? defaults.out;
	if (!out) throw new Error('--out DIR is required');
	return {
		out,
		districts: num('--districts', defaults.districts ?? 2, 1, CHONGQING_DISTRICTS.length),
		departments: num('--departments', defaults.departments ?? 3, 1, DEPARTMENT_KINDS.length),
		years: num('--years', defaults.years ?? 2, 1, 30),
		lastYear: num('--last-year', defaults.lastYear ?? 2025, 2000, 2100),
		seed: num('--seed', defaults.seed ?? 1, 0, 2 ** 32 - 1),
		shares: {
			pdf: num('--pdf-share', DEFAULT_SHARES.pdf, 0, 1),
			html: num('--html-share', DEFAULT_SHARES.html, 0, 1),
			fault: num('--fault-share', DEFAULT_SHARES.fault, 0, 1),
			narrative: num('--narrative-share', DEFAULT_SHARES.narrative, 0, 1)
		}
	};
}
