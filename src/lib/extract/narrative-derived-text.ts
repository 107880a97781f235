/**
 * A passage of the joined prose as printed. The joined text drops spaces, line breaks and quotation
 * marks (so that labels match); a reason is shown to people, so its quotation marks (“一窗综办”)
 * are put back from the source lines. Spaces and line breaks stay out: in PDF text they are
 * artefacts of typesetting (项 目, 2020 年), not the author's.
 */
import type { SourceLine } from './layout';
import type { JoinedText } from './narrative-join';
import { isWhiteSpace } from './trimmed-lines';

/*
 * The character tests below compare code units rather than run a regex per character (this runs
 * over every character of every reason's lines). `code` is -1 for a character outside the BMP.
 */

/** What /\s/ matches: JS white space and line terminators. */
const isSpace = isWhiteSpace;

/** “ ” " ‘ ’ */
const isQuote = (code: number) => code === 0x201c || code === 0x201d || code === 0x22 || code === 0x2018 || code === 0x2019;

/** One character as the joined text spells it (full-width digits and ． half-width, ，in numbers ,). */
function normal(c: string, code: number): string {
	if (code === 0xff0e) return '.'; // ．
	if (code === 0xff0c) return ','; // ，
	return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : c;
}

/** text[from, to) of the joined prose with its quotation marks as the source lines print them. */
export function verbatim(lines: readonly SourceLine[], joined: JoinedText, from: number, to: number): string {
	const target = joined.text.slice(from, to);
	const first = joined.lineAt(from);
	const last = joined.lineAt(Math.max(from, to - 1));
	// lines are in order: start at the first of the span (binary search), stop after its last
	let lo = 0;
	let hi = lines.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (lines[mid].no < first) lo = mid + 1;
		else hi = mid;
	}
	let end = lo;
	while (end < lines.length && lines[end].no <= last) end++;
	const span = lines.slice(lo, end);
	return span.some((l) => SURROGATE.test(l.text)) ? alignByCodePoints(span, target) : alignByCodeUnits(span, target);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * alignByCodePoints for lines without a character outside the BMP (nearly all): every character is
 * one code unit, so the same alignment is read from character codes, with no string per character
 * (which made this the largest allocation of the extractor).
 */
function alignByCodeUnits(span: readonly SourceLine[], target: string): string {
	if (!span.some((l) => QUOTE.test(l.text))) return alignWithoutQuotes(span, target);
	const kept: number[] = [];
	const norm: number[] = [];
	const at: number[] = [];
	for (const line of span) {
		const text = line.text;
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			if (isSpace(code)) continue;
			kept.push(code);
			if (!isQuote(code)) (norm.push(normalCode(code)), at.push(kept.length - 1));
		}
	}
	const start = fromCodes(norm, 0, norm.length).indexOf(target.replace(/，/g, ','));
	// A line the join reworded (a 类 marker dropped) does not align: the joined text is still right.
	if (start < 0 || target.length === 0) return target;
	return fromCodes(kept, at[start], at[start + target.length - 1] + 1);
}

const QUOTE = /[“”"‘’]/;
const FULL_WIDTH_FIGURE = /[０-９．]/;

/**
 * alignByCodeUnits for lines without a quotation mark (most reasons): the kept characters are the
 * lines without their spaces, and their normal spelling has the same length, so the passage is
 * found in one string and sliced from the other — with no array of character codes.
 */
function alignWithoutQuotes(span: readonly SourceLine[], target: string): string {
	const kept = span.map((l) => l.text.replace(/\s+/g, '')).join('');
	const commas = kept.replace(/，/g, ',');
	const norm = FULL_WIDTH_FIGURE.test(commas) ? commas.replace(/[０-９．]/g, (c) => normal(c, c.charCodeAt(0))) : commas;
	const start = norm.indexOf(target.replace(/，/g, ','));
	if (start < 0 || target.length === 0) return target;
	return kept.slice(start, start + target.length);
}

/** One character code as the joined text spells it (see normal). */
function normalCode(code: number): number {
	if (code === 0xff0e) return 0x2e; // ．
	if (code === 0xff0c) return 0x2c; // ，
	return code >= 0xff10 && code <= 0xff19 ? code - 0xfee0 : code;
}

/** codes[from, to) as a string, in pieces (a call takes a bounded number of arguments). */
function fromCodes(codes: readonly number[], from: number, to: number): string {
	let out = '';
	for (let i = from; i < to; i += 4096) out += String.fromCharCode(...codes.slice(i, Math.min(to, i + 4096)));
	return out;
}

/** `target` as the span's lines print it: their characters without spaces, quotes kept aside (each with its place), aligned with it. */
function alignByCodePoints(span: readonly SourceLine[], target: string): string {
	const kept: string[] = [];
	const norm: string[] = [];
	const at: number[] = [];
	for (const line of span) {
		for (const c of line.text) {
			const code = c.length === 1 ? c.charCodeAt(0) : -1;
			if (isSpace(code)) continue;
			kept.push(c);
			if (!isQuote(code)) (norm.push(normal(c, code)), at.push(kept.length - 1));
		}
	}
	const start = norm.join('').indexOf(target.replace(/，/g, ','));
	// A line the join reworded (a 类 marker dropped) does not align: the joined text is still right.
	if (start < 0 || target.length === 0) return target;
	return kept.slice(at[start], at[start + target.length - 1] + 1).join('');
}
