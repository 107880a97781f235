/**
 * Buffers of encoded rows go back to the workers in batches (extract-worker-pool.ts): one message
 * for several documents' buffers rather than one per document.
 */
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../scripts/lib/extract-worker-pool';

describe('WorkerPool.recycle', () => {
	it('keeps the buffers given back until a batch of eight, then moves the batch to a worker', async () => {
		const pool = new WorkerPool(1);
		try {
			const buffers = Array.from({ length: 9 }, () => new ArrayBuffer(1024));
			for (const b of buffers.slice(0, 7)) pool.recycle([b]);
			// Still this thread's: not sent yet.
			expect(buffers.map((b) => b.byteLength)).toEqual(Array(9).fill(1024));
			pool.recycle([buffers[7] as ArrayBuffer]);
			// Sent: a transferred buffer is detached here.
			expect(buffers.slice(0, 8).map((b) => b.byteLength)).toEqual(Array(8).fill(0));
			pool.recycle([buffers[8] as ArrayBuffer]);
			expect(buffers[8]?.byteLength).toBe(1024);
			pool.recycle([]);
			expect(buffers[8]?.byteLength).toBe(1024);
		} finally {
			await pool.close();
		}
	}, 60_000);
});
