/**
 * Fetches one same-origin file and hands its bytes back, transferred (not copied).
 *
 * Why a worker: reading a response body with `arrayBuffer()` drains it on the calling thread. For
 * the database file (37 MB at 30,000 documents) that was two main-thread tasks of 0.25–0.45 s each
 * (reading the data pipe, then joining the pieces) while the page was starting; here the same
 * work happens off the main thread, and the buffer moves on to DuckDB's worker as it is.
 *
 * Protocol: receives `{ url }`, answers `{ bytes }` or `{ error }` once.
 */
/// <reference lib="webworker" />

export interface FetchFileRequest {
	url: string;
}

export type FetchFileReply = { bytes: ArrayBuffer; error?: undefined } | { bytes?: undefined; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<FetchFileRequest>) => {
	const { url } = event.data;
	let reply: FetchFileReply;
	try {
		// `no-cache` revalidates: the data files' names carry no content hash
		const response = await fetch(url, { cache: 'no-cache' });
		reply = response.ok
			? { bytes: await response.arrayBuffer() }
			: { error: `loader: GET ${url} → ${response.status} ${response.statusText}` };
	} catch (err) {
		reply = { error: `loader: GET ${url} failed: ${err instanceof Error ? err.message : String(err)}` };
	}
	scope.postMessage(reply, reply.bytes ? [reply.bytes] : []);
};
