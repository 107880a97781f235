/**
 * A passage of the joined prose as printed. The joined text drops spaces, line breaks and quotation
 * marks (so that labels match); a reason is shown to people, so its quotation marks (“一窗综办”)
 * are put back from the source lines. Spaces and line breaks stay out: in PDF text they are
 * artefacts of typesetting (项 目, 2020 年), not the author's.
 */
import type { SourceLine } from './layout';
import type { JoinedText } from './narrative-join';

/*
 * The character tests below compare code units rather than run a regex per character (this runs
 * over every character of every reason's lines). `code` is -1 for a character outside the BMP.
 */

/** What /\s/ matches: JS white space and line terminators. */
function isSpace(code: number): boolean {
	if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
	if (code < 0xa0) return false;
	return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

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
	// The source characters of those lines without spaces; quotes kept aside, each with its place.
	const kept: string[] = [];
	const norm: string[] = [];
	const at: number[] = [];
	// lines are in order: start at the first of the span (binary search), stop after its last
	let lo = 0;
	let hi = lines.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (lines[mid].no < first) lo = mid + 1;
		else hi = mid;
	}
	for (let k = lo; k < lines.length && lines[k].no <= last; k++) {
		const line = lines[k];
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
