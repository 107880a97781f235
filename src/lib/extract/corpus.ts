/**
 * Decisions over a whole folder, so that no disclosure is counted twice:
 *  - a copy that differs only by line breaks or spaces is skipped (its bytes, and so its doc_id,
 *    differ, but its text does not);
 *  - the two halves of one disclosure — a narrative file and a tables file of the same unit, year
 *    and kind, as Jiangsu publishes them (公开文件 + 公开表格) — are read as ONE document;
 *  - of two full disclosures of the same unit, year and kind that differ, one is kept, and the
 *    report says which and why.
 * Pure: the folder code (scripts/lib/extract-folder.ts) reads the files and applies the plan.
 */
import type { Diagnostic } from './errors';
import type { SourceLine } from './layout';
import { readMetadata, type DocumentMetadata } from './metadata';
import { findSegments, type Segment } from './segments';
import type { SourceText } from './source';
import { classifyTitle } from './table-kind';
import type { ExtractedDocument } from './types';

/** What the plan needs to know of one readable file, before anything is extracted. */
export interface FileProfile {
	file: string;
	/** Equal for the same unit, year and kind; null when the text does not say all of them. */
	key: string | null;
	/** The unit, year and kind in words, for the report. */
	label: string;
	/** Hash of the text without any whitespace. */
	fingerprint: string;
	/** Whether the file holds standard tables (else it is prose only). */
	tables: boolean;
}

/** One document to extract: a file, two halves to read as one, or rivals to choose between. */
export interface CorpusStep {
	kind: 'single' | 'merge' | 'choose';
	/** For `merge`: the narrative file first, then the tables file. */
	files: string[];
}

/** The documents of a folder, in file-name order, and what the report must say about the rest. */
export interface CorpusPlan {
	steps: CorpusStep[];
	/** What was skipped or merged, one line each, naming the files. */
	notices: string[];
}

/** Profiles a file from the lines its reader produced (metadata as manifest.csv overrides it). */
export function profileSource(file: string, source: SourceText, override: Partial<DocumentMetadata> = {}): FileProfile {
	const meta: DocumentMetadata = { ...readMetadata(source.lines), ...definedOnly(override) };
	const recognised = (s: Segment) => s.title !== null && classifyTitle(s.title).kind !== 'skipped';
	// Found in full: the extraction of the same lines reads the same segments (segments.ts).
	const tables = findSegments(source.lines).some(recognised);
	return { file, key: disclosureKey(meta), label: disclosureLabel(meta), fingerprint: fingerprint(source.lines), tables };
}

/** Groups the profiles (in file-name order) into documents; copies are dropped with a notice. */
export function planCorpus(profiles: readonly FileProfile[]): CorpusPlan {
	const notices: string[] = [];
	const firstWithText = new Map<string, string>();
	const groups = new Map<string, FileProfile[]>();
	for (const p of profiles) {
		const original = firstWithText.get(p.fingerprint);
		if (original !== undefined) {
			notices.push(`extract: ${p.file}: 与 ${original} 内容相同（仅空白或换行不同），已跳过 (duplicate file)`);
			continue;
		}
		firstWithText.set(p.fingerprint, p.file);
		const key = p.key ?? `file:${p.file}`; // unknown metadata: never grouped
		groups.set(key, [...(groups.get(key) ?? []), p]);
	}
	return { steps: [...groups.values()].map((g) => stepOf(g, notices)), notices };
}

function stepOf(group: readonly FileProfile[], notices: string[]): CorpusStep {
	if (group.length === 1) return { kind: 'single', files: [group[0].file] };
	const narrative = group.filter((p) => !p.tables);
	const tables = group.filter((p) => p.tables);
	if (narrative.length === 1 && tables.length === 1) {
		const files = [narrative[0].file, tables[0].file];
		notices.push(`extract: ${files.join(' + ')}: ${group[0].label}的说明与表格，合并为一个文档 (narrative and tables merged)`);
		return { kind: 'merge', files };
	}
	return { kind: 'choose', files: group.map((p) => p.file) };
}

/**
 * Reads two halves of one disclosure as one source: the narrative's lines first, then the
 * tables', numbered on, each line keeping its file and its own line (and page) there, so that
 * every figure still traces to the right file, page and line.
 */
export function mergeSources(parts: readonly { file: string; source: SourceText }[]): SourceText {
	const lines: SourceLine[] = [];
	const diagnostics: Diagnostic[] = [];
	for (const { file, source } of parts) {
		const offset = lines.length;
		for (const l of source.lines) lines.push({ ...l, no: lines.length + 1, pageLine: l.pageLine ?? l.no, file });
		for (const d of source.diagnostics) {
			diagnostics.push(d.line === null ? { ...d, message: `${file}: ${d.message}` } : { ...d, line: d.line + offset });
		}
	}
	const tables = parts[parts.length - 1].source; // its layout is the one the tables need
	const pages = parts.every((p) => p.source.pages === null) ? null : parts.reduce((n, p) => n + (p.source.pages ?? 0), 0);
	return { format: tables.format, lines, layout: tables.layout, pages, diagnostics };
}

