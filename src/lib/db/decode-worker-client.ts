/**
 * The browser's {@link IpcSource}: one decode worker (decode.worker.ts) fetches and decodes every
 * table, and the page's main thread only receives the transferred IPC buffers and hands them to
 * DuckDB's worker. Where no worker can be started, decoding falls back to the main thread.
 *
 * Browser only.
 */
import { specOf, type LoadableName, type TableSpec } from '$lib/storage/schema';
import type { IpcBatch } from './decode';
import type { DecodeRequest } from './decode.worker';
import { decodeInThread, type FetchFile, type IpcSource } from './load';

type Reply = { id: number; batch: IpcBatch } | { id: number; done: true } | { id: number; error: string };

/** Messages of one request, buffered until consumed. */
class Channel implements AsyncIterable<IpcBatch> {
	readonly #items: IpcBatch[] = [];
	#end: { error: Error | null } | null = null;
	#wake: (() => void) | null = null;

	push(reply: Reply): void {
		if ('batch' in reply) this.#items.push(reply.batch);
		else this.#end = { error: 'error' in reply ? new Error(reply.error) : null };
		this.#wake?.();
	}

	fail(error: Error): void {
		this.#end ??= { error };
		this.#wake?.();
	}

	async *[Symbol.asyncIterator](): AsyncIterator<IpcBatch> {
		for (;;) {
			const item = this.#items.shift();
			if (item) {
				yield item;
				continue;
			}
			if (this.#end) {
				if (this.#end.error) throw this.#end.error;
				return;
			}
			await new Promise<void>((resolve) => (this.#wake = resolve));
			this.#wake = null;
		}
	}
}

/**
 * Decodes in a worker; `urlOf` gives a contract file's same-origin URL. The `prefetch` tables are
 * requested at once — call this before DuckDB has started, and the Parquet is fetched and decoded
 * while it starts. The worker ends itself once every table requested from it has been delivered.
 * `fetchFile` serves the in-thread fallback.
 */
export function decodeInWorker(urlOf: (file: string) => string, fetchFile: FetchFile, prefetch: readonly LoadableName[] = []): IpcSource {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return decodeInThread(fetchFile);
	}
	const channels = new Map<number, Channel>();
	let next = 0;
	const finish = (id: number) => {
		channels.delete(id);
		if (channels.size === 0) worker.terminate();
	};
	worker.addEventListener('message', (event: MessageEvent<Reply>) => {
		const reply = event.data;
		channels.get(reply.id)?.push(reply);
		if (!('batch' in reply)) finish(reply.id);
	});
	worker.addEventListener('error', (event) => {
		const error = new Error(`loader: the decode worker failed: ${event.message || 'could not start'}`);
		for (const channel of channels.values()) channel.fail(error);
		channels.clear();
		worker.terminate();
	});
	const request = (spec: TableSpec): Channel => {
		const id = next++;
		const channel = new Channel();
		channels.set(id, channel);
		const message: DecodeRequest = { id, url: new URL(urlOf(spec.file), location.href).href, table: spec.name };
		worker.postMessage(message);
		return channel;
	};
	const early = new Map(prefetch.map((name) => [name, request(specOf(name))]));
	return (spec: TableSpec) => {
		const channel = early.get(spec.name);
		early.delete(spec.name);
		return channel ?? request(spec);
	};
}
