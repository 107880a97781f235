/**
 * A file that holds several disclosures — a district's 汇编 of its departments, or files joined
 * into one — must not become one document: its tables would be read as one unit's (the first
 * table of a kind is used, the others only cross-check it) and the other units' figures lost or
 * mixed. Where a disclosure starts is what its cover says: a unit's name over a disclosure title
 * (`重庆市万州区教育委员会` / `2023年部门预算情况说明`), or both on one line. Where the starts name
 * more than one unit, year or kind, only the first disclosure is read, and the others are named
 * with where they start, so that nothing is dropped unsaid.
 */
import type { Diagnostic } from './errors';
import type { SourceLine } from './layout';
import { isDisclosureTitle, isUnitName, SENTENCE, TITLE } from './metadata';
import { sourceRef, type SourceText } from './source';

interface DisclosureStart {
	/** Index in the lines of the unit's line. */
	at: number;
	unit: string;
	year: string;
	kind: string;
}

/** A cover line is short; a longer one is prose that mentions a disclosure. */
const COVER_LINE_MAX = 40;
/** Section headings that name the unit before a title (第三部分 省委办公厅2017年部门预算表): not a cover. */
const SECTION = /^(?:第[一二三四五六七八九十\d]+部分|附件|目录)/;

const clean = (text: string) => text.replace(/<[^>]*>/g, '').replace(/\s+/g, '');

/** The disclosure covers in the lines, in order. */
export function disclosureStarts(lines: readonly SourceLine[]): DisclosureStart[] {
	const starts: DisclosureStart[] = [];
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i].text;
		// Cheap first: every line of every document passes here, and few name a 预算 or 决算 year.
		if (raw.length > 4 * COVER_LINE_MAX || !endsAsTitle(raw) || !(raw.includes('预算') || raw.includes('决算')) || !raw.includes('年')) continue;
		const title = clean(raw);
		const start = title.length <= COVER_LINE_MAX && !SENTENCE.test(title) && !raw.includes('\t') ? coverAt(lines, i, title) : null;
		if (start) starts.push(start);
	}
	return starts;
}

/**
 * Whether the line can end as a disclosure title does (isDisclosureTitle: …预算, 决算, 公开, 情况说明,
 * 报告, 公开表, a bracketed note), past trailing spaces and tags: a table title (…预算表) or prose
 * does not, and is passed over without cleaning it.
 */
function endsAsTitle(raw: string): boolean {
	let j = raw.length - 1;
	for (;;) {
		while (j >= 0 && (raw.charCodeAt(j) <= 0x20 || raw.charCodeAt(j) === 0x3000)) j--;
		if (j < 0 || raw.charCodeAt(j) !== 0x3e) break; // '>': a tag left in a page saved as text
		const open = raw.lastIndexOf('<', j);
		if (open < 0) break;
		j = open - 1;
	}
	// Char codes: indexing a string for a CJK character would make a new string each time.
	const c = raw.charCodeAt(j);
	return TITLE_ENDS.has(c) || (c === BIAO && raw.charCodeAt(j - 1) === KAI);
}

const TITLE_ENDS = new Set([...'算开明告息况）)'].map((ch) => ch.charCodeAt(0)));
const BIAO = '表'.charCodeAt(0);
const KAI = '开'.charCodeAt(0);

function coverAt(lines: readonly SourceLine[], i: number, title: string): DisclosureStart | null {
	const m = TITLE.exec(title);
	if (!m || !isDisclosureTitle(title)) return null;
	const before = title.split(/20\d\d年/)[0];
	let above = i - 1; // the unit's line: the last non-blank line before the title
	while (above >= 0 && !/\S/.test(lines[above].text)) above--;
	const [at, unit] = before !== '' ? [i, before] : [above, above >= 0 ? clean(lines[above].text) : ''];
	if (at < 0 || !isUnitName(unit) || SECTION.test(unit) || lines[at].text.includes('\t') || SENTENCE.test(unit)) return null;
	return { at, unit: unit.replace(/[（(]本级[）)]$/, ''), year: m[1], kind: m[2] };
}

const keyOf = (s: DisclosureStart) => `${s.unit}|${s.year}|${s.kind}`;
const nameOf = (s: DisclosureStart) => `${s.unit}${s.year}年${s.kind}`;

/** The covers where a new disclosure starts: the first, then each naming another unit, year or kind than the one before. */
function boundaries(lines: readonly SourceLine[]): DisclosureStart[] {
	const starts = disclosureStarts(lines);
	// A cover repeated (a running title, the same unit's cover again) is no new disclosure.
	return starts.filter((s, k) => k === 0 || keyOf(s) !== keyOf(starts[k - 1]));
}

/** Where a line stands in the file: page and line for a PDF, the line otherwise. */
function placeOf(lines: readonly SourceLine[], at: number): string {
	const ref = sourceRef(lines, lines[at].no);
	return ref.page === null ? `第 ${ref.line} 行` : `第 ${ref.page} 页第 ${ref.line} 行`;
}

/**
 * The source as one source per disclosure where it holds several (the first from the file's start,
 * each next from its cover), each with a note saying which it is; `[source]` otherwise. A part's
 * lines are numbered from 1 and keep their place in the file (`file`, page, line), so that its
 * figures trace to the file the user has.
 */
export function splitDisclosures(file: string, source: SourceText): SourceText[] {
	const starts = boundaries(source.lines);
	if (starts.length < 2) return [source];
	const ends = [...starts.slice(1).map((s) => s.at), source.lines.length];
	return starts.map((start, k) => {
		const from = k === 0 ? 0 : start.at;
		const lines = source.lines.slice(from, ends[k]).map((l, i) => ({ ...l, no: i + 1, pageLine: l.pageLine ?? l.no, file: l.file ?? file }));
		const note: Diagnostic = {
			severity: 'info',
			stage: 'metadata',
			line: null,
			message: `文件含 ${starts.length} 份公开文件，此为第 ${k + 1} 份（${nameOf(start)}，${placeOf(source.lines, from)}起）(one of several disclosures in one file)`
		};
		return { ...source, lines, diagnostics: [...(k === 0 ? source.diagnostics : []), note] };
	});
}

/**
 * The source cut to its first disclosure where it holds several, with a warning naming the others
 * and where they start (by the file's page and line); the source itself otherwise. For a reader of
 * one document (extractFile); a folder extracts each (splitDisclosures).
 */
export function firstDisclosureOnly(source: SourceText): SourceText {
	const starts = boundaries(source.lines);
	if (starts.length < 2) return source;
	const [first, ...others] = starts;
	const cut = others[0].at;
	const where = (s: DisclosureStart) => placeOf(source.lines, s.at);
	const diagnostic: Diagnostic = {
		severity: 'warning',
		stage: 'metadata',
		// The places are in the message: the lines cut off are not the document's to point at.
		line: null,
		message: `文件含多份公开文件：只提取了第一份（${nameOf(first)}，${where(first)}起），未提取 ${others.map((s) => `${where(s)}起的${nameOf(s)}`).join('、')}；请把每份存为一个文件 (several disclosures in one file)`
	};
	return { ...source, lines: source.lines.slice(0, cut), diagnostics: [...source.diagnostics, diagnostic] };
}
