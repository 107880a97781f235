/**
 * extractFolderPacked (what the CLI runs): each document comes as its report and its rows encoded for
 * the writer, made where it was extracted — the same rows and report as the whole document gives,
 * with or without worker threads.
 */
import { describe, expect, it } from 'vitest';
import { reportOf, type DocumentReport } from '../../../scripts/lib/document-report';
import { extractFolder, extractFolderPacked } from '../../../scripts/lib/extract-folder';
import { isEncodedRows, numberLines, type EncodedRows } from '../../../scripts/lib/spool-lines';
import type { ContractRows } from '../../../src/lib/extract/index';
import { TABLES, TABLE_NAMES, type TableName } from '../../../src/lib/storage/schema';
import { join } from 'node:path';
import { RAW_DIR } from './seed-helpers';
import { spoolRows } from '../storage/spool-rows';

/** Every table's rows as parsed back from the lines (position dropped). */
function decoded(rows: EncodedRows): Record<string, unknown[]> {
	const out: Record<string, unknown[]> = {};
	for (const [table, t] of Object.entries(rows.tables)) {
		numberLines(t.lines, t.count, 0);
		out[table] = spoolRows(new TextDecoder().decode(t.lines), TABLES[table as TableName].columns).map(({ _seq, ...row }) => row);
	}
	return out;
}

const round = (rows: ContractRows): Record<string, unknown[]> =>
	Object.fromEntries(
		TABLE_NAMES.filter((t) => rows[t].length > 0).map((t) => [
			t,
			rows[t].map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v])))
		])
	);

/** Consecutive years of one unit: the folder ends with corpus checks of derived figures, one failed. */
const YEARS_DIR = join(import.meta.dirname, '../../fixtures/narrative-years/raw');

/** Every table's rows, each as JSON, sorted: what a writer sorting by doc_id is given, whatever the order of hand-over. */
const sortedRows = (batches: readonly Record<string, unknown[]>[]): Record<string, string[]> => {
	const out: Record<string, string[]> = {};
	for (const batch of batches) for (const [table, rows] of Object.entries(batch)) (out[table] ??= []).push(...rows.map((r) => JSON.stringify(r)));
	for (const rows of Object.values(out)) rows.sort();
	return out;
};

describe('extractFolderPacked', () => {
	it.each([
		['the seeds', RAW_DIR, 5, 0],
		['consecutive years (corpus checks from the documents’ facts)', YEARS_DIR, 5, 1]
	])('hands on the same rows and reports as the whole documents for %s, in one thread and in a worker', async (_, dir, documents, corpusBatches) => {
		const wholeRows: Record<string, unknown[]>[] = [];
		const wholeReports: DocumentReport[] = [];
		await extractFolder(dir, (rows, doc) => {
			wholeRows.push(round(rows));
			if (doc) wholeReports.push(reportOf(doc));
		});
		expect(wholeReports).toHaveLength(documents);
		const corpus = wholeRows.filter((rows) => !rows.documents && (rows.checks ?? []).some((c) => String((c as { rule: string }).rule).startsWith('narrative_derived.figure:')));
		expect(corpus).toHaveLength(corpusBatches);
		for (const jobs of [0, 1]) {
			const rows: Record<string, unknown[]>[] = [];
			const reports: DocumentReport[] = [];
			const revoked: string[] = [];
			await extractFolderPacked(
				dir,
				{
					rows: (r) => void rows.push(isEncodedRows(r) ? decoded(r) : round(r)),
					document: (report) => void reports.push(report),
					revoke: (ids) => void revoked.push(...ids)
				},
				{ jobs }
			);
			expect(revoked, `jobs ${jobs}`).toEqual([]);
			expect(reports, `jobs ${jobs}`).toEqual(wholeReports);
			expect(sortedRows(rows), `jobs ${jobs}`).toEqual(sortedRows(wholeRows));
		}
	}, 120_000);
});
