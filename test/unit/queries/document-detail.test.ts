/**
 * The document page's content, now read in the browser from one document's rows
 * (storage/document-reader.ts → routes/documents/[doc_id]/detail.ts), is what the page showed when it
 * was prerendered from SQL (documentQueries on native DuckDB): same rows, same order, same
 * `source_part`. Over the seeds' fresh extract, and over synthetic rows for the orderings and the
 * two-file case the seeds do not have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AsyncBuffer } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentQueries } from '../../../src/lib/queries';
import { openNodeDb, type NodeDb } from '../../../src/lib/server/duckdb-node';
import { readDocument, type DocumentRows } from '../../../src/lib/storage/document-reader';
import type { RowOf } from '../../../src/lib/storage/rows';
import { documentDetail, type DocumentDetail } from '../../../src/routes/documents/[doc_id]/detail';
import { extractedDataDir } from '../../helpers/extracted-data';

let dir: string;
let native: NodeDb;

beforeAll(async () => {
	dir = await extractedDataDir();
	native = await openNodeDb(dir);
}, 120_000);

afterAll(() => native?.close());

const fileOf = (name: string): AsyncBuffer => {
	const buf = readFileSync(join(dir, name));
	return { byteLength: buf.byteLength, slice: (s, e) => buf.buffer.slice(buf.byteOffset + s, buf.byteOffset + (e ?? buf.byteLength)) as ArrayBuffer };
};

/** What the prerendered page showed: the document queries' rows, each keyed as the page reads them. */
async function fromSql(docId: string): Promise<Record<string, Record<string, unknown>[]>> {
	const q = documentQueries(docId);
	const keys = ['document', 'function', 'economic', 'economicBreakdown', 'threePublic', 'summary', 'checks', 'diagnostics'] as const;
	const out: Record<string, Record<string, unknown>[]> = {};
	for (const k of keys) out[k] = await native.client.query<Record<string, unknown>>(q[k]);
	return out;
}

/** The same fields of the rows the page now gets (the document row has more columns: compare those SQL selected). */
function pick(detail: DocumentDetail, like: Record<string, Record<string, unknown>[]>): Record<string, Record<string, unknown>[]> {
	const out: Record<string, Record<string, unknown>[]> = {};
	for (const [k, sqlRows] of Object.entries(like)) {
		const rows = (k === 'document' ? [detail.document] : detail[k as Exclude<keyof DocumentDetail, 'document'>]) as Record<string, unknown>[];
		const cols = Object.keys(sqlRows[0] ?? rows[0] ?? {});
		out[k] = rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c]])));
	}
	return out;
}

describe('the document page over the seeds', () => {
	it('shows for every document exactly the rows, order and source_part the SQL gave', async () => {
		const ids = (await native.client.query<{ doc_id: string }>({ sql: 'SELECT doc_id FROM documents ORDER BY doc_id', params: [] })).map((r) => r.doc_id);
		expect(ids.length).toBeGreaterThan(0);
		for (const id of ids) {
			const rows = await readDocument(id, async (f) => fileOf(f));
			const detail = documentDetail(rows as DocumentRows);
			expect(detail).not.toBeNull();
			const expected = await fromSql(id);
			expect(expected.checks?.length).toBeGreaterThan(0);
			expect(pick(detail as DocumentDetail, expected)).toEqual(expected);
		}
	}, 60_000);

	it('has no document for an unknown id', async () => {
		expect(await readDocument('000000000000', async (f) => fileOf(f))).toBeNull();
	});
});

describe('documentDetail', () => {
	const doc: RowOf<'documents'> = {
		doc_id: 'x', source_file: 'n.txt + t.txt', district: '某区', department: '某部门', year: 2024, kind: 'budget', title: 'T',
		department_kind: '某部门', layout: 'tabs', level: 'district', source_format: 'text', pages: null
	};
	const check = (rule: string, ok: boolean, line: number | null, file: string | null): RowOf<'checks'> => ({
		doc_id: 'x', rule, expected: 1, actual: 1, ok, detail: null, source_line: line, source_page: null, source_file: file
	});
	const diag = (severity: string, line: number | null, message: string): RowOf<'diagnostics'> => ({
		doc_id: 'x', source_file: 'n.txt + t.txt', severity, stage: 'tables', source_line: line, source_page: null, message
	});
	const empty: DocumentRows = {
		documents: [doc], function_expenditure: [], economic_expenditure: [], economic_breakdown: [], three_public: [], summary: [], checks: [], diagnostics: [], narrative_figures: []
	};

	it('lists failed checks first, then by line (none last) and rule; names the file of a two-file document’s line', () => {
		const d = documentDetail({
			...empty,
			checks: [check('b', true, 3, 't.txt'), check('a', true, null, 'n.txt'), check('c', false, 9, 'n.txt + t.txt'), check('a', true, 3, 't.txt'), check('z', false, 1, null)]
		}) as DocumentDetail;
		expect(d.checks.map((c) => [c.rule, c.ok, c.source_line, c.source_part])).toEqual([
			['z', false, 1, null],
			['c', false, 9, null],
			['a', true, 3, 't.txt'],
			['b', true, 3, 't.txt'],
			['a', true, null, 'n.txt']
		]);
		expect(d.checks.every((c) => !('doc_id' in c))).toBe(true);
	});

	it('lists errors, then warnings, then the rest, each by line and message', () => {
		const d = documentDetail({ ...empty, diagnostics: [diag('info', 1, 'i'), diag('warning', null, 'w2'), diag('error', 5, 'e'), diag('warning', 2, 'w1')] }) as DocumentDetail;
		expect(d.diagnostics.map((x) => x.message)).toEqual(['e', 'w1', 'w2', 'i']);
	});

	it('is null without the documents row', () => {
		expect(documentDetail({ ...empty, documents: [] })).toBeNull();
	});
});
