/**
 * A pool of extractor worker threads. Each worker takes tasks in turn (a couple queued, so it never
 * waits for the main thread between two); results come back through `run`, whose promise never
 * rejects: a task a worker died on settles as `crash`, the worker is replaced, and the tasks queued
 * behind it are handed to the others — so one file that kills a worker costs only that file.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerReply, WorkerTask } from './extract-worker-tasks';
import { workerBundle } from './worker-bundle';

/** How a task ended: its result, the error its worker reported (`fatal`), or the worker dying on it (`crash`). */
export type Settled<R> = { ok: true; result: R } | { ok: false; fatal: string } | { ok: false; crash: string };

interface Job {
	task: WorkerTask;
	settle: (s: Settled<unknown>) => void;
}

interface Slot {
	worker: Worker;
	/** Tasks posted to the worker, oldest first (it answers them in that order). */
	inflight: Job[];
	dead: boolean;
}

/** Tasks posted to one worker ahead of its answers. */
const PER_WORKER = 2;

/**
 * Workers dying one after another with no answer in between cannot start (it is not a bad file):
 * stop replacing them. Four bad files in a row must not stop a run: a first-pass task of four
 * files (extract-folder.ts) dies once before its files are run alone, so that is five deaths.
 */
const MAX_DEATHS_IN_A_ROW = 5;

const BOOT = new URL('./extract-worker-boot.mjs', import.meta.url);
export const DEFAULT_WORKER_ENTRY = new URL('./extract-worker.ts', import.meta.url);

/**
 * Buffers sent back to a worker in one message. A message a document (30,400 of them) cost the
 * main thread a postMessage and the worker a message to take and decode, between its documents.
 */
const RECYCLE_BATCH = 8;

export class WorkerPool {
	private readonly slots: Slot[] = [];
	private readonly queue: Job[] = [];
	private closing = false;
	private deathsInARow = 0;
	/** Why workers stopped being replaced, once they have. */
	private broken: string | null = null;
	/** Batches of buffers sent back so far (they go to the workers in turn). */
	private recycled = 0;
	/** Buffers given back, not sent yet: they go in batches of {@link RECYCLE_BATCH}. */
	private pendingRecycle: ArrayBuffer[] = [];

	/** The entry bundled to JavaScript (worker-bundle.ts); null: started through tsx instead. */
	private readonly bundle: URL | null;

	constructor(
		readonly size: number,
		private readonly entry: URL = DEFAULT_WORKER_ENTRY
	) {
		this.bundle = workerBundle(entry)?.url ?? null;
		for (let i = 0; i < size; i++) this.slots.push(this.spawn());
	}

	run<R>(task: WorkerTask): Promise<Settled<R>> {
		return new Promise((settle) => {
			if (this.broken !== null) return settle({ ok: false, fatal: this.broken });
			this.queue.push({ task, settle: settle as Job['settle'] });
			this.dispatch();
		});
	}

	/**
	 * Sends buffers of encoded rows, written now, back to a worker for its next documents' rows
	 * (spool-lines.ts, recycleLines), a batch at a time: moved, so they leave this thread's memory
	 * (a few at most wait here for their batch). Not a task: no answer comes.
	 */
	recycle(buffers: ArrayBuffer[]): void {
		if (buffers.length === 0 || this.closing) return;
		this.pendingRecycle.push(...buffers);
		if (this.pendingRecycle.length < RECYCLE_BATCH) return;
		const live = this.slots.filter((s) => !s.dead);
		if (live.length === 0) return;
		const batch = this.pendingRecycle;
		this.pendingRecycle = [];
		const slot = live[this.recycled++ % live.length] as Slot;
		const message: WorkerMessage = { kind: 'recycle', buffers: batch };
		slot.worker.postMessage(message, batch);
	}

	async close(): Promise<void> {
		this.closing = true;
		await Promise.all(this.slots.map((s) => s.worker.terminate()));
	}

	private spawn(): Slot {
		const worker = this.bundle ? new Worker(this.bundle) : new Worker(BOOT, { workerData: { entry: this.entry.href } });
		const slot: Slot = { worker, inflight: [], dead: false };
		worker.on('message', (reply: WorkerReply) => {
			this.deathsInARow = 0;
			const job = slot.inflight.shift();
			job?.settle('result' in reply ? { ok: true, result: reply.result } : { ok: false, fatal: reply.fatal });
			this.dispatch();
		});
		// A worker's uncaught error may come before the answers it posted just before it died: Node
		// delivers those when the thread has exited, before 'exit'. Settling on 'error' blamed the
		// crash on a task the worker had answered (a file read well, reported as failed).
		let error: string | null = null;
		worker.on('error', (e) => (error ??= e.message));
		worker.on('exit', (code) => this.lost(slot, error ?? `exit code ${code}`));
		return slot;
	}

	/** A worker died: its current task is the one that killed it; the ones queued behind it go to another. */
	private lost(slot: Slot, reason: string): void {
		if (slot.dead || this.closing) return;
		slot.dead = true;
		const [current, ...waiting] = slot.inflight;
		this.queue.unshift(...waiting);
		current?.settle({ ok: false, crash: reason });
		if (++this.deathsInARow > MAX_DEATHS_IN_A_ROW) {
			// Not a bad file but workers that cannot run: the tasks left stop the run (fatal), as in one thread.
			this.broken = `${this.deathsInARow} worker threads exited in a row without an answer; the last: ${reason}`;
			if (this.slots.every((s) => s.dead)) for (const job of this.queue.splice(0)) job.settle({ ok: false, fatal: this.broken });
			return;
		}
		this.slots[this.slots.indexOf(slot)] = this.spawn();
		this.dispatch();
	}

	private dispatch(): void {
		while (this.queue.length > 0) {
			const slot = this.slots.filter((s) => !s.dead && s.inflight.length < PER_WORKER).sort((a, b) => a.inflight.length - b.inflight.length)[0];
			if (!slot) return;
			const job = this.queue.shift() as Job;
			slot.inflight.push(job);
			slot.worker.postMessage(job.task);
		}
	}
}

/**
 * Runs `run` over `items` with at most `limit` in flight and yields the results in the items'
 * order, so output is the same however the work was spread; memory holds `limit` results at most.
 * `run` must not reject (a rejected promise waiting its turn would be an unhandled rejection).
 */
export async function* inOrder<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): AsyncGenerator<R> {
	const pending: Promise<R>[] = [];
	let next = 0;
	while (next < items.length && pending.length < limit) pending.push(run(items[next++] as T));
	while (pending.length > 0) {
		const result = await (pending.shift() as Promise<R>);
		if (next < items.length) pending.push(run(items[next++] as T));
		yield result;
	}
}
