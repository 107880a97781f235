/** Offsets in joined text back to the lines they came from. */

/**
 * Index of the last of `starts` (ascending offsets where lines begin) at or before `offset`: the
 * line an offset of the joined text falls in. Binary search, since prose and pages are long.
 */
export function lineIndexAt(starts: readonly number[], offset: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}
