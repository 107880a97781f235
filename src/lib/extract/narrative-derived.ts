/**
 * Figures the prose implies but does not print: a sentence that states this year's figure and its
 * change ("支出合计X万元，较上年决算数增加Y万元，增长Z%，主要原因是…") says what the figure was the year
 * before (X − Y) or in the 年初预算 (较年初预算数减少Y万元 → X + Y). Each derived figure keeps the
 * stated figure, change, percentage, the reason given after it and the line of its change, so it
 * is always marked as derived and can be checked against a real disclosure of that year.
 *
 * A change is pinned on the figure it follows — the one its clause names (收支较…, 机关运行经费较…)
 * or else the last figure stated before it. When that figure is no measure read here (结转和结余,
 * 会议费), or the change has no base (增加基本支出X万元), no amount (增长5%) or counts people or
 * vehicles, nothing is derived: a figure that cannot be placed is not guessed.
 */
import type { DocumentKind } from '../storage/schema';
import type { SourceLine } from './layout';
import { AMOUNT, amountStart, hitOf } from './narrative-grammar';
import { joinNarrative, type JoinedText } from './narrative-join';
import { CHANGE, LEVEL, PERCENT_AFTER, isDown, placeBase, type Base, type Relation } from './narrative-derived-grammar';
import { measureOfLabel, measuresOfSubject } from './narrative-derived-labels';
import { verbatim } from './narrative-derived-text';
import { flatMap } from './flat-map';

export type { Relation } from './narrative-derived-grammar';

/** The searches of every document, made once: their lastIndex is reset before each use. */
const CHANGE_SEARCH = new RegExp(CHANGE.source, CHANGE.flags);
const AMOUNT_SEARCH = new RegExp(AMOUNT, 'g');

/** One figure implied by a sentence, in 万元. */
export interface DerivedFigure {
	measure: string;
	/** The year and kind of the implied figure (the year before, or this year's 年初预算). */
	year: number;
	kind: DocumentKind;
	relation: Relation;
	value: number;
	/** The figure the sentence states for the document's own year. */
	current_value: number;
	/** Signed: negative for 减少/下降. 0 for 持平. */
	stated_change: number;
	/** Signed %, or null when none is printed (or it is given in 个百分点). */
	stated_percent: number | null;
	/** Decimals the percentage was printed with (for the rounding tolerance of its check). */
	percent_decimals: number | null;
	/** Signed 个百分点 when the sentence gives its percentage that way. */
	stated_points: number | null;
	/** The 主要原因是… / 主要是… / 主要用于… clause after the change, as printed; null when none. */
	reason: string | null;
	reason_line: number | null;
	/** Line of the stated change (for 持平: of the stated figure). */
	line: number;
}

/**
 * A figure the prose states (not a change): where, what it measures (null: something else), value.
 * The measure is read from the label when first asked: only the figures a change or 持平 refers to
 * need it, and reading it tries every label pattern.
 */
class Statement {
	private known: string | null | undefined;
	constructor(
		readonly index: number,
		readonly end: number,
		readonly value: number,
		readonly line: number,
		private readonly label: string
	) {}

	get measure(): string | null {
		if (this.known === undefined) this.known = measureOfLabel(this.label);
		return this.known;
	}
}

const CHANGE_VERB_BEFORE = /(?:增加|减少|增长|下降|降低|上升|提高|调增|调减|新增|压减|节约|节省|减|增)$/;
/**
 * The punctuation a clause starts after, by character code: looked up per character (a regex test
 * per character was slow, and so was text[i], a new string for every CJK character).
 */
const CLAUSE_START = new Set([...'，。；;,、！？!?'].map((c) => c.charCodeAt(0)));
const REASON = /^[，,。；;]?(?<open>主要原因(?:是|为)?[：:]?|主要是|主要用于)/;
/** How far after a figure its percentage or 持平 may stand (windows keep the reading linear in the text). */
const NEAR = 40;
/** The longest reason kept: a clause without 。 or ； runs on no further. */
const REASON_REACH = 600;

/**
 * The derived figures of a document's narrative lines; none when its year or kind is unknown.
 * `joined` is the lines already joined, when the caller has it (readNarrative reads the same text).
 */
