/**
 * The current filters, read from the URL (the single source of truth) and written back to it.
 * Created once by the root layout and shared through context.
 *
 * A change made here (`apply`, `setParams`) takes effect at once: the views read the URL being
 * navigated to while SvelteKit's navigation runs, so their queries are on their way to DuckDB
 * before the router has saved the scroll position and pushed the history entry (tens of ms on a
 * busy machine, which the reader would otherwise wait for first). Once the navigation is done the
 * two agree and nothing re-runs; a back/forward step or another navigation replaces the pending one.
 *
 * Until the layout has mounted, the filters are the empty filter: prerendered HTML knows no query
 * string, and the first client render must match it for hydration. Views therefore wait for
 * `ready` before querying.
 */
import { getContext, setContext } from 'svelte';
import { goto } from '$app/navigation';
import { span } from './perf-spans';
import { holdRender } from './render-tracker';
import { page } from '$app/state';
import { EMPTY_FILTERS, FILTER_PARAMS, type FilterNotice, type Filters, type KnownValues } from '$lib/filters/model';
import { filtersToSearch, isEmptyFilters, parseFilters } from '$lib/filters/url';

const KEY = Symbol('budget-lens.filters');

/** Page-only parameters that describe a position in the old result, so a new filter resets them. */
const RESET_ON_FILTER = ['page'];

export interface FilterContext {
	/** The URL has been read (after mount); before that `filters` is the empty filter. */
	readonly ready: boolean;
	readonly filters: Filters;
	/** Values from the URL that were ignored, with messages for the visible notice. */
	readonly notices: FilterNotice[];
	/** True when no filter narrows the data (the overview then draws from the snapshot). */
	readonly empty: boolean;
	/** `?district=…` for the current filters (canonical, invalid values dropped), for nav links. */
	readonly search: string;
	/** Path and query string the views show: the URL, or the one a navigation started here is going to. */
	readonly location: string;
	/** The raw value of a view's own parameter (e.g. `table` on /data), or null. */
	param(name: string): string | null;
	/** Navigates to the same path with `next` filters; back/forward then step through filters. */
	apply(next: Filters): Promise<void>;
	/** The link to this view with `next` filters (for anchors such as breadcrumbs). */
	href(next: Filters): string;
	/** Sets (or with null, removes) view's own parameters, keeping the filters. */
	setParams(values: Record<string, string | null>): Promise<void>;
}

/** Navigation that keeps the page where it is: a filter change is not a new page for the reader. */
const NAV = { replaceState: false, keepFocus: true, noScroll: true } as const;

/** The view's own parameters of `url` (everything but the five filters), minus `drop`. */
function ownParams(url: URL, drop: readonly string[] = []): [string, string][] {
	const skip = new Set<string>([...FILTER_PARAMS, ...drop]);
	return [...url.searchParams.entries()].filter(([k]) => !skip.has(k));
}

function withParams(search: string, extra: [string, string][]): string {
	if (extra.length === 0) return search;
	const tail = new URLSearchParams(extra).toString();
	return search ? `${search}&${tail}` : `?${tail}`;
}

/** Creates the context; call once in the root layout with the known values from the snapshot. */
export function provideFilters(known: () => KnownValues | undefined): FilterContext {
	let mounted = $state(false);
	$effect(() => {
		mounted = true;
	});
	/** The URL a navigation started here is going to, until it has arrived (or was overtaken). */
	let pending = $state.raw<{ href: string } | null>(null);
	const url = $derived(pending ? new URL(pending.href, page.url) : page.url);
	const search = $derived(mounted ? url.search : '');

	function navigate(href: string): Promise<void> {
		const token = { href };
		pending = token;
		const release = holdRender();
		const end = span('navigate');
		return goto(href, NAV).finally(() => {
			if (pending === token) pending = null;
			release();
			end();
		});
	}
	const parsed = $derived.by(() =>
		mounted ? parseFilters(new URLSearchParams(search), known()) : { filters: EMPTY_FILTERS, notices: [] }
	);

	const ctx: FilterContext = {
		get ready() {
			return mounted;
		},
		get filters() {
			return parsed.filters;
		},
		get notices() {
			return parsed.notices;
		},
		get empty() {
			return isEmptyFilters(parsed.filters);
		},
		get search() {
			return filtersToSearch(parsed.filters);
		},
		get location() {
			return url.pathname + url.search;
		},
		param(name) {
			return mounted ? url.searchParams.get(name) : null;
		},
		apply(next) {
			return navigate(ctx.href(next));
		},
		href(next) {
			return url.pathname + withParams(filtersToSearch(next), mounted ? ownParams(url, RESET_ON_FILTER) : []);
		},
		setParams(values) {
			const own = ownParams(url, Object.keys(values));
			for (const [name, value] of Object.entries(values)) if (value !== null) own.push([name, value]);
			return navigate(url.pathname + withParams(filtersToSearch(parsed.filters), own));
		}
	};
	setContext(KEY, ctx);
	return ctx;
}

/** The filter context provided by the root layout. */
export function useFilters(): FilterContext {
	const ctx = getContext<FilterContext | undefined>(KEY);
	if (!ctx) throw new Error('filters: useFilters() called outside the root layout');
	return ctx;
}
