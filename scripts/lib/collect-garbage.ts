/**
 * A full garbage collection on demand, for the moments a run knows more than V8 does. First, the
 * extraction is over, its objects are garbage (every document's report and facts, held until the
 * folder's plan was known: ≈ 90 MB at 30,400 documents), and DuckDB's write, whose memory V8 cannot
 * see, is about to start. V8 would collect them only when JavaScript allocates again, which the write
 * hardly does, so they stayed in memory under DuckDB's: at 30,400 documents the run's peak was
 * 815 MiB, and 611 MiB with this collection first (a pair; BENCHMARKS.md, notes of the sixth session
 * of 2026-12-04). Then, the phases at the end of a folder's pass that allocate faster than V8
 * collects, for a while (each plan item settled, each bucket of the corpus check): {@link GarbageLimit}.
 *
 * `gc` is exposed by a V8 flag set at run time and taken from a new context, which sees it, so no
 * `node --expose-gc` is needed on any command line that writes Parquet.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

export function collectGarbage(): void {
	if (gc === null) {
		setFlagsFromString('--expose-gc');
		gc = runInNewContext('gc') as () => void;
	}
	gc();
}

/**
 * Garbage let pile up at the end of a folder's pass before a full collection ({@link GarbageLimit}):
 * settling the plan's items and checking the corpus allocate faster than V8 collects, and the main
 * thread's heap reached 140 MB checking 60,800 documents.
 */
export const GARBAGE_LIMIT_BYTES = 32 * 2 ** 20;

/**
 * Collects the garbage once the heap (V8's and the buffers outside it) has grown by `bytes` since the
 * last collection: {@link check} is cheap (≈ 0.2 µs), so a loop can call it every turn. At the end of a
 * pass over 60,800 documents the main thread's heap otherwise reached 140 MB of garbage, and that, not
 * the folder's size, set the extraction's peak.
 */
export class GarbageLimit {
	private base = heapInUse();

	constructor(private readonly bytes: number) {}

	check(): void {
		if (heapInUse() <= this.base + this.bytes) return;
		collectGarbage();
		this.base = heapInUse();
	}
}

function heapInUse(): number {
	const heap = getHeapStatistics();
	return heap.used_heap_size + heap.external_memory;
}
