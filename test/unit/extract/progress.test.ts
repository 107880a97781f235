/** `--quiet`'s progress lines (scripts/lib/progress.ts): none for a short run, then one per interval. */
import { describe, expect, it } from 'vitest';
import { Progress } from '../../../scripts/lib/progress';

describe('Progress', () => {
	it('says nothing before the first interval is over', () => {
		const p = new Progress(1000, 5000);
		for (let t = 1000; t < 6000; t += 100) expect(p.tick(t)).toBeNull();
	});

	it('then gives the count and the time, once per interval however many documents come', () => {
		const p = new Progress(0, 5000);
		const lines = [];
		for (let i = 1; i <= 12_000; i++) lines.push(p.tick(i)); // a document per ms: 12 s
		expect(lines.filter(Boolean)).toEqual(['… 5,000 documents extracted (5 s)', '… 10,000 documents extracted (10 s)']);
	});

	it('counts the next interval from a late line, not from the schedule', () => {
		const p = new Progress(0, 5000);
		expect(p.tick(12_000)).toBe('… 1 document extracted (12 s)');
		expect(p.tick(16_000)).toBeNull();
		expect(p.tick(17_000)).toBe('… 3 documents extracted (17 s)');
	});
});
