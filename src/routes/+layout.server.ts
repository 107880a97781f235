import type { LayoutServerLoad } from './$types';
import { getCodeNames, getSnapshot } from './build-data.server';

export const prerender = true;

/**
 * Build time only: what every page's filter bar needs — the values present in the data (to offer
 * and to validate URL filters) and the names of the function codes. Serialised into every page,
 * so it is kept to that; the overview's own snapshot figures come from its page load.
 */
export const load: LayoutServerLoad = async () => {
	const [snapshot, codeNames] = await Promise.all([getSnapshot(), getCodeNames()]);
	return { known: snapshot.known, codeNames };
};
