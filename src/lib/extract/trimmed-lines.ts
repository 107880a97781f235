/**
 * Lines read as if trimmed, without a trimmed copy of each: where each line's text starts and
 * ends, and the copy made only for a line whose words are read. Most tests on a line need only its
 * length or its first or last character (segments.ts reads every line of a document this way).
 */
import type { SourceLine } from './layout';

/** What String.prototype.trim and /\s/ take for white space: JS WhiteSpace and LineTerminator. */
export function isWhiteSpace(code: number): boolean {
	if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
	if (code < 0xa0) return false;
	return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export class TrimmedLines {
	private readonly start: Int32Array;
	private readonly end: Int32Array;
	private readonly copies: (string | undefined)[];

	constructor(private readonly lines: readonly SourceLine[]) {
		this.start = new Int32Array(lines.length);
		this.end = new Int32Array(lines.length);
		this.copies = new Array(lines.length);
		for (let i = 0; i < lines.length; i++) {
			const text = lines[i].text;
			let a = 0;
			let b = text.length;
			while (a < b && isWhiteSpace(text.charCodeAt(a))) a++;
			while (b > a && isWhiteSpace(text.charCodeAt(b - 1))) b--;
			this.start[i] = a;
			this.end[i] = b;
		}
	}

	/** Length of line i trimmed; 0 past either end. */
	length(i: number): number {
		return i >= 0 && i < this.lines.length ? this.end[i] - this.start[i] : 0;
	}

	/** Code of the first character of line i trimmed; NaN when there is none. */
	first(i: number): number {
		return this.length(i) > 0 ? this.lines[i].text.charCodeAt(this.start[i]) : NaN;
	}

	/** Code of the last character of line i trimmed; NaN when there is none. */
	last(i: number): number {
		return this.length(i) > 0 ? this.lines[i].text.charCodeAt(this.end[i] - 1) : NaN;
	}

	/** Line i trimmed (what text.trim() gives); '' past either end. */
	text(i: number): string {
		if (this.length(i) === 0) return '';
		let copy = this.copies[i];
		if (copy === undefined) {
			const text = this.lines[i].text;
			copy = this.copies[i] = this.start[i] === 0 && this.end[i] === text.length ? text : text.slice(this.start[i], this.end[i]);
		}
		return copy;
	}
}
