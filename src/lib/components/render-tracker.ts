/**
 * Benchmark and test hook: `<html data-render-seq>` grows by one each time a filter- or
 * route-driven render has completed, i.e. every chart (and table) on the page has settled —
 * ready after ECharts' `finished`, empty, or error — for the current URL.
 *
 * The layout calls {@link expectRender} when the URL changes; each chart joins with
 * {@link joinRender} and reports whether it is settled. A render that a newer URL change
 * overtakes simply merges into the newer one, so the counter never counts a stale render.
 */
import { tick } from 'svelte';

const members = new Map<number, boolean>();
let nextId = 0;
let awaiting = false;
/** Navigations under way (see {@link holdRender}). */
let navigations = 0;

function check(): void {
	if (!awaiting || navigations > 0) return;
	for (const settled of members.values()) if (!settled) return;
	awaiting = false;
	const root = document.documentElement;
	root.dataset.renderSeq = String((Number(root.dataset.renderSeq) || 0) + 1);
}

/**
 * Marks that the URL changed and a render is due. Checked after Svelte has flushed the change, so
 * charts have had the chance to go pending; if none did (a filter no query on this page reads),
 * the render counts as complete at once.
 */
export function expectRender(): void {
	awaiting = true;
	void tick().then(check);
}

/** A chart or table taking part in renders. */
export interface RenderMember {
	/** Reports whether this member shows the current URL's result (ready, empty or error). */
	set(settled: boolean): void;
	leave(): void;
}

/** Joins a new chart or table, unsettled until it reports otherwise. */
export function joinRender(): RenderMember {
	const id = nextId++;
	members.set(id, false);
	return {
		set(settled) {
			members.set(id, settled);
			if (settled) check();
		},
		leave() {
			members.delete(id);
			check();
		}
	};
}

/**
 * Holds renders open while a navigation runs: the views may show the new filters before the
 * router has moved the URL (see filters.svelte.ts), and a render counts as complete only when the
 * address bar says what the page shows. Call the returned function when the navigation ends.
 */
export function holdRender(): () => void {
	navigations++;
	let released = false;
	return () => {
		if (released) return;
		released = true;
		navigations--;
		check();
	};
}
