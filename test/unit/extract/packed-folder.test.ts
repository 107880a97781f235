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

const columnNames = (table: TableName) => TABLES[table].columns.map((c) => c.name);

/** Every table's rows as parsed back from the lines (position dropped). */
function decoded(rows: EncodedRows): Record<string, unknown[]> {
	const out: Record<string, unknown[]> = {};
	for (const [table, t] of Object.entries(rows.tables)) {
		numberLines(t.lines, t.count, 0);
		out[table] = spoolRows(new TextDecoder().decode(t.lines), columnNames(table as TableName)).map(({ _seq, ...row }) => row);
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

describe('extractFolderPacked', () => {
	it.each([
		['the seeds', RAW_DIR, 5, 0],
		['consecutive years (corpus checks from the documents’ facts)', YEARS_DIR, 5, 1]
	])('hands on the same rows and report as the whole documents for %s, in one thread and in a worker', async (_, dir, documents, corpusBatches) => {
		const whole: { rows: Record<string, unknown[]>; report: DocumentReport | null }[] = [];
		await extractFolder(dir, (rows, doc) => {
			whole.push({ rows: round(rows), report: doc ? reportOf(doc) : null });
		});
		expect(whole.filter((w) => w.report).length).toBe(documents);
		const corpus = whole.filter((w) => !w.report && (w.rows.checks ?? []).some((c) => String((c as { rule: string }).rule).startsWith('narrative_derived.figure:')));
		expect(corpus).toHaveLength(corpusBatches);
		for (const jobs of [0, 1]) {
			const packed: typeof whole = [];
			await extractFolderPacked(
				dir,
				(rows, report) => {
					packed.push({ rows: isEncodedRows(rows) ? decoded(rows) : round(rows), report });
				},
				{ jobs }
			);
			expect(packed, `jobs ${jobs}`).toEqual(whole);
		}
	}, 120_000);
});
