import type { PageServerLoad } from './$types';
import { getSnapshot } from './build-data.server';

/**
 * Build time only: the KPIs and coverage for the empty filter, so the overview's first chart, its
 * KPI cards and the coverage matrix render without DuckDB (and the prerender crawler finds every
 * document page through the matrix's links).
 */
export const load: PageServerLoad = async () => {
	const { kpis, coverage } = await getSnapshot();
	return { kpis, coverage };
};
