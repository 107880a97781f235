import { describe, expect, it } from 'vitest';
import { QueryActivity, runWhenQuiet } from '../../../src/lib/components/quiet-runner';

/** A clock that only moves when the code under test sleeps. */
function fakeClock() {
	let t = 0;
	const slept: number[] = [];
	return {
		now: () => t,
		sleep: async (ms: number) => {
			slept.push(ms);
			t += ms;
		},
		advance: (ms: number) => (t += ms),
		slept
	};
}

describe('runWhenQuiet', () => {
	it('runs every task in order at once when no view query ever ran', async () => {
		const clock = fakeClock();
		const activity = new QueryActivity(clock.now);
		const order: number[] = [];
		const tasks = [1, 2, 3].map((n) => async () => void order.push(n));
		const ran = await runWhenQuiet(tasks, { activity, quietMs: 1000, sleep: clock.sleep, stop: () => false });
		expect(ran).toBe(3);
		expect(order).toEqual([1, 2, 3]);
		expect(clock.slept).toEqual([]);
	});

	it('waits until the views have been quiet for quietMs after their last answer', async () => {
		const clock = fakeClock();
		const activity = new QueryActivity(clock.now);
		clock.advance(5000);
		activity.begin();
		clock.advance(40);
		activity.end(); // answered at 5040 ms
		clock.advance(300);
		const startedAt: number[] = [];
		await runWhenQuiet([async () => void startedAt.push(clock.now())], { activity, quietMs: 1000, sleep: clock.sleep, stop: () => false });
		expect(startedAt).toEqual([6040]);
		expect(clock.slept).toEqual([700]);
	});

	it('gives way to a view query that starts between two tasks, and stops when asked', async () => {
		const clock = fakeClock();
		const activity = new QueryActivity(clock.now);
		let stopped = false;
		const log: string[] = [];
		const tasks = [
			async () => {
				log.push(`a@${clock.now()}`);
				activity.begin(); // the reader changes a filter while task a runs…
			},
			async () => {
				log.push(`b@${clock.now()}`);
				stopped = true; // …and then leaves the page
			},
			async () => void log.push(`c@${clock.now()}`)
		];
		const sleep = async (ms: number) => {
			await clock.sleep(ms);
			if (clock.now() === 1000) activity.end(); // the filter change answered at 1000 ms
		};
		const ran = await runWhenQuiet(tasks, { activity, quietMs: 1000, sleep, stop: () => stopped });
		expect(log).toEqual(['a@0', 'b@2000']);
		expect(clock.slept).toEqual([1000, 1000]);
		expect(ran).toBe(2);
	});

	it('counts a failed task as run and goes on', async () => {
		const clock = fakeClock();
		const activity = new QueryActivity(clock.now);
		const tasks = [async () => Promise.reject(new Error('no such table')), async () => 'ok'];
		expect(await runWhenQuiet(tasks, { activity, quietMs: 1000, sleep: clock.sleep, stop: () => false })).toBe(2);
	});
});
