import { describe, expect, it } from 'vitest';
import { describeLoad } from '../../../scripts/lib/benchmarks-md';

describe('describeLoad', () => {
	it('states the load before and after with the core count', () => {
		expect(describeLoad(0.7, 1.44, 2)).toBe('1-minute load average 0.7 before, 1.4 after (2 cores).');
	});

	it('warns when the machine was busier than its cores', () => {
		expect(describeLoad(1.2, 9.6, 2)).toMatch(/9\.6 after \(2 cores\): \*\*the machine was busy/);
	});
});
