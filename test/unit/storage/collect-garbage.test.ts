/** The collection run before the Parquet write: what nothing refers to any more is gone after it. */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../scripts/lib/collect-garbage';

describe('collectGarbage', () => {
	it('frees objects nothing refers to, without node --expose-gc', async () => {
		expect((globalThis as { gc?: unknown }).gc).toBeUndefined(); // the test runs without the flag
		let held: object | null = { rows: Array.from({ length: 1000 }, (_, i) => ({ i })) };
		const ref = new WeakRef(held);
		held = null;
		// A WeakRef keeps its target alive until the job that made it ends.
		await new Promise((resolve) => setTimeout(resolve, 0));
		collectGarbage();
		expect(ref.deref()).toBeUndefined();
	});
});
