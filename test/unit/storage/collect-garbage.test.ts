/** The collection run before the Parquet write: what nothing refers to any more is gone after it. */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../scripts/lib/collect-garbage';

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
