import type { PageServerLoad } from './$types';
import { buildSplitByKindOption } from '$lib/charts/overview';
import { stillChartUrl } from '$lib/server/still-chart';
import { getSnapshot } from './build-data.server';

/**
 * The split chart's box on a common desktop (a 1280 px window: the grid's half width, the
 * ChartFrame height on this page); on other widths the still scales, keeping its proportions.
 */
const SPLIT_STILL = { width: 582, height: 240 };

/**
 * Build time only: the KPIs, spending by year and coverage for the empty filter, so the overview's
 * charts, its KPI cards and the coverage matrix (counts only) render without DuckDB — and the first
 * chart also as a still picture, shown from the first paint until the live chart is drawn. Document
 * pages do not depend on the matrix: their route lists every doc_id itself.
 */
export const load: PageServerLoad = async () => {
	const { kpis, coverage, yearStack } = await getSnapshot();
	return { kpis, coverage, yearStack, splitStill: stillChartUrl(buildSplitByKindOption(kpis), SPLIT_STILL) };
};
