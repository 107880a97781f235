/**
 * The build-time snapshot: figures for the first view, computed from `static/data/*.parquet` with
 * native DuckDB by the same query builders the browser runs, so `/` renders before DuckDB-WASM has
 * started. Node only (used at build time by routes/build-data.server.ts).
 */
import { EMPTY_FILTERS, type KnownValues } from '$lib/filters/model';
import {
	coverageQuery,
	documentsListQuery,
	knownValuesQuery,
	kpiQuery,
	toKnownValues,
	yearStackQuery,
	type CoverageRow,
	type DocumentRow,
	type KnownValueRow,
	type KpiRow,
	type YearStackRow
} from '$lib/queries';
import { VIEW_TABLES } from '$lib/db/corpus-file';
import { openNodeDb, type NodeDb } from './duckdb-node';

/** Plain, JSON-serialisable data for the unfiltered first view. */
export interface Snapshot {
	/** Every document (the unfiltered documents list). */
	documents: DocumentRow[];
	/** Values present in the data, for validating URL filters (`parseFilters(params, known)`). */
	known: KnownValues;
	/** KPIs for the empty filter: one row per kind (budget, final). */
	kpis: KpiRow[];
	/** Coverage rows for the empty filter; group them with `groupCoverage`. */
	coverage: CoverageRow[];
	/**
	 * The overview's spending by year for the empty filter (`yearStackQuery`): the chart is drawn
	 * at hydration, not when DuckDB is ready — at a whole city its first draw there was the longest
	 * main-thread task of the page, run while the browser compiles DuckDB's hot code on the cores.
	 */
	yearStack: YearStackRow[];
}

/**
 * Reads the contract's Parquet files in `dataDir` and computes the {@link Snapshot}. Rejects,
 * naming the file, when a file is missing or unreadable — a build without data should fail loudly.
 * With `opened`, queries that database (left open) instead of loading the files again.
 */
export async function loadSnapshot(dataDir: string, opened?: NodeDb): Promise<Snapshot> {
	// the tables the views query, as the browser has them (not checks, diagnostics, …)
	const db = opened ?? (await openNodeDb(dataDir, VIEW_TABLES));
	try {
		const [documents, knownRows, kpis, coverage, yearStack] = await Promise.all([
			db.client.query<DocumentRow>(documentsListQuery(EMPTY_FILTERS)),
			db.client.query<KnownValueRow>(knownValuesQuery()),
			db.client.query<KpiRow>(kpiQuery(EMPTY_FILTERS)),
			db.client.query<CoverageRow>(coverageQuery(EMPTY_FILTERS)),
			db.client.query<YearStackRow>(yearStackQuery(EMPTY_FILTERS))
		]);
		return { documents, known: toKnownValues(knownRows), kpis, coverage, yearStack };
	} finally {
		if (!opened) db.close();
	}
}
