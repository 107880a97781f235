/**
 * A file on the site's own origin as an {@link AsyncBuffer}: each slice is one HTTP Range request,
 * so a Parquet reader fetches the footer and the row groups it needs, not the file. Browser-safe.
 */
import type { AsyncBuffer } from 'hyparquet';

/** The file is not on the server (404). */
export class MissingFileError extends Error {
	constructor(readonly url: string) {
		super(`文件不存在：${url}`);
		this.name = 'MissingFileError';
	}
}

/** The total size from `Content-Range: bytes a-b/TOTAL`, or NaN. */
export function rangeTotal(header: string | null): number {
	const m = /\/(\d+)\s*$/.exec(header ?? '');
	return m ? Number(m[1]) : Number.NaN;
}

function failed(url: string, res: Response): Error {
	return res.status === 404 ? new MissingFileError(url) : new Error(`读取 ${url} 失败（HTTP ${res.status}）`);
}

/**
 * Opens `url`. The size comes from a first small Range request (`bytes=0-7`): a HEAD could report a
 * precompressed sibling's length, and a suffix range (`bytes=-N`) is misread by some static
 * servers. A server that ignores Range answers 200 with the whole file, which is then kept and
 * sliced in memory.
 */
export async function openHttpFile(url: string, fetchFn: typeof fetch = fetch): Promise<AsyncBuffer> {
	const probe = await fetchFn(url, { headers: { Range: 'bytes=0-7' } });
	if (probe.status === 200) return wholeFile(await probe.arrayBuffer());
	if (probe.status !== 206) throw failed(url, probe);
	const byteLength = rangeTotal(probe.headers.get('content-range'));
	await probe.arrayBuffer();
	if (!Number.isFinite(byteLength)) throw new Error(`读取 ${url} 失败：服务器未给出文件大小（Content-Range）`);
	return {
		byteLength,
		async slice(start, end = byteLength) {
			if (end <= start) return new ArrayBuffer(0);
			const res = await fetchFn(url, { headers: { Range: `bytes=${start}-${end - 1}` } });
			if (res.status === 200) return (await res.arrayBuffer()).slice(start, end);
			if (res.status !== 206) throw failed(url, res);
			return res.arrayBuffer();
		}
	};
}

function wholeFile(bytes: ArrayBuffer): AsyncBuffer {
	return { byteLength: bytes.byteLength, slice: (start, end) => bytes.slice(start, end) };
}
