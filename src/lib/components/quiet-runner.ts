/**
 * Background work that gives way to the reader: tasks run one at a time, each only once the views'
 * queries have been quiet for a while (none in flight, none answered within `quietMs`). A reader
 * changing filters keeps the page busy, so the work waits; a reader reading lets it run. Pure (the
 * clock is passed in) so that the schedule is unit-tested.
 */

/** Counts the views' queries in flight and when the last one was answered. */
export class QueryActivity {
	#inFlight = 0;
	#lastSettled = Number.NEGATIVE_INFINITY;

	constructor(private readonly now: () => number) {}

	begin(): void {
		this.#inFlight++;
	}

	end(): void {
		this.#inFlight = Math.max(0, this.#inFlight - 1);
		this.#lastSettled = this.now();
	}

	/** Milliseconds until the views have been quiet for `quietMs`: 0 when they have. */
	waitFor(quietMs: number): number {
		if (this.#inFlight > 0) return quietMs;
		return Math.max(0, this.#lastSettled + quietMs - this.now());
	}
}

export interface QuietOptions {
	activity: QueryActivity;
	quietMs: number;
	sleep: (ms: number) => Promise<void>;
	/** True once the work is no longer wanted (the reader left the page). */
	stop: () => boolean;
}

/** Runs `tasks` in order, each after the views have been quiet for `quietMs`; returns how many ran. */
export async function runWhenQuiet(tasks: readonly (() => Promise<unknown>)[], opts: QuietOptions): Promise<number> {
	let ran = 0;
	for (const task of tasks) {
		for (let wait = opts.activity.waitFor(opts.quietMs); wait > 0; wait = opts.activity.waitFor(opts.quietMs)) {
			await opts.sleep(wait);
		}
		if (opts.stop()) break;
		await task().catch(() => undefined);
		ran++;
	}
	return ran;
}
