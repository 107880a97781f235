/**
 * Whether a text is a disclosure at all, and what a disclosure lacks: metadata that could not be
 * read, key tables that are not there, a table cut off where a truncated file ends. A text that
 * merely mentions amounts (a statistics bulletin, a news item about a budget meeting) has none of
 * a disclosure's structure: the standard tables, coded classification rows, or the disclosure's
 * own title (…年部门预算/部门决算…) over figures.
 */
import { isNumberCell } from './amount';
import type { CheckRecord } from './checks';
import type { Diagnostic } from './errors';
import type { SourceLine } from './layout';
import { isDisclosureTitle, type DocumentMetadata } from './metadata';
import type { NarrativeFigures } from './narrative';
import type { TableOutputs, TableSegment } from './read-tables';
import type { TableKind } from './table-kind';

/** Standard tables read with figures, or coded rows: a disclosure's tables. Call before narrative rows are added. */
export function hasDisclosureTables(out: TableOutputs): boolean {
	return out.functionRows.length > 0 || out.economicRows.length > 0 || out.summaryTable !== null || out.threePublic !== null;
}

/**
 * A narrative counts as a disclosure when it states figures under the disclosure's own title, or
 * when manifest.csv vouches for its year and kind.
 */
export function hasTitledFigures(meta: DocumentMetadata, narrative: NarrativeFigures, vouched: boolean): boolean {
	const figures = Object.keys(narrative.summary).length > 0 || narrative.functionClasses.length > 0;
	return figures && (vouched || isDisclosureTitle(meta.title));
}

/** One error per field the text does not give; a city or province unit has no district to give. */
export function metadataDiagnostics(meta: DocumentMetadata, lineCount: number): Diagnostic[] {
	const aboveDistrict = meta.level === 'city' || meta.level === 'province';
	const missing = (['district', 'department', 'year', 'kind'] as const).filter((k) => meta[k] === null && !(k === 'district' && aboveDistrict));
	return missing.map((k) => ({
		severity: 'error',
		stage: 'metadata',
		line: null,
		message: `无法从正文确定 ${k}（共 ${lineCount} 行）；请在 data/raw/manifest.csv 中补充 (metadata not found)`
	}));
}

/** The tables every 预算 and 决算 publishes, and the kinds that stand for each. */
const KEY_TABLES: readonly [string, readonly TableKind[]][] = [
	['收支总表', ['summary']],
	['一般公共预算财政拨款支出表', ['function']],
	['基本支出表', ['economic_basic']],
	['“三公”经费表', ['three_public', 'agency_info']]
];

/**
 * Warnings for a document with tables: the key tables it lacks, and the last table when the file
 * ends inside it. A narrative-only disclosure is not warned about tables it never had.
 */
export function tableCompleteness(tables: readonly TableSegment[], lines: readonly SourceLine[], checks: readonly CheckRecord[]): Diagnostic[] {
	const read = tables.filter((t) => t.kind !== 'skipped');
	if (read.length === 0) return [];
	const key = read.filter((t) => KEY_TABLES.some(([, kinds]) => kinds.includes(t.kind)));
	const out: Diagnostic[] = [];
	const missing = KEY_TABLES.filter(([, kinds]) => !key.some((t) => kinds.includes(t.kind))).map(([name]) => name);
	if (missing.length > 0) {
		out.push({ severity: 'warning', stage: 'tables', line: null, message: `缺少主要公开表：${missing.join('、')} (key tables missing)` });
	}
	const cut = cutShort(key, lines, checks);
	if (cut) out.push(cut);
	return out;
}

/**
 * The last key table is cut short when the file's last line is one of its figure rows and the
 * table does not add up there, or when it holds no figure and no note says why: a complete table
 * that happens to end the file adds up.
 */
function cutShort(key: readonly TableSegment[], lines: readonly SourceLine[], checks: readonly CheckRecord[]): Diagnostic | null {
	const last = lastNonBlank(lines);
	const table = key[key.length - 1];
	if (!last || !table || last.no < table.segment.start || last.no > table.segment.end) return null;
	const inTable = (line: number | null) => line !== null && line >= table.segment.start && line <= table.segment.end;
	const figures = table.rows.some((r) => r.cells.some((c) => isNumberCell(c.text)));
	const endsOnFigures = last.text.split(/\s+/).some(isNumberCell);
	if (figures && !(endsOnFigures && checks.some((c) => !c.ok && inTable(c.line)))) return null;
	if (!figures && /[。；]|无|注|说明/.test(last.text)) return null;
	const text = last.text.trim().replace(/\s+/g, ' ');
	const message = `“${table.segment.title}”在文件末尾中断，最后一行为“${text}” (table cut short)`;
	return { severity: 'warning', stage: 'tables', line: last.no, message };
}

/** The last line with text, searched from the end (not in a reversed copy of every line). */
function lastNonBlank(lines: readonly SourceLine[]): SourceLine | undefined {
	for (let i = lines.length - 1; i >= 0; i--) if (lines[i].text.trim() !== '') return lines[i];
	return undefined;
}
