/**
 * A small seeded PRNG (mulberry32) so that a corpus is the same bytes for the same --seed.
 * Sub-streams are derived from a string key (FNV-1a), so each unit's documents do not depend on
 * how many units were generated before it: a district can be regenerated alone.
 */
export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [lo, hi] inclusive. */
	int(lo: number, hi: number): number;
	/** Uniform in [lo, hi). */
	float(lo: number, hi: number): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** A new array, shuffled (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[];
}

export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export function createRng(seed: number | string): Rng {
	let state = (typeof seed === 'string' ? hashString(seed) : seed >>> 0) || 0x9e3779b9;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
	return {
		next,
		int,
		float: (lo, hi) => lo + next() * (hi - lo),
		chance: (p) => next() < p,
		pick: (items) => {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[int(0, items.length - 1)];
		},
		shuffle: (items) => {
			const out = [...items];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(0, i);
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		}
	};
}

/** A sub-stream for one key under a corpus seed. */
export function subRng(seed: number, key: string): Rng {
	return createRng(hashString(`${seed}|${key}`));
}
