/**
 * One document's rows (storage/document-reader.ts) shaped for the document page: each table in the
 * order the page lists it and each row with `source_part`. The same result as the SQL in
 * $lib/queries/document.ts (documentQueries), re-expressed over rows so the page needs no DuckDB.
 * Pure.
 */
import { compareCodePoints, type DocumentRows } from '$lib/storage/document-reader';
import type { RowOf } from '$lib/storage/rows';
import type { TableName } from '$lib/storage/schema';

/**
 * A row as the page shows it: the table's columns but doc_id, and `source_part` — the row's file
 * where the document was read from two files (narrative + tables), so a line says which file it
 * is in; null otherwise.
 */
export type PageRow<N extends TableName> = Omit<RowOf<N>, 'doc_id'> & { source_part: string | null };

/** Everything the document page shows. */
export interface DocumentDetail {
	document: RowOf<'documents'>;
	function: PageRow<'function_expenditure'>[];
	economic: PageRow<'economic_expenditure'>[];
	economicBreakdown: PageRow<'economic_breakdown'>[];
	threePublic: PageRow<'three_public'>[];
	summary: PageRow<'summary'>[];
	checks: PageRow<'checks'>[];
	diagnostics: PageRow<'diagnostics'>[];
	/** Figures the prose implies (上年 / 年初预算数), in source order. */
	narrativeFigures: PageRow<'narrative_figures'>[];
}

type Cmp<T> = (a: T, b: T) => number;

/** Text as SQL orders VARCHAR (by code point), NULL last. */
const text =
	<T>(key: (r: T) => string | null): Cmp<T> =>
	(a, b) => {
		const [x, y] = [key(a), key(b)];
		return x === null || y === null ? (x === null ? 1 : 0) - (y === null ? 1 : 0) : compareCodePoints(x, y);
	};

/** Numbers (and false < true) ascending, NULL last. */
const num =
	<T>(key: (r: T) => number | boolean | null): Cmp<T> =>
	(a, b) => {
		const [x, y] = [key(a), key(b)];
		return x === null || y === null ? (x === null ? 1 : 0) - (y === null ? 1 : 0) : Number(x) - Number(y);
	};

/** A stable sort by several keys: ties keep file order, which is the order the extractor wrote. */
function sorted<T>(rows: readonly T[], ...keys: Cmp<T>[]): T[] {
	return [...rows].sort((a, b) => {
		for (const k of keys) {
			const d = k(a, b);
			if (d !== 0) return d;
		}
		return 0;
	});
}

/** Drops doc_id and adds `source_part`: the row's file when it differs from the document's. */
function pageRows<N extends TableName>(rows: readonly RowOf<N>[], documentFile: string | null): PageRow<N>[] {
	return rows.map((row) => {
		const { doc_id: _doc, ...rest } = row as RowOf<N> & { doc_id: unknown; source_file?: string | null };
		const file = (row as { source_file?: string | null }).source_file ?? null;
		return { ...rest, source_part: file !== documentFile ? file : null } as PageRow<N>;
	});
}

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1 };

/** The page's content from the document's rows; null without its documents row. */
export function documentDetail(rows: DocumentRows): DocumentDetail | null {
	const document = rows.documents[0];
	if (!document) return null;
	const file = document.source_file;
	const code = text<{ code: string | null }>((r) => r.code);
	const line = num<{ source_line: number | null }>((r) => r.source_line);
	return {
		document,
		function: sorted(pageRows(rows.function_expenditure, file), code),
		economic: sorted(pageRows(rows.economic_expenditure, file), code),
		economicBreakdown: sorted(
			pageRows(rows.economic_breakdown, file),
			text((r) => r.scheme),
			text((r) => r.scope),
			code
		),
		threePublic: sorted(pageRows(rows.three_public, file), line, text((r) => r.item)),
		summary: sorted(pageRows(rows.summary, file), line, text((r) => r.measure)),
		// failed first (false < true)
		checks: sorted(pageRows(rows.checks, file), num((r) => r.ok), line, text((r) => r.rule)),
		diagnostics: sorted(
			pageRows(rows.diagnostics, file),
			num((r) => (r.severity === null ? 2 : (SEVERITY_RANK[r.severity] ?? 2))),
			line,
			text((r) => r.message)
		),
		narrativeFigures: sorted(
			pageRows(rows.narrative_figures, file),
			line,
			text((r) => r.measure),
			text((r) => r.relation)
		)
	};
}
