/**
 * The lines a page is read into, each with the offset in the page where it starts: prose lines
 * start at their first shown character, table rows at their <tr>, lines of <pre> text at the
 * start of that source line.
 */
import { cleanText, decodedText, firstShownOffset, type TextSink } from './inline';

/** One line read from a page. */
export interface PageLine {
	text: string;
	/** Offset in the decoded page where the line starts. */
	offset: number;
}

/** Prose: inline text accumulates until a block boundary or <br> ends the line. */
export class ProseLines implements TextSink {
	readonly lines: PageLine[] = [];
	private raw = '';
	private start = -1;

	text(raw: string, offset: number): void {
		if (this.start < 0) {
			const k = firstShownOffset(raw);
			if (k >= 0) this.start = offset + k;
		}
		this.raw += raw;
	}

	lineBreak(): void {
		const text = cleanText(this.raw);
		if (text !== '' && this.start >= 0) this.lines.push({ text, offset: this.start });
		this.raw = '';
		this.start = -1;
	}

	/** Adds a finished line (a table row, a line of <pre> text) after what is pending. */
	push(line: PageLine): void {
		this.lineBreak();
		this.lines.push(line);
	}
}

/**
 * <pre> text: one line per source line, tabs and spaces kept as they are (a disclosure pasted
 * into <pre> keeps its own layout); references decoded and spelled-out markup stripped.
 */
export class PreformattedLines implements TextSink {
	readonly lines: PageLine[] = [];
	private raw = '';
	private start = -1;

	text(raw: string, offset: number): void {
		const parts = raw.split(/(\r\n|\r|\n)/);
		let at = offset;
		parts.forEach((part, i) => {
			if (i % 2 === 1) this.lineBreak();
			else {
				if (this.start < 0) this.start = at;
				this.raw += part;
			}
			at += part.length;
		});
	}

	lineBreak(): void {
		if (this.start >= 0) this.lines.push({ text: decodedText(this.raw), offset: this.start });
		this.raw = '';
		this.start = -1;
	}

	/** The lines, without the blank lines the <pre> opens and closes with. */
	finish(): PageLine[] {
		if (this.raw !== '') this.lineBreak();
		let from = 0;
		let to = this.lines.length;
		while (from < to && this.lines[from].text.trim() === '') from++;
		while (to > from && this.lines[to - 1].text.trim() === '') to--;
		return this.lines.slice(from, to);
	}
}
