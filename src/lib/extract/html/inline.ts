/**
 * Inline text → the text of one line or one cell. Character references are decoded, markup that
 * the decoded text spells out (`&lt;p&gt;` in a cell) is stripped — disclosure text is data, never
 * markup to render — and whitespace is collapsed the way a browser shows it. A line break in the
 * page source between two Chinese characters is dropped rather than shown as a space (CSS Text's
 * segment-break rule), so that `一般公共\n预算` reads `一般公共预算`.
 */
import { decodeEntities } from './entities';

/** East Asian wide characters: CJK ideographs and punctuation, kana, hangul, full-width forms. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const SPACE_RUN = /\s+/g;
const TAG_TEXT = /<\/?[A-Za-z][^<>]*>/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const NEEDS_CLEANING = /[&<\s\u00ad\u200b-\u200d\u2060\ufeff]/;

/** The shown text of raw (undecoded) inline HTML text, on one line. */
export function cleanText(raw: string): string {
	// Most cells are a bare code, name or figure: nothing to decode, strip or collapse.
	if (!NEEDS_CLEANING.test(raw)) return raw;
	return collapseSpaces(decodedText(raw)).trim();
}

/** Raw HTML text with its references decoded, spelled-out markup and invisible characters removed; whitespace as it was. */
export function decodedText(raw: string): string {
	return decodeEntities(raw).replace(TAG_TEXT, '').replace(INVISIBLE, '');
}

/** Collapses whitespace runs to one space, or to nothing where a source line break stands between wide characters. */
export function collapseSpaces(text: string): string {
	return text.replace(SPACE_RUN, (run, at: number) => {
		const before = text[at - 1] ?? '';
		const after = text[at + run.length] ?? '';
		return /[\r\n]/.test(run) && WIDE.test(before) && WIDE.test(after) ? '' : ' ';
	});
}

/** Offset of the first character of raw text that is not whitespace (spelled out or not), or -1. */
export function firstShownOffset(raw: string): number {
	const lead = /^(?:\s|&(?:nbsp|ensp|emsp|thinsp);?|&#0*(?:160|12288);?|&#[xX]0*(?:a0|A0|3000);?)*/.exec(raw)?.[0].length ?? 0;
	return lead < raw.length ? lead : -1;
}

/** Where inline content goes: the lines of the page, or the text of one table cell. */
export interface TextSink {
	/** Raw text found at `offset` of the page. */
	text(raw: string, offset: number): void;
	/** A block boundary or <br>. */
	lineBreak(): void;
}

/** Collects the text of one table cell: block boundaries inside it join like source line breaks. */
export class CellText implements TextSink {
	private raw = '';
	text(raw: string): void {
		this.raw += raw;
	}
	lineBreak(): void {
		this.raw += '\n';
	}
	/** The cell's text, on one line. */
	value(): string {
		return cleanText(this.raw);
	}
}
