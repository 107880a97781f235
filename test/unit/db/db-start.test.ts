/**
 * When the layout starts DuckDB (components/db-start.ts): on the unfiltered overview, once its
 * charts are drawn; on any other page, at once (the layout's own branch, checked here by
 * `drawsFromSnapshot`).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawsFromSnapshot, startAfterDraws, type DrawSignal } from '../../../src/lib/components/db-start';

/** A draw signal the test fires by hand. */
function fakeDraws(): DrawSignal & { draw(): void } {
	const listeners = new Set<() => void>();
	let count = 0;
	return {
		get count() {
			return count;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		draw() {
			count++;
			for (const l of [...listeners]) l();
		}
	};
}

const timing = { quietMs: 150, latestMs: 2500 };

describe('startAfterDraws', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('starts 150 ms after the last of the charts drawn, not at the first', () => {
		const draws = fakeDraws();
		const start = vi.fn();
		startAfterDraws(start, draws, globalThis, timing);
		vi.advanceTimersByTime(900);
		draws.draw();
		vi.advanceTimersByTime(100);
		draws.draw(); // the second chart, a task later
		vi.advanceTimersByTime(149);
		expect(start).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(start).toHaveBeenCalledTimes(1);
		// later draws (filter changes) start nothing again, nor does the deadline
		draws.draw();
		vi.advanceTimersByTime(5000);
		expect(start).toHaveBeenCalledTimes(1);
	});

	it('starts at the deadline when no chart is drawn, or when draws never pause', () => {
		const idle = vi.fn();
		startAfterDraws(idle, fakeDraws(), globalThis, timing);
		vi.advanceTimersByTime(2499);
		expect(idle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(idle).toHaveBeenCalledTimes(1);

		const draws = fakeDraws();
		const busy = vi.fn();
		startAfterDraws(busy, draws, globalThis, timing);
		for (let t = 0; t < 2500; t += 100) {
			draws.draw();
			vi.advanceTimersByTime(100);
		}
		expect(busy).toHaveBeenCalledTimes(1);
	});

	it('counts charts drawn before it was called, and can be cancelled', () => {
		const draws = fakeDraws();
		draws.draw();
		const start = vi.fn();
		startAfterDraws(start, draws, globalThis, timing);
		vi.advanceTimersByTime(150);
		expect(start).toHaveBeenCalledTimes(1);

		const cancelled = vi.fn();
		const cancel = startAfterDraws(cancelled, fakeDraws(), globalThis, timing);
		cancel();
		vi.advanceTimersByTime(10_000);
		expect(cancelled).not.toHaveBeenCalled();
	});
});

describe('drawsFromSnapshot', () => {
	it('is the overview with no filter in the URL only', () => {
		expect(drawsFromSnapshot('/', '')).toBe(true);
		expect(drawsFromSnapshot('/', '?utm=x')).toBe(true);
		expect(drawsFromSnapshot('/', '?kind=budget')).toBe(false);
		expect(drawsFromSnapshot('/', '?district=%E6%B8%9D%E4%B8%AD%E5%8C%BA')).toBe(false);
		expect(drawsFromSnapshot('/structure', '')).toBe(false);
		expect(drawsFromSnapshot('/compare', '')).toBe(false);
		expect(drawsFromSnapshot(null, '')).toBe(false);
	});
});
