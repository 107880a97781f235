/**
 * The narrative as one searchable string: PDF export breaks sentences across lines and drops page
 * furniture between a label and its figure, so lines are joined with blanks and quotes removed from them,
 * keeping a map from each character back to its source line (every figure keeps its line).
 */
import type { SourceLine } from './layout';
import { lineIndexAt } from './offsets';
import { isWhiteSpace } from './trimmed-lines';

/** The joined prose and the source line of any offset in it. */
export interface JoinedText {
	text: string;
	lineAt: (offset: number) => number;
}

/** Page numbers as PDF text prints them: `— 2 —`, `- 3 -`, `第 4 页`, `第 4 页 共 9 页`, `4/9`. */
const PAGE_NUMBER = /^(?:[-—–－]+\d+[-—–－]+|第\d+页(?:[，,]?共\d+页)?|\d+\/\d+)$/;
/** The characters a page number starts with, by code: most lines are settled on their first one. */
const PAGE_NUMBER_START = new Set([...'-—–－第0123456789'].map((c) => c.charCodeAt(0)));

/**
 * Built once here rather than as literals inside the per-line callbacks. Runs are removed at once
 * (fewer replacements, same text), and a line without a full-width figure skips the replace with a
 * callback, which is slow even when nothing matches.
 */
const SQUEEZED_OUT = /[\s“”"‘’]+/g;

/** What SQUEEZED_OUT removes, by character code. */
const isSqueezed = (c: number) => isWhiteSpace(c) || c === 0x201c || c === 0x201d || c === 0x22 || c === 0x2018 || c === 0x2019;

/**
 * text.replace(SQUEEZED_OUT, ''), with the replace only for a line that holds such a character
 * between its words: most lines hold none, or only at their ends (a trailing space on every line
 * of some texts), and are answered with the line itself or a slice of it.
 */
export function squeezeOut(text: string): string {
	let a = 0;
	let b = text.length;
	while (a < b && isSqueezed(text.charCodeAt(a))) a++;
	while (b > a && isSqueezed(text.charCodeAt(b - 1))) b--;
	for (let i = a; i < b; i++) if (isSqueezed(text.charCodeAt(i))) return text.replace(SQUEEZED_OUT, '');
	return a === 0 && b === text.length ? text : text.slice(a, b);
}
const FULL_WIDTH_FIGURE = /[０-９．]/g;
const HAS_FULL_WIDTH_FIGURE = /[０-９．]/;
const CLASS_MARKER = /[（(]类[）)]/g;
const toHalfWidthFigure = (c: string) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * Joins narrative lines into one searchable string. Page furniture that PDF text leaves between a
 * label and its figure is left out; so is the 类 marker of the 决算 wording (一般公共服务（类）支出).
 */
export function joinNarrative(lines: readonly SourceLine[]): JoinedText {
	let text = '';
	const starts: number[] = [];
	const nos: number[] = [];
	const squeezed = lines.map((l) => squeezeOut(l.text));
	const furniture = pageFurniture(squeezed);
	lines.forEach((line, i) => {
		if (!squeezed[i] || (furniture.size > 0 && furniture.has(squeezed[i]))) return;
		let cleaned = HAS_FULL_WIDTH_FIGURE.test(squeezed[i]) ? squeezed[i].replace(FULL_WIDTH_FIGURE, toHalfWidthFigure) : squeezed[i];
		if (cleaned.includes('类')) cleaned = cleaned.replace(CLASS_MARKER, '');
		if (!cleaned) return;
		starts.push(text.length);
		nos.push(line.no);
		text += cleaned;
	});
	// A full-width comma between digit groups (１，４５２．３６) is a thousands separator, not a
	// sentence comma; same length, so offsets still map to their lines.
	text = thousandsCommas(text);
	const lineAt = (offset: number) => nos[lineIndexAt(starts, offset)] ?? 0;
	return { text, lineAt };
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * text.replace(/(\d)，(?=\d{3}(?!\d))/g, '$1,') by looking only at each ，: the regex tried every
 * digit of the prose. (A match never consumes the digit another one needs: each takes the digit
 * before its own ，.)
 */
function thousandsCommas(text: string): string {
	let out = '';
	let from = 0;
	for (let p = text.indexOf('，'); p >= 0; p = text.indexOf('，', p + 1)) {
		const c = (k: number) => text.charCodeAt(p + k); // NaN past either end: not a digit
		if (isDigit(c(-1)) && isDigit(c(1)) && isDigit(c(2)) && isDigit(c(3)) && !isDigit(c(4))) {
			out += text.slice(from, p) + ',';
			from = p + 1;
		}
	}
	return from === 0 ? text : out + text.slice(from);
}

const KIND_WORD = /预算|决算/;
const NOT_A_HEAD = /[，。；：:]|万元/;

/**
 * KIND_WORD, after a search for the 算 both its words end in: a string search skips most lines at
 * native speed, where the regex tried its two-character words at every position of every line.
 */
const namesKind = (t: string) => t.includes('算') && KIND_WORD.test(t);

/**
 * Page numbers, and the running head: a line naming the 预算/决算 that is not a sentence, states
 * no figure, and repeats (the title printed at the top of every page).
 */
function pageFurniture(squeezed: readonly string[]): Set<string> {
	const furniture = new Set<string>();
	// Only lines that could be a running head are counted (not every line of the prose).
	const seen = new Map<string, number>();
	for (const t of squeezed) {
		if (PAGE_NUMBER_START.has(t.charCodeAt(0)) && PAGE_NUMBER.test(t)) furniture.add(t);
		else if (namesKind(t) && !NOT_A_HEAD.test(t)) {
			const n = (seen.get(t) ?? 0) + 1;
			seen.set(t, n);
			if (n >= 2) furniture.add(t);
		}
	}
	return furniture;
}
