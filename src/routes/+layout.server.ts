import type { LayoutServerLoad } from './$types';
import { getCodeNames, getSnapshot } from './build-data.server';

export const prerender = true;

/**
 * Build time only: the snapshot (documents, known filter values, KPIs and coverage for the empty
 * filter) is serialised into every page, so the overview's first chart and every page's filter
 * bar render before DuckDB-WASM has started.
 */
export const load: LayoutServerLoad = async () => {
	const [snapshot, codeNames] = await Promise.all([getSnapshot(), getCodeNames()]);
	return { snapshot, codeNames };
};
