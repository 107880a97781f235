/**
 * The data contract: the Parquet tables `npm run extract` writes to `static/data/` and that
 * everything else (the dashboard, tests, outside tools) reads. Column names and types here are the
 * single source of truth for the Parquet writer, the browser loader and the query builders.
 *
 * Tables and columns marked "extension" are this project's additions to ../shared/data-contract.md
 * (documented in README.md); nothing listed there is renamed or dropped.
 */

/** `VARCHAR[]` (a list of strings) occurs only in the pre-aggregated `code_names`. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR[]';

export interface ColumnSpec {
	readonly name: string;
	readonly type: ColumnType;
}

export interface TableSpec {
	readonly name: TableName | PreAggregatedName;
	readonly file: string;
	readonly columns: readonly ColumnSpec[];
}

/** A column spec that keeps its literal name and type, so row types can be derived (rows.ts). */
const col = <const N extends string, const T extends ColumnType>(name: N, type: T): { readonly name: N; readonly type: T } => ({ name, type });

export const TABLES = {
	documents: {
		name: 'documents',
		file: 'documents.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('source_file', 'VARCHAR'),
			col('district', 'VARCHAR'),
			col('department', 'VARCHAR'),
			col('year', 'INTEGER'),
			col('kind', 'VARCHAR'),
			col('title', 'VARCHAR'),
			// extension: the department without its district, e.g. 政务服务管理办公室 — what /compare groups by
			col('department_kind', 'VARCHAR'),
			// extension: which layout the extractor recognised (tabs, spaces, cell-per-line, narrative)
			col('layout', 'VARCHAR'),
			// extension: the administrative level of the unit: 'district' (区/县/县级市), 'city', 'province'
			col('level', 'VARCHAR'),
			// extension: what the source file was: 'text', 'pdf' or 'html'
			col('source_format', 'VARCHAR'),
			// extension: page count of a PDF (NULL for text and web pages)
			col('pages', 'INTEGER')
		]
	},
	function_expenditure: {
		name: 'function_expenditure',
		file: 'function_expenditure.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('code', 'VARCHAR'),
			col('name', 'VARCHAR'),
			col('level', 'INTEGER'),
			col('parent_code', 'VARCHAR'),
			col('total', 'DOUBLE'),
			col('basic', 'DOUBLE'),
			col('project', 'DOUBLE'),
			col('source_line', 'INTEGER'),
			// extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
			col('source_page', 'INTEGER'),
			// extension: the file source_line is in (a disclosure published as two files is one document)
			col('source_file', 'VARCHAR')
		]
	},
	economic_expenditure: {
		name: 'economic_expenditure',
		file: 'economic_expenditure.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('code', 'VARCHAR'),
			col('name', 'VARCHAR'),
			col('level', 'INTEGER'),
			col('parent_code', 'VARCHAR'),
			col('total', 'DOUBLE'),
			col('personnel', 'DOUBLE'),
			col('public', 'DOUBLE'),
			col('source_line', 'INTEGER'),
			// extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
			col('source_page', 'INTEGER'),
			// extension: the file source_line is in (a disclosure published as two files is one document)
			col('source_file', 'VARCHAR')
		]
	},
	three_public: {
		name: 'three_public',
		file: 'three_public.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('item', 'VARCHAR'),
			col('budget', 'DOUBLE'),
			col('actual', 'DOUBLE'),
			col('source_line', 'INTEGER'),
			// extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
			col('source_page', 'INTEGER'),
			// extension: the file source_line is in (a disclosure published as two files is one document)
			col('source_file', 'VARCHAR')
		]
	},
	summary: {
		name: 'summary',
		file: 'summary.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('measure', 'VARCHAR'),
			col('value', 'DOUBLE'),
			col('source', 'VARCHAR'),
			col('source_line', 'INTEGER'),
			// extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
			col('source_page', 'INTEGER'),
			// extension: the file source_line is in (a disclosure published as two files is one document)
			col('source_file', 'VARCHAR')
		]
	},
	checks: {
		name: 'checks',
		file: 'checks.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('rule', 'VARCHAR'),
			col('expected', 'DOUBLE'),
			col('actual', 'DOUBLE'),
			col('ok', 'BOOLEAN'),
			// extension: a sentence in Chinese saying what was compared, and where
			col('detail', 'VARCHAR'),
			// extension: the line of the figure the check is about (NULL for whole-table checks)
			col('source_line', 'INTEGER'),
			// extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
			col('source_page', 'INTEGER'),
			// extension: the file source_line is in (a disclosure published as two files is one document)
			col('source_file', 'VARCHAR')
		]
	},
	// extension: economic-classification tables other than 基本支出 by 部门经济分类 — the 政府预算支出
	// 经济分类 (50x) and 项目支出 by economic classification. Kept apart so that summing
	// economic_expenditure never double counts.
	economic_breakdown: {
		name: 'economic_breakdown',
		file: 'economic_breakdown.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('scheme', 'VARCHAR'), // 'department' (30x) | 'government' (50x)
			col('scope', 'VARCHAR'), // 'basic' | 'project'
			col('code', 'VARCHAR'),
			col('name', 'VARCHAR'),
			col('level', 'INTEGER'),
			col('parent_code', 'VARCHAR'),
			col('total', 'DOUBLE'),
			col('source_line', 'INTEGER'),
			// extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
			col('source_page', 'INTEGER'),
			// extension: the file source_line is in (a disclosure published as two files is one document)
			col('source_file', 'VARCHAR')
		]
	},
	// extension: every table the extractor recognised in a document, with the unit it was printed in
	// (amounts everywhere else are already converted to 万元 by `scale`), for traceability.
	source_tables: {
		name: 'source_tables',
		file: 'source_tables.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('table_kind', 'VARCHAR'), // 'function' | 'economic_basic' | 'three_public' | 'summary' | … | 'skipped'
			col('title', 'VARCHAR'),
			col('unit', 'VARCHAR'), // as printed: '元' | '千元' | '万元' | '亿元'; NULL when the table states none
			col('scale', 'DOUBLE'), // factor that turned the printed figures into 万元 (0.0001 for 元)
			col('unit_note', 'VARCHAR'), // how the unit was decided, e.g. '表头' | '文档默认' | '按数量级推断（待核）'
			col('source_line', 'INTEGER'),
			// extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
			col('source_page', 'INTEGER'),
			// extension: the file source_line is in (a disclosure published as two files is one document)
			col('source_file', 'VARCHAR')
		]
	},
	// extension: figures the prose implies but does not print — the prior year's (上年决算数/预算数)
	// or the year's 年初预算数, derived from a stated figure and its stated change. Kept apart from
	// what tables print, so a derived point is always marked as derived.
	narrative_figures: {
		name: 'narrative_figures',
		file: 'narrative_figures.parquet',
		columns: [
			col('doc_id', 'VARCHAR'), // the disclosure whose prose states it
			col('measure', 'VARCHAR'), // a summary.measure, general_budget_income|expenditure, three_public.<item>, function.<code>
			// the year and kind ('final' | 'budget') of the implied figure — named apart from
			// documents.year/kind (the disclosure's), which every view joins beside them
			col('figure_year', 'INTEGER'),
			col('figure_kind', 'VARCHAR'),
			col('relation', 'VARCHAR'), // 'prior_year' | 'initial_budget'
			col('value', 'DOUBLE'), // the derived figure, 万元
			col('current_value', 'DOUBLE'), // the figure the sentence states for the document's year
			col('stated_change', 'DOUBLE'), // signed, 万元 (0 for 持平)
			col('stated_percent', 'DOUBLE'), // signed %, NULL when none is printed
			col('stated_points', 'DOUBLE'), // signed 个百分点 when the sentence gives points instead of %
			col('reason', 'VARCHAR'), // the 主要原因是… / 主要是… / 主要用于… clause after the change, as printed
			col('reason_line', 'INTEGER'),
			col('reason_page', 'INTEGER'),
			col('source_line', 'INTEGER'), // the line of the stated change
			col('source_page', 'INTEGER'),
			col('source_file', 'VARCHAR')
		]
	},
	// extension: everything the extractor noticed but could not use — unplaced figures, skipped
	// tables, unreadable files — so nothing is dropped silently.
	diagnostics: {
		name: 'diagnostics',
		file: 'diagnostics.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('source_file', 'VARCHAR'),
			col('severity', 'VARCHAR'), // 'error' | 'warning' | 'info'
			col('stage', 'VARCHAR'),
			col('source_line', 'INTEGER'),
			// extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
			col('source_page', 'INTEGER'),
			col('message', 'VARCHAR')
		]
	}
} as const satisfies Record<string, Omit<TableSpec, 'name'> & { name: string }>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/**
 * Extension: small tables computed from the contract tables when the Parquet is written (the
 * extractor's writer, scripts/lib/pre-aggregate.ts), by the statements the views' queries are built
 * on (src/lib/db/derived.ts): what the first views read, so a browser answers them without loading
 * or joining the detail rows. Never edited by hand; rewritten with every extraction.
 */
