/**
 * Pure helpers behind the filter bar: turning control values into a new `Filters` and listing the
 * options. Kept out of the component so they can be tested without a DOM.
 */
import type { Filters, KindFilter, YearRange } from '$lib/filters/model';

/** The year range for the two year selects; '' means open on that side. */
export function yearRangeFrom(from: string, to: string, years: readonly number[]): YearRange | null {
	if (from === '' && to === '') return null;
	const lo = years.length ? Math.min(...years) : Number(from || to);
	const hi = years.length ? Math.max(...years) : Number(to || from);
	const a = from === '' ? lo : Number(from);
	const b = to === '' ? hi : Number(to);
	// the URL format is a range; a reversed pair is what the reader meant the other way round
	return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** The two year selects' values for a range ('' where the range is open or absent). */
export function yearControls(range: YearRange | null, years: readonly number[]): { from: string; to: string } {
	if (!range) return { from: '', to: '' };
	const lo = years.length ? Math.min(...years) : range.from;
	const hi = years.length ? Math.max(...years) : range.to;
	return { from: range.from <= lo ? '' : String(range.from), to: range.to >= hi ? '' : String(range.to) };
}

export const KIND_OPTIONS: readonly { value: KindFilter; label: string }[] = [
	{ value: 'both', label: '全部（预算、决算分列）' },
	{ value: 'budget', label: '预算' },
	{ value: 'final', label: '决算' }
];

/** A code option: indented by level so the 类 → 款 → 项 nesting reads in a plain select. */
export function codeOptionLabel(code: string, name: string | undefined): string {
	const indent = code.length === 7 ? '\u3000\u3000' : code.length === 5 ? '\u3000' : '';
	return `${indent}${code}${name ? ` ${name}` : ''}`;
}

/** `next` with one field replaced, leaving `filters` untouched. */
export function withFilter<K extends keyof Filters>(filters: Filters, key: K, value: Filters[K]): Filters {
	return { ...filters, [key]: value };
}
