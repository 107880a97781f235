/**
 * What every briefing output (PNG, print header, workbook) needs from the page: the documents
 * behind the rows shown, the name of a filtered code, and a safe file name.
 */
import { page } from '$app/state';
import type { Filters, KnownValues } from '$lib/filters/model';
import type { DocumentRow, SourceHeadRow } from '$lib/queries';
import type { NameOrder } from '$lib/queries/name-order';
import { captionSources, captionSourcesQuery, sourceListQuery, sourcesOfRows, type CaptionSources, type SourceDoc } from '$lib/export/sources';
import { briefingCaption } from '$lib/export/caption';
import type { XlsxSheet } from '$lib/export/workbook';
import { duckdb } from './db.svelte';
import { downloadBytes } from './download';

/** The disclosures behind `rows` under `filters` (see {@link sourcesOfRows}). */
export async function loadSources(filters: Filters, rows: readonly unknown[]): Promise<SourceDoc[]> {
	const run = await duckdb();
	return sourcesOfRows(rows, await run<DocumentRow>(sourceListQuery(filters, rows)));
}

/** The reading order of names (the filter bar's, by pinyin), from the values every page is built with. */
export function readingOrder(): NameOrder | null {
	const known = (page.data as { known?: KnownValues }).known;
	return known ? { districts: known.districts, units: known.departments } : null;
}

/** What a caption names of the disclosures behind `rows`: the first `limit` and the count (see {@link captionSources}). */
export async function loadCaptionSources(filters: Filters, rows: readonly unknown[], limit: number): Promise<CaptionSources> {
	if (rows.length === 0) return { sources: [], total: 0 };
	const run = await duckdb();
	return captionSources(rows, await run<DocumentRow | SourceHeadRow>(captionSourcesQuery(filters, rows, readingOrder(), limit)), limit);
}

/** The printed name of a function code, from the names every page is built with. */
export function codeName(code: string): string | undefined {
	const names = (page.data as { codeNames?: Record<string, string> }).codeNames;
	return names?.[code];
}

/** Characters no file system accepts in a name, plus controls. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** `预决算透视-各类支出金额.png` */
export function briefingFileName(title: string, ext: 'png' | 'xlsx'): string {
	return `预决算透视-${title.replace(UNSAFE, '-')}.${ext}`;
}

export interface WorkbookRequest {
	/** The caption's title (说明). */
	title: string;
	sheets: XlsxSheet[];
	filters: Filters;
	/** The rows behind the sheets: their disclosures make the 来源文件 sheet. */
	rows: readonly unknown[];
	fileName: string;
	unit?: 'wan' | 'percent';
}

/**
 * Saves a briefing workbook: the sheets, then 来源文件 and 说明 (the caption as of now). ExcelJS is
 * loaded only now, never with the page.
 */
export async function saveWorkbook(r: WorkbookRequest): Promise<void> {
	const sources = await loadSources(r.filters, r.rows);
	const caption = briefingCaption({ title: r.title, filters: r.filters, sources, date: new Date(), unit: r.unit ?? 'wan', codeName });
	const { xlsxBytes, XLSX_TYPE } = await import('$lib/export/xlsx');
	downloadBytes(await xlsxBytes({ sheets: r.sheets, sources, caption }), r.fileName, XLSX_TYPE);
}