export const PRE_AGGREGATED = {
	// one row per document: its headline figures and its place in its unit's latest-first order
	// (queries/figures.ts, documentFiguresTableSql); `district` carries the place label of a unit
	// without one (queries/places.ts), as every view shows it
	document_figures: {
		name: 'document_figures',
		file: 'document_figures.parquet',
		columns: [
			col('doc_id', 'VARCHAR'),
			col('district', 'VARCHAR'),
			col('department', 'VARCHAR'),
			col('department_kind', 'VARCHAR'),
			col('unit', 'VARCHAR'), // department_kind, else the department as printed
			col('year', 'INTEGER'),
			col('kind', 'VARCHAR'),
			col('total', 'DOUBLE'),
			col('basic', 'DOUBLE'),
			col('project', 'DOUBLE'),
			col('personnel', 'DOUBLE'),
			col('public', 'DOUBLE'),
			col('three_public', 'DOUBLE'),
			col('outbound', 'DOUBLE'),
			col('vehicle', 'DOUBLE'),
			col('reception', 'DOUBLE'),
			col('newer_year', 'INTEGER'), // the year of the unit's next newer disclosure of the kind (NULL: the latest)
			col('newer_year_named', 'INTEGER') // the same among disclosures with a department_kind
		]
	},
	// per classification scheme and code: the spelling most documents print, the others as aliases
	// (queries/classification.ts, codeNamesTableSql)
	code_names: {
		name: 'code_names',
		file: 'code_names.parquet',
		columns: [col('scheme', 'VARCHAR'), col('code', 'VARCHAR'), col('name', 'VARCHAR'), col('aliases', 'VARCHAR[]')]
	}
} as const satisfies Record<string, Omit<TableSpec, 'name'> & { name: string }>;

