/**
 * The collection run before the Parquet write: what nothing refers to any more is gone after it; and
 * the limit at the end of a folder's pass, which collects only once the heap has grown by its size.
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage, GarbageLimit } from '../../../scripts/lib/collect-garbage';

describe('collectGarbage', () => {
	// The test process runs without node --expose-gc.
	it('frees objects nothing refers to', async () => {
		let held: object | null = { rows: Array.from({ length: 1000 }, (_, i) => ({ i })) };
		const ref = new WeakRef(held);
		held = null;
		// A WeakRef keeps its target alive until the job that made it ends.
		await new Promise((resolve) => setTimeout(resolve, 0));
		collectGarbage();
		expect(ref.deref()).toBeUndefined();
	});
});

/** An object nothing refers to, moved to the old generation (which only a full collection sweeps). */
async function oldGarbage(): Promise<WeakRef<object>> {
	let held: object | null = { rows: Array.from({ length: 1000 }, (_, i) => ({ i })) };
	const ref = new WeakRef(held);
	collectGarbage(); // survives it: promoted
	held = null;
	await new Promise((resolve) => setTimeout(resolve, 0));
	return ref;
}

describe('GarbageLimit', () => {
	it('does not collect while the heap has grown by less than its limit', async () => {
		const limit = new GarbageLimit(64 * 2 ** 20);
		const ref = await oldGarbage();
		limit.check();
		expect(ref.deref()).toBeDefined();
	});

	it('collects once the heap has grown by more', async () => {
		const limit = new GarbageLimit(2 ** 20);
		const ref = await oldGarbage();
		const grown = Array.from({ length: 4096 }, (_, i) => `${i}`.padEnd(1024, '字'));
		limit.check();
		expect(grown).toHaveLength(4096);
		expect(ref.deref()).toBeUndefined();
	});
});
