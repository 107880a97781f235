/**
 * V8's flags for the extraction, set for this process before any worker starts (V8's flags are
 * global, and a worker's heap is configured when it starts). Imported first by the folder extractor.
 *
 * Less inlining in the optimising compiler: a corpus run is short-lived code that V8 optimises as it
 * goes, and the extractor's many stages inline into a few large functions. Optimising them, and again
 * after each deoptimisation, was a third of a 3,005-document run's CPU (V8's background threads: ≈ 8 s
 * of ≈ 25 s with two workers). With a cumulative inlining budget of 150 bytes of bytecode instead of
 * 920 the same run took 8–13 % less CPU, 695 documents 15–24 % less, 29,920 documents 8 % less; the
 * warm extractor was no slower (BENCHMARKS.md, notes of 2026-12-03, night).
 *
 * A larger first old generation in the workers: each full GC in a worker (one every ≈ 3 s) dropped
 * the optimised code of the extractor's closures, which V8 then compiled again on its background
 * threads, all through the run. With 64 MB before the first full GC a worker has two in 30,400
 * documents instead of about twelve, V8 optimises 1,800 functions instead of 3,100, and its background
 * threads take ≈ 2 s less CPU (BENCHMARKS.md, notes of 2026-12-04, sixth session).
 *
 * The output does not depend on either.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode inlined into one optimised function at most (V8's default: 920). */
export const INLINE_BUDGET_BYTES = 150;

/** Old generation a worker fills before its first full GC, in MB (V8's default: a few). */
export const WORKER_INITIAL_OLD_SPACE_MB = 64;

setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET_BYTES}`);
setFlagsFromString(`--initial-old-space-size=${WORKER_INITIAL_OLD_SPACE_MB}`);
