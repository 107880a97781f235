/**
 * One disclosure, end to end: source (decode text / read PDF / read HTML) → lines and layout →
 * metadata → table segments → tables → narrative → reconciliations. Pure (no Node APIs), so the
 * browser can run it too.
 */
import type { CheckRecord } from './checks';
import { isNumberCell, toHalfWidth } from './amount';
import { decodeDisclosure, type Utf8Decoder } from './decode';
import { ExtractError, type Diagnostic } from './errors';
import { flatMap } from './flat-map';
import { narrativeFunctionRows, summaryRows, tableTotals, threePublicRows } from './headline';
import { assembleRows, splitLines, type Layout, type SourceLine } from './layout';
import { departmentKind, readMetadata, type DocumentMetadata } from './metadata';
import { joinNarrative, readNarrative, type NarrativeFigures } from './narrative';
import { readDerivedFigures } from './narrative-derived';
import { derivedPercentChecks, derivedTableChecks } from './narrative-derived-checks';
import { readTables, type TableOutputs, type TableSegment } from './read-tables';
import { crossChecks } from './reconcile';
import { hasDisclosureTables, hasTitledFigures, metadataDiagnostics, tableCompleteness } from './completeness';
import { findSegments, type Segment } from './segments';
import { classifyTitle } from './table-kind';
import { inferUnits } from './unit-magnitude';
import { withStatedUnits } from './units';
import { needsRefs, type SourceText } from './source';
import { sourceLayout } from './text-positions';
import type { ExtractedDocument, SourceTableRow } from './types';
import { firstDisclosureOnly } from './several-disclosures';
import { csvToTabLines, looksLikeCsv } from './csv-lines';

export interface ExtractOptions {
	/** Metadata that overrides what the text says (data/raw/manifest.csv). */
	override?: Partial<DocumentMetadata>;
}

/** Extracts one plain-text disclosure; throws ExtractError when it is not a readable disclosure. */
export function extractDocument(file: string, bytes: Uint8Array, docId: string, options: ExtractOptions = {}): ExtractedDocument {
	return extractSource(file, firstDisclosureOnly(readTextSource(file, bytes)), docId, options);
}

/** Decodes a text file into source lines (the layout is detected later, from the text). */
export function readTextSource(file: string, bytes: Uint8Array, utf8?: Utf8Decoder): SourceText {
	const { text, diagnostics } = decodeDisclosure(file, bytes, utf8);
	const lines = splitLines(text);
	// A CSV export's rows become tab-separated lines (its line breaks in quoted cells traced back).
	return { format: 'text', lines: looksLikeCsv(lines) ? csvToTabLines(lines) : lines, layout: null, pages: null, diagnostics };
}

/** Extracts one disclosure from the lines its reader produced. */
export function extractSource(file: string, source: SourceText, docId: string, options: ExtractOptions = {}): ExtractedDocument {
	const { lines, layout } = sourceLayout(source);
	const meta = { ...readMetadata(lines), ...definedOnly(options.override ?? {}) };
	const stated = classifySegments(findSegments(lines), layout, lines);
	const narrativeLines = proseLines(lines, stated);
	// Joined once: the stated and the derived figures are read from the same text.
	const joinedNarrative = joinNarrative(narrativeLines);
	const narrative = readNarrative(narrativeLines, meta.kind === 'final', joinedNarrative);
	const { tables, checks: unitChecks } = inferUnits(stated, narrative);
	const diagnostics: Diagnostic[] = [...source.diagnostics];
	const out = readTables(tables, narrative, diagnostics);
	const structured = hasDisclosureTables(out);
	if (out.functionRows.length === 0 && out.functionTable === null) out.functionRows.push(...narrativeFunctionRows(narrative));
	if (!structured && !hasTitledFigures(meta, narrative, vouched(options))) {
		throw new ExtractError(file, 'metadata', null, '不是部门预算或决算公开文件：没有标准公开表或分类编码行，也没有带金额的预决算公开标题 (not a disclosure)');
	}
	diagnostics.push(...metadataDiagnostics(meta, lines.length));
	const summary = summaryRows(out.summaryTable, { ...tableTotals(out), ...out.measures }, narrative);
	const threePublic = threePublicRows(out.threePublic, narrative, meta.kind);
	const narrativeFigures = readDerivedFigures(narrativeLines, meta.year, meta.kind, joinedNarrative);
	const checks = allChecks(unitChecks, out.checks, crossChecks({ out, summary, narrative, threePublic, kind: meta.kind }), derivedPercentChecks(narrativeFigures), derivedTableChecks(narrativeFigures, out.threePublic ? threePublic : []));
	return {
		document: documentRecord(docId, file, meta, hasTables(tables) ? layout : 'narrative', source),
		functionRows: out.functionRows,
		economicRows: out.economicRows,
		breakdownRows: out.breakdownRows,
		threePublic,
		summary,
		sourceTables: sourceTableRows(tables),
		checks,
		narrativeFigures,
		diagnostics: allDiagnostics(diagnostics, tableCompleteness(tables, lines, checks), skippedDiagnostics(tables), failedCheckDiagnostics(checks)),
		pagedLines: needsRefs(lines) ? lines : null
	};
}

