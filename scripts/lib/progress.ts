/**
 * With `--quiet` the CLI prints no line per document; a long run still says how far it got — a line
 * every few seconds (never for a run shorter than that), so a large folder shows progress without
 * printing thousands of lines.
 */

/** Seconds between two progress lines. */
export const PROGRESS_EVERY_MS = 5000;

export class Progress {
	private done = 0;
	private next: number;

	constructor(
		private readonly started: number,
		private readonly everyMs = PROGRESS_EVERY_MS
	) {
		this.next = started + everyMs;
	}

	/** One more document at time `now`: the line to print, if one is due. */
	tick(now: number): string | null {
		this.done++;
		if (now < this.next) return null;
		// the next line a whole interval after this one, however late this one came
		this.next = now + this.everyMs;
		return `… ${this.done.toLocaleString('en')} ${this.done === 1 ? 'document' : 'documents'} extracted (${Math.round((now - this.started) / 1000)} s)`;
	}
}
