/**
 * A contract table's Parquet bytes → Arrow IPC streams, one per row group: what the decode worker
 * runs, and what the loader runs in-thread where there is no worker (the Node test harness).
 */
import type { TableSpec } from '$lib/storage/schema';
import { toArrowIpc, toRecordBatch } from './arrow';
import { openParquet, readRowGroup } from './parquet';

/** One row group of a table as an Arrow IPC stream. */
export interface IpcBatch {
	rows: number;
	ipc: Uint8Array;
}

/** Decodes `bytes` row group by row group; nothing is yielded for a file without rows. */
export async function* parquetToIpc(bytes: ArrayBuffer, spec: TableSpec): AsyncGenerator<IpcBatch> {
	const file = openParquet(bytes, spec);
	for (let i = 0; i < file.rowGroups.length; i++) {
		const raw = await readRowGroup(file, i);
		yield { rows: raw.rowCount, ipc: toArrowIpc(toRecordBatch(raw)) };
	}
}
