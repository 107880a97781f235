/**
 * A full garbage collection on demand, for the one moment a run knows more than V8 does: the
 * extraction is over, its objects are garbage (every document's report and facts, held until the
 * folder's plan was known: ≈ 90 MB at 30,400 documents), and DuckDB's write, whose memory V8 cannot
 * see, is about to start. V8 would collect them only when JavaScript allocates again, which the write
 * hardly does, so they stayed in memory under DuckDB's: at 30,400 documents the run's peak was
 * 815 MiB, and 611 MiB with this collection first (a pair; BENCHMARKS.md, notes of the sixth session
 * of 2026-12-04).
 *
 * `gc` is exposed by a V8 flag set at run time and taken from a new context, which sees it, so no
 * `node --expose-gc` is needed on any command line that writes Parquet.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

export function collectGarbage(): void {
	if (gc === null) {
		setFlagsFromString('--expose-gc');
		gc = runInNewContext('gc') as () => void;
	}
	gc();
}