export type PreAggregatedName = keyof typeof PRE_AGGREGATED;
export const PRE_AGGREGATED_NAMES = Object.keys(PRE_AGGREGATED) as PreAggregatedName[];

/** A table a browser or engine loads from Parquet: a contract table or a pre-aggregated one. */
export type LoadableName = TableName | PreAggregatedName;

/** The spec of any loadable table. */
export function specOf(name: LoadableName): TableSpec {
	return name in PRE_AGGREGATED ? PRE_AGGREGATED[name as PreAggregatedName] : TABLES[name as TableName];
}

/**
 * A row of any table, loosely: column name → value (null for SQL NULL). Prefer `RowOf<'table'>`
 * (rows.ts), which knows the columns.
 */
export type Row = Record<string, string | number | boolean | null>;

export type DocumentKind = 'budget' | 'final';

export type ThreePublicItem =
	| 'total'
	| 'outbound'
	| 'vehicle'
	| 'vehicle_purchase'
	| 'vehicle_operation'
	| 'reception';

export type SummaryMeasure =
	| 'income_total'
	| 'expenditure_total'
	| 'basic'
	| 'project'
	| 'personnel'
	| 'public'
	| 'operating_cost'
	| 'procurement_total'
	| 'procurement_goods'
	| 'procurement_works'
	| 'procurement_services';
