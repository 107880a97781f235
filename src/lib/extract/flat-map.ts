/**
 * `items.flatMap(fn)` as a loop. On Node 20 (V8 11.3) the builtin `Array.prototype.flatMap` runs
 * 10–25 times slower than this — 37 µs against 1.6 µs for 40 rows of 7 cells — and the grid and
 * table readers flatten rows into cells on every block of every document. Unlike the builtin, `fn`
 * must return an array (a value that is not one is not taken as a single element).
 */
export function flatMap<T, U>(items: readonly T[], fn: (item: T, index: number) => readonly U[]): U[] {
	const out: U[] = [];
	for (let i = 0; i < items.length; i++) {
		const part = fn(items[i] as T, i);
		for (let j = 0; j < part.length; j++) out.push(part[j] as U);
	}
	return out;
}
