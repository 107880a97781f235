import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getCodeNames, getSnapshot } from '../build-data.server';

// Written to build/filter-options.json at build time (native DuckDB over the Parquet files).
export const prerender = true;

/**
 * What every page's filter bar needs — the values present in the data (to offer and to validate URL
 * filters) and the names of the function codes — as a static file, so the root layout's load is a
 * universal one: a page rendered in the browser from the fallback page (a document page) has no
 * build-time server data to fetch.
 */
export const GET: RequestHandler = async () => {
	const [snapshot, codeNames] = await Promise.all([getSnapshot(), getCodeNames()]);
	return json({ known: snapshot.known, codeNames });
};
