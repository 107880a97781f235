/** What extraction produces for one document: the rows of each contract table, before writing. */
import type { CheckRecord } from './checks';
import type { Diagnostic } from './errors';
import type { DocumentKind, SummaryMeasure, ThreePublicItem } from '../storage/schema';
import type { Layout, SourceLine } from './layout';
import type { SourceFormat } from './source';
import type { DerivedFigure } from './narrative-derived';

export interface DocumentRecord {
	doc_id: string;
	source_file: string;
	district: string | null;
	department: string | null;
	year: number | null;
	kind: DocumentKind | null;
	title: string | null;
	department_kind: string | null;
	layout: Layout | 'narrative';
	/** 'district' (区/县/县级市), 'city' or 'province': the administrative level of the unit. */
	level: 'district' | 'city' | 'province' | null;
	source_format: SourceFormat;
	pages: number | null;
}

/** A table the extractor recognised, with the unit it was printed in. */
export interface SourceTableRow {
	table_kind: string;
	title: string;
	unit: string | null;
	/** Factor that turned the printed figures into 万元. */
	scale: number;
	unit_note: string | null;
	source_line: number;
}

export interface ClassRow {
	code: string;
	name: string;
	level: number;
	parent_code: string | null;
	source_line: number;
}

export interface FunctionRow extends ClassRow {
	total: number | null;
	basic: number | null;
	project: number | null;
}

export interface EconomicRow extends ClassRow {
	total: number | null;
	personnel: number | null;
	public: number | null;
}

export interface BreakdownRow extends ClassRow {
	scheme: 'department' | 'government';
	scope: 'basic' | 'project';
	total: number | null;
}

export interface ThreePublicRow {
	item: ThreePublicItem;
	budget: number | null;
	actual: number | null;
	source_line: number;
}

export interface SummaryRow {
	measure: SummaryMeasure;
	value: number;
	source: 'table' | 'narrative';
	source_line: number;
}

export interface ExtractedDocument {
	document: DocumentRecord;
	functionRows: FunctionRow[];
	economicRows: EconomicRow[];
	breakdownRows: BreakdownRow[];
	threePublic: ThreePublicRow[];
	summary: SummaryRow[];
	sourceTables: SourceTableRow[];
	checks: CheckRecord[];
	diagnostics: Diagnostic[];
	/** Figures the prose implies (prior year, 年初预算) — narrative-derived.ts; absent on hand-built documents. */
	narrativeFigures?: DerivedFigure[];
	/** The lines read, kept only where a line number is not the file's own (PDF pages, HTML, two files). */
	pagedLines: SourceLine[] | null;
}
