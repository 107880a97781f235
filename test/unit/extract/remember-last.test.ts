import { describe, expect, it } from 'vitest';
import { rememberLast } from '../../../src/lib/extract/remember-last';

describe('rememberLast', () => {
	it('computes once for the same argument twice in a row, again for any other (by identity)', () => {
		const calls: string[][] = [];
		const joined = rememberLast((parts: string[]) => (calls.push(parts), parts.join('')));
		const a = ['x', 'y'];
		const b = ['x', 'y'];
		expect(joined(a)).toBe('xy');
		expect(joined(a)).toBe('xy');
		expect(calls).toEqual([a]);
		expect(joined(b)).toBe('xy'); // equal, not the same array
		expect(joined(a)).toBe('xy'); // only the last is remembered
		expect(calls).toHaveLength(3);
	});
});
