/**
 * Less inlining in V8's optimising compiler for this process (every thread: V8's flags are global,
 * so the extraction workers have it too). Imported first by the folder extractor.
 *
 * Why: a corpus run is short-lived code that V8 optimises as it goes, and the extractor's many
 * stages inline into a few large functions. Optimising them, and again after each deoptimisation,
 * was a third of a 3,005-document run's CPU (V8's background threads: ≈ 8 s of ≈ 25 s with two
 * workers). With a cumulative inlining budget of 150 bytes of bytecode instead of 920 the same run
 * took 8–13 % less CPU, 695 documents 15–24 % less, 29,920 documents 8 % less; the warm extractor
 * was no slower (BENCHMARKS.md, notes of 2026-12-03, night). The output does not depend on it.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode inlined into one optimised function at most (V8's default: 920). */
export const INLINE_BUDGET_BYTES = 150;

setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET_BYTES}`);
