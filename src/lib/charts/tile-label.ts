/**
 * What a treemap tile's label can say in the room it has: the name whole (wrapped over several
 * lines), then the amount, then the share — each only if it fits entirely, and nothing at all when
 * the name does not. ECharts itself would cut a name to "社…" (its treemap forces truncation), so
 * the label is composed here and handed to ECharts already fitting, one line per `\n`.
 *
 * Widths are estimated, not measured, so the decision is the same in Node and in any browser: a
 * Chinese character is one em in every CJK face; the figures' characters are given generous widths
 * so that the estimate is never narrower than the drawn text.
 */

/** The pieces of a tile's label, already formatted. */
export interface TileText {
	name: string;
	/** `1,234.56 万元` */
	amount: string;
	/** `占上级 37.5%` */
	share: string;
}

/** The room for the text, in px (the tile minus its borders and padding). */
export interface Box {
	width: number;
	height: number;
}

/** The label's font size and line height in px: the same values go into the ECharts option. */
export interface TextMetrics {
	fontSize: number;
	lineHeight: number;
}

/** Width of one character in em: full width for CJK and full-width forms, less for the rest. */
function charEm(ch: string): number {
	const c = ch.codePointAt(0) ?? 0;
	if (c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef)) return 1;
	if (/[0-9]/.test(ch)) return 0.62;
	if (/[ ,.:;'!|il]/.test(ch)) return 0.4;
	if (/[%@MWmw—]/.test(ch)) return 1;
	return 0.72;
}

/** Estimated width in px of `text` set at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) em += charEm(ch);
	return em * fontSize;
}

/** Characters a line may not begin with (closing punctuation): they stay with the character before. */
const NO_LINE_START = /^[）)】」』、，。：；！？%]/;

/**
 * `text` broken into lines no wider than `width`, between any two characters (Chinese needs no
 * spaces to break) but never before closing punctuation; null when one character alone is too wide.
 */
export function wrapText(text: string, width: number, fontSize: number): string[] | null {
	const lines: string[] = [];
	let line = '';
	for (const ch of text) {
		if (textWidth(line + ch, fontSize) <= width) {
			line += ch;
			continue;
		}
		if (line === '') return null;
		let carry = '';
		// keep `）` with what it closes: move the line's last character down with it
		if (NO_LINE_START.test(ch) && [...line].length > 1) {
			carry = [...line].slice(-1).join('');
			line = [...line].slice(0, -1).join('');
		}
		lines.push(line);
		line = carry + ch;
		if (textWidth(line, fontSize) > width) return null;
	}
	if (line !== '') lines.push(line);
	return lines;
}

/**
 * The label of a tile as lines joined by `\n`: the whole name (wrapped), then the amount and the
 * share — on one line when both fit there, else each on its own — as far as whole lines fit in
 * `box`. `''` when not even the name fits: a hidden label, never a cut one.
 */
export function fitTileLabel(text: TileText, box: Box, m: TextMetrics): string {
	const rows = Math.floor(box.height / m.lineHeight);
	// a name stacked one character per line does not read as a name
	if ([...text.name].length > 1 && box.width < 2 * m.fontSize) return '';
	const name = wrapText(text.name, box.width, m.fontSize);
	if (!name || name.length > rows) return '';
	const fits = (s: string) => s !== '' && textWidth(s, m.fontSize) <= box.width;
	const lines = [...name];
	const both = `${text.amount} ${text.share}`;
	const figures = fits(both) ? [both] : [text.amount, text.share].filter(fits);
	for (const f of figures) {
		if (lines.length >= rows) break;
		lines.push(f);
	}
	return lines.join('\n');
}

/**
 * The one-line label of a parent's header band: `name amount share`, `name amount` or `name`,
 * the longest that fits; `''` when the name alone does not.
 */
export function fitBandLabel(text: TileText, box: Box, m: TextMetrics): string {
	if (box.height < m.lineHeight) return '';
	const candidates = [`${text.name}  ${text.amount}  ${text.share}`, `${text.name}  ${text.amount}`, text.name];
	return candidates.find((c) => textWidth(c, m.fontSize) <= box.width) ?? '';
}
