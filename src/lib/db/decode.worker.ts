/**
 * The decode worker: fetches a contract table's Parquet file (same origin), decodes it row group by
 * row group and posts each as Arrow IPC bytes, transferred, so the page's main thread only relays
 * buffers to DuckDB's worker and never runs the decoding (a long task at tens of thousands of
 * documents). Requests are served one at a time, in the order they arrive.
 *
 * Protocol: in `{ id, url, table }`; out `{ id, batch: IpcBatch }`* then `{ id, done: true }`, or
 * `{ id, error }`.
 */
import { specOf, type LoadableName } from '$lib/storage/schema';
import { parquetToIpc } from './decode';

export interface DecodeRequest {
	id: number;
	url: string;
	table: LoadableName;
}

let queue: Promise<void> = Promise.resolve();

async function serve({ id, url, table }: DecodeRequest): Promise<void> {
	try {
		const spec = specOf(table);
		const response = await fetch(url, { cache: 'no-cache' });
		if (!response.ok) throw new Error(`loader: GET ${url} → ${response.status} ${response.statusText}`);
		for await (const batch of parquetToIpc(await response.arrayBuffer(), spec)) {
			postMessage({ id, batch }, { transfer: [batch.ipc.buffer] });
		}
		postMessage({ id, done: true });
	} catch (err) {
		postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
}

addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
	queue = queue.then(() => serve(event.data));
});
