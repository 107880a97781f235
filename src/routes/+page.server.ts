import type { PageServerLoad } from './$types';
import { getSnapshot } from './build-data.server';

/**
 * Build time only: the KPIs and coverage for the empty filter, so the overview's first chart, its
 * KPI cards and the coverage matrix (counts only) render without DuckDB. Document pages do not
 * depend on the matrix: their route lists every doc_id itself.
 */
export const load: PageServerLoad = async () => {
	const { kpis, coverage } = await getSnapshot();
	return { kpis, coverage };
};
