/**
 * The pure half of the searchable multi-value picker (区县, 部门类别): which options a typed query
 * keeps, where the keyboard's active option moves, and toggling a value. Kept out of the component
 * so it is tested without a DOM.
 */

/** Normalises what is typed and what is matched: trimmed, case- and width-folded (ＡＢ → ab). */
function fold(text: string): string {
	return text.normalize('NFKC').trim().toLowerCase();
}

/**
 * The options containing `query` as a substring (Chinese is matched as typed: 九龙 finds 九龙坡区),
 * in their given order; every option for an empty query. Space-separated words must all occur.
 */
export function matchOptions(options: readonly string[], query: string): string[] {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return [...options];
	return options.filter((o) => {
		const name = fold(o);
		return words.every((w) => name.includes(w));
	});
}

/**
 * The active option after an Up (-1) or Down (+1) key among `count` options, wrapping at both ends;
 * from none (-1), Down goes to the first and Up to the last. -1 when there are no options.
 */
export function moveActive(active: number, delta: 1 | -1, count: number): number {
	if (count === 0) return -1;
	if (active < 0 || active >= count) return delta > 0 ? 0 : count - 1;
	return (active + delta + count) % count;
}

/** `values` with `value` added (at the end) or removed, leaving `values` untouched. */
export function toggleValue(values: readonly string[], value: string): string[] {
	return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
