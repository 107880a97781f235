import { describe, expect, it } from 'vitest';
import { describeLoad } from '../../../scripts/lib/benchmarks-md';

describe('describeLoad', () => {
	it('states the load before and after with the core count', () => {
		expect(describeLoad(0.7, 1.44, 2)).toBe('1-minute load average 0.7 before, 1.4 after (2 cores).');
	});

	it('warns when the machine was busier than its cores', () => {
		expect(describeLoad(1.2, 9.6, 2)).toMatch(/9\.6 after \(2 cores\): \*\*the machine was busy/);
	});

	it('leaves out of the warning the threads the benchmark keeps busy itself, not the load it found', () => {
		// 2 workers and the main thread on 2 cores: a load of 2.4 after is the benchmark's own
		expect(describeLoad(0.2, 2.4, 2, 3)).toBe('1-minute load average 0.2 before, 2.4 after (2 cores; the benchmark keeps 3 threads busy itself).');
		expect(describeLoad(2.6, 2.4, 2, 3)).toMatch(/busy with other work/);
		expect(describeLoad(0.2, 5.5, 2, 3)).toMatch(/busy with other work/);
	});
});