// The steps below are functions of their own rather than expressions in extractSource: V8
// re-optimises a function when an array of a kind it has not met arrives (a document without
// tables, an empty list of checks), and recompiling a small one costs a fraction of extractSource.

/** The lines outside the tables read: the narrative. */
function proseLines(lines: readonly SourceLine[], stated: readonly TableSegment[]): SourceLine[] {
	return linesOutside(lines, stated.filter((t) => t.kind !== 'skipped').map((t) => t.segment));
}

function hasTables(tables: readonly TableSegment[]): boolean {
	return tables.some((t) => t.kind !== 'skipped');
}

/** The document's checks, in the order of its stages. */
function allChecks(...stages: readonly (readonly CheckRecord[])[]): CheckRecord[] {
	return flatMap(stages, (stage) => stage);
}

/** The document's diagnostics, in the order of its stages. */
function allDiagnostics(...stages: readonly (readonly Diagnostic[])[]): Diagnostic[] {
	return flatMap(stages, (stage) => stage);
}

function definedOnly<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}

/** Titled segments with their kind, rows and the unit they (or the document) state. */
function classifySegments(segments: readonly Segment[], layout: Layout, lines: readonly SourceLine[]): TableSegment[] {
	const tables = segments
		.filter((s) => s.title !== null)
		.map((segment) => ({ segment, kind: classifyTitle(segment.title as string).kind, rows: assembleRows(segment.lines, layout) }))
		// An unrecognised title over no figure (第二部分 …预算表 / 具体公开表样附后) is not a table.
		.filter((t) => t.kind !== 'skipped' || t.rows.some((r) => r.cells.some((c) => isNumberCell(c.text))));
	return withStatedUnits(tables, lines);
}

function linesOutside(lines: readonly SourceLine[], segments: readonly Segment[]): SourceLine[] {
	// One mark per line number instead of testing every segment per line (lines × segments).
	const last = lines.reduce((m, l) => Math.max(m, l.no), 0);
	const inside = new Uint8Array(last + 1);
	for (const s of segments) inside.fill(1, Math.max(0, s.start), Math.min(last, s.end) + 1);
	return lines.filter((l) => inside[l.no] === 0);
}

/** manifest.csv gives the year and kind: a person has said what the text is. */
function vouched(options: ExtractOptions): boolean {
	return Boolean(options.override?.year && options.override?.kind);
}

function documentRecord(docId: string, file: string, meta: DocumentMetadata, layout: ExtractedDocument['document']['layout'], source: SourceText): ExtractedDocument['document'] {
	const kindWord = meta.kind === 'final' ? '部门决算' : meta.kind === 'budget' ? '部门预算' : '';
	const composed = [meta.department, meta.year ? `${meta.year}年${meta.kind === 'final' ? '度' : ''}` : '', kindWord].filter(Boolean).join('');
	return {
		doc_id: docId,
		source_file: file,
		district: meta.district,
		department: meta.department,
		year: meta.year,
		kind: meta.kind,
		title: meta.title ?? (composed || null),
		department_kind: departmentKind(meta.department, meta.district),
		layout,
		level: meta.level ?? (meta.district ? 'district' : null),
		source_format: source.format,
		pages: source.pages
	};
}

/** Every recognised table with its unit (units are converted by the table readers). */
function sourceTableRows(tables: readonly TableSegment[]): SourceTableRow[] {
	return tables.map((t) => ({
		table_kind: t.kind,
		title: t.segment.title as string,
		unit: t.unit?.printed ?? null,
		scale: t.unit?.scale ?? 1,
		unit_note: t.unit?.note ?? null,
		source_line: t.segment.titleLine ?? t.segment.start
	}));
}

function skippedDiagnostics(tables: readonly TableSegment[]): Diagnostic[] {
	return tables
		.filter((t) => t.kind === 'skipped' && t.rows.some((r) => r.cells.some((c) => endsInDecimals(c.text))))
		.map((t) => ({ severity: 'info', stage: 'tables', line: t.segment.titleLine, message: `未提取“${t.segment.title}”：${classifyTitle(t.segment.title as string).reason}` }));
}

const DECIMALS_AT_END = /\d\.\d\d$/;

/**
 * Whether a cell ends in a figure with two decimals (ASCII or full-width digits). A cell not ending
 * in a digit is settled on its last character: the unanchored regex tried every position of it
 * (a skipped segment's cells may be whole lines of prose). toHalfWidth maps one character to one,
 * so the last character of the cell decides the last of its half-width form.
 */
function endsInDecimals(text: string): boolean {
	const last = text.charCodeAt(text.length - 1);
	if (!((last >= 0x30 && last <= 0x39) || (last >= 0xff10 && last <= 0xff19))) return false;
	return DECIMALS_AT_END.test(toHalfWidth(text));
}

function failedCheckDiagnostics(checks: readonly CheckRecord[]): Diagnostic[] {
	return checks.filter((c) => !c.ok).map((c) => ({ severity: 'warning', stage: 'check', line: c.line, message: `核对未通过 ${c.rule}：应为 ${c.expected ?? '—'}，实为 ${c.actual ?? '—'}（${c.detail}）` }));
}
