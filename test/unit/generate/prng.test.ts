/** The seeded PRNG: the same seed gives the same draws, ranges are honoured, sub-streams are independent of order. */
import { describe, expect, it } from 'vitest';
import { createRng, subRng } from '../../../scripts/lib/generate/prng';

describe('seeded PRNG', () => {
	it('repeats itself for a seed and differs for another', () => {
		const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
		const a = createRng(42);
		const b = createRng(42);
		expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
		expect(draw(1)).not.toEqual(draw(2));
	});

	it('keeps int() within [lo, hi], both ends reached, and shuffles into a permutation', () => {
		const r = createRng(7);
		const seen = new Set(Array.from({ length: 500 }, () => r.int(3, 6)));
		expect([...seen].sort()).toEqual([3, 4, 5, 6]);
		expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
	});

	it('gives each key its own stream, whatever was drawn before', () => {
		const first = subRng(9, '大足区|统计局').next();
		subRng(9, '北碚区|统计局').next();
		expect(subRng(9, '大足区|统计局').next()).toBe(first);
		expect(subRng(10, '大足区|统计局').next()).not.toBe(first);
	});
});