export function readDerivedFigures(lines: readonly SourceLine[], year: number | null, kind: DocumentKind | null, joined?: JoinedText): DerivedFigure[] {
	if (year === null || kind === null) return [];
	joined ??= joinNarrative(lines);
	const statements = readStatements(joined);
	const out: DerivedFigure[] = [];
	// The matches matchAll gives (CHANGE cannot match empty), from a copy made once, not per document.
	const changes = CHANGE_SEARCH;
	changes.lastIndex = 0;
	for (let m; (m = changes.exec(joined.text)); ) {
		const g = m.groups ?? {};
		const base = placeBase(g.base ?? g.base2, g.by ?? g.by2, year, kind);
		const amount = hitOf(joined, m, 0);
		if (!base || !amount) continue;
		const subject = g.base2 !== undefined ? (g.subject2 ?? '') : clauseBefore(joined.text, m.index);
		const targets = subjectsOf(subject, statements, m.index);
		const down = isDown(g.verb);
		const after = joined.text.slice(m.index + m[0].length, m.index + m[0].length + NEAR);
		const pct = PERCENT_AFTER.exec(after);
		const reasonAt = m.index + m[0].length + (pct ? pct[0].length : 0);
		const reason = readReason(joined, lines, reasonAt);
		for (const s of targets) {
			const change = down ? -amount.value : amount.value;
			out.push({
				measure: s.measure as string,
				...base,
				value: cents(s.value - change),
				current_value: s.value,
				stated_change: change,
				...percentOf(pct),
				...reason,
				line: amount.line
			});
		}
	}
	out.push(...levels(joined, lines, statements, year, kind));
	return out.sort((a, b) => a.line - b.line);
}

/** Every amount the prose states that is not itself a change, with the measure its label names. */
function readStatements(joined: JoinedText): Statement[] {
	const out: Statement[] = [];
	const re = AMOUNT_SEARCH;
	re.lastIndex = 0;
	for (let m; (m = re.exec(joined.text)); ) {
		const before = joined.text.slice(Math.max(0, m.index - 4), m.index);
		if (CHANGE_VERB_BEFORE.test(before)) continue;
		const hit = hitOf(joined, m, 0);
		if (!hit) continue;
		out.push(new Statement(m.index, hit.end, hit.value, hit.line, clauseBefore(joined.text, amountStart(m) ?? m.index)));
	}
	return out;
}

/** The clause before `at`: the text since the last ，。；、 (a label, or what a change names). */
function clauseBefore(text: string, at: number): string {
	let i = at - 1;
	while (i >= 0 && !CLAUSE_START.has(text.charCodeAt(i)) && at - i < 60) i--;
	return text.slice(i + 1, at);
}

/** The stated figures a change at `at` is about (see measuresOfSubject). */
function subjectsOf(subject: string, statements: readonly Statement[], at: number): Statement[] {
	const measures = measuresOfSubject(subject);
	if (measures === null) return [];
	const n = countBefore(statements, at);
	if (measures.length === 0) {
		const last = statements[n - 1];
		return last && last.measure !== null ? [last] : [];
	}
	return flatMap(measures, (measure) => {
		for (let k = n - 1; k >= 0; k--) if (statements[k].measure === measure) return [statements[k]];
		return [];
	});
}

/** How many statements end at or before `at` (they are in text order): a binary search. */
function countBefore(statements: readonly Statement[], at: number): number {
	let lo = 0;
	let hi = statements.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (statements[mid].end <= at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** 与上年持平 right after a stated figure: the implied figure equals it. */
function levels(joined: JoinedText, lines: readonly SourceLine[], statements: readonly Statement[], year: number, kind: DocumentKind): DerivedFigure[] {
	const out: DerivedFigure[] = [];
	for (const s of statements) {
		// The (anchored) 持平 test first: most figures are not followed by one, and then their measure is not needed.
		const m = LEVEL.exec(joined.text.slice(s.end, s.end + NEAR));
		if (!m || s.measure === null) continue;
		const base: Base | null = m.groups ? placeBase(m.groups.base, m.groups.by, year, kind) : null;
		if (!base) continue;
		const reason = readReason(joined, lines, s.end + m[0].length);
		out.push({ measure: s.measure, ...base, value: s.value, current_value: s.value, stated_change: 0, stated_percent: null, percent_decimals: null, stated_points: null, ...reason, line: s.line });
	}
	return out;
}

function percentOf(m: RegExpExecArray | null): Pick<DerivedFigure, 'stated_percent' | 'percent_decimals' | 'stated_points'> {
	if (!m?.groups) return { stated_percent: null, percent_decimals: null, stated_points: null };
	const value = Number(m.groups.pct.replace(/,/g, '')) * (isDown(m.groups.pverb) ? -1 : 1);
	if (m.groups.punit === '个百分点') return { stated_percent: null, percent_decimals: null, stated_points: value };
	return { stated_percent: value, percent_decimals: m.groups.pct.split('.')[1]?.length ?? 0, stated_points: null };
}

/** The reason clause opening at `at` (after the change and its percentage), up to 。 or ；. */
function readReason(joined: JoinedText, lines: readonly SourceLine[], at: number): Pick<DerivedFigure, 'reason' | 'reason_line'> {
	const m = REASON.exec(joined.text.slice(at, at + 8));
	if (!m?.groups) return { reason: null, reason_line: null };
	const start = at + m[0].length - m.groups.open.length;
	const stop = joined.text.slice(start, start + REASON_REACH).search(/[。；;]/);
	const end = stop < 0 ? Math.min(joined.text.length, start + REASON_REACH) : start + stop;
	return { reason: verbatim(lines, joined, start, end), reason_line: joined.lineAt(start) };
}

const cents = (x: number) => Math.round(x * 100) / 100;
