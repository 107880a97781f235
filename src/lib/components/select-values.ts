/**
 * `use:selectValues={values}` keeps a `<select>`'s selection equal to `values`. Options'
 * `selected` attributes only set the initial state: once the reader has clicked, the browser
 * keeps its own selection, so back/forward would leave the control showing stale filters.
 */
import type { Action } from 'svelte/action';

function apply(node: HTMLSelectElement, values: readonly string[]): void {
	for (const option of node.options) option.selected = values.includes(option.value);
}

export const selectValues: Action<HTMLSelectElement, readonly string[]> = (node, values) => {
	// actions run once the element and its options are in the DOM
	apply(node, values);
	return {
		update(next) {
			apply(node, next);
		}
	};
};