/** Why one rival is better: it has tables, fewer failed checks, fewer invalid bytes, more rows — in that order. */
export interface Merit {
	tables: number;
	failed: number;
	damaged: number;
	rows: number;
}

/** What choosing between rivals reads of each: its documents row and its merit. */
export interface Rival {
	document: Pick<ExtractedDocument['document'], 'source_file' | 'department' | 'year' | 'kind'>;
	merit: Merit;
}

/** Keeps the best of rival documents of one unit, year and kind; one notice per document left out. */
export function chooseDocument(rivals: readonly ExtractedDocument[]): { kept: ExtractedDocument; notices: string[] } {
	const { kept, notices } = chooseRival(rivals.map((doc) => ({ doc, document: doc.document, merit: meritOf(doc) })));
	return { kept: kept.doc, notices };
}

/**
 * {@link chooseDocument} on what it reads of each rival, so that documents extracted elsewhere (a
 * worker thread sends a document's merit, not the document) are chosen between the same way.
 */
export function chooseRival<R extends Rival>(rivals: readonly R[]): { kept: R; notices: string[] } {
	const ranked = [...rivals].sort((a, b) => compareMerit(a.merit, b.merit)); // stable: file order on ties
	const [kept, ...rest] = ranked;
	const notices = rest.map((d) => {
		const label = disclosureLabel(d.document);
		return (
			`extract: ${d.document.source_file}: 与 ${kept.document.source_file} 同为${label}，内容不同；` +
			`保留 ${kept.document.source_file}（${reason(kept.merit, d.merit)}），未计入 ${d.document.source_file} (conflicting disclosure skipped)`
		);
	});
	return { kept, notices };
}

export function meritOf(d: ExtractedDocument): Merit {
	return {
		tables: d.document.layout === 'narrative' ? 0 : 1,
		failed: d.checks.filter((c) => !c.ok).length,
		damaged: d.diagnostics.filter((x) => x.stage === 'decode' && x.severity !== 'info').length,
		rows: d.functionRows.length + d.economicRows.length + d.threePublic.length + d.summary.length
	};
}

function compareMerit(a: Merit, b: Merit): number {
	return b.tables - a.tables || a.failed - b.failed || a.damaged - b.damaged || b.rows - a.rows;
}

function reason(kept: Merit, other: Merit): string {
	if (kept.tables !== other.tables) return '它有公开表格';
	if (kept.failed !== other.failed) return `核对未通过较少：${kept.failed} 对 ${other.failed}`;
	if (kept.damaged !== other.damaged) return `无效字节较少：${kept.damaged} 对 ${other.damaged}`;
	if (kept.rows !== other.rows) return `提取的数据行更多：${kept.rows} 对 ${other.rows}`;
	return '两者同样完整，取文件名在前者';
}

/** The unit's name without what may be spelt either way: 中共 / 中国共产党, 省委员会 / 省委, （本级）, spaces. */
function unitKey(department: string): string {
	return department
		.replace(/\s+/g, '')
		.replace(/^(?:中共|中国共产党)/, '')
		.replace(/(省|市|区|县|州)委员会/g, '$1委')
		.replace(/[（(]本级[）)]$/, '');
}

function disclosureKey(meta: Pick<DocumentMetadata, 'district' | 'department' | 'year' | 'kind'>): string | null {
	if (!meta.department || !meta.year || !meta.kind) return null;
	return [meta.district ?? '', unitKey(meta.department), meta.year, meta.kind].join('|');
}

function disclosureLabel(meta: Pick<DocumentMetadata, 'department' | 'year' | 'kind'>): string {
	const kind = meta.kind === 'final' ? '决算' : meta.kind === 'budget' ? '预算' : '';
	return `${meta.department ?? '?'} ${meta.year ?? '?'} 年${kind}`;
}

/** cyrb53 over the text's non-whitespace characters: copies that differ only in spacing match. */
function fingerprint(lines: readonly SourceLine[]): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	let n = 0;
	for (const { text } of lines) {
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff) continue;
			h1 = Math.imul(h1 ^ c, 2654435761);
			h2 = Math.imul(h2 ^ c, 1597334677);
			n++;
		}
	}
	return finalHash(h1, h2, n);
}

/**
 * cyrb53's last mixing, and the fingerprint's text. A function of its own: when it was fingerprint's
 * tail, a call that ran the loop in code V8 had optimised on the stack went on in that code past the
 * loop, where `>>> 0` above 2^31 deoptimised it ("lost precision": 130 times in 10,000 files).
 */
function finalHash(h1: number, h2: number, n: number): string {
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return `${(h2 >>> 0).toString(16)}${(h1 >>> 0).toString(16)}:${n}`;
}

function definedOnly<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}
