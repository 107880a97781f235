/**
 * The text of PDF glyphs as Unicode a reader can match. PDF producers map a glyph back to text
 * through the font's ToUnicode table, and when one glyph serves several code points they often
 * pick the lowest: 一 comes out as the Kangxi radical ⼀ (U+2F00), 门 as ⻔ (U+2ED4), 页 as ⻚.
 * They look identical but match nothing, so they are folded back to the unified ideograph here.
 * Text that is mostly replacement, private-use or control characters is a font without usable
 * Unicode: such a page is reported, not read.
 */

/**
 * CJK Radicals Supplement forms → the unified ideograph drawn with the same glyph, as pairs. They
 * have no Unicode decomposition; the pairs are those whose glyph Noto Sans CJK shares with a unified
 * ideograph (test/unit/extract/pdf-glyph-text.test.ts checks each against the installed font).
 */
const RADICAL_PAIRS =
	'⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟⺱罓' +
	'⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风⻜飞' +
	'⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

/** Radical form → unified ideograph. */
export const RADICAL_EQUIVALENTS: ReadonlyMap<string, string> = pairsToMap(RADICAL_PAIRS);

function pairsToMap(pairs: string): Map<string, string> {
	const chars = Array.from(pairs);
	const map = new Map<string, string>();
	for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
	return map;
}

// Kangxi radicals (U+2F00–2FDF) and CJK compatibility ideographs have normative NFKC mappings;
// NFKC is applied to those characters only, because on the whole string it would also turn
// full-width punctuation such as （ and ： into ASCII.
const COMPATIBILITY = /[\u2F00-\u2FDF\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;
const RADICAL = /[\u2E80-\u2EFF]/g;

/** Folds radical and compatibility forms of ideographs into the unified ideographs. */
export function normalizeGlyphText(text: string): string {
	return text.replace(COMPATIBILITY, (c) => c.normalize('NFKC')).replace(RADICAL, (c) => RADICAL_EQUIVALENTS.get(c) ?? c);
}

/** A character that cannot stand for text: replacement, private use, or a control character. */
function isUnusable(codePoint: number): boolean {
	return (
		codePoint === 0xfffd ||
		codePoint < 0x20 ||
		(codePoint >= 0x7f && codePoint <= 0x9f) ||
		(codePoint >= 0xe000 && codePoint <= 0xf8ff) ||
		codePoint >= 0xf0000
	);
}

/** Counts the visible characters of a text and how many of them are usable. */
export function countUsable(text: string): { visible: number; usable: number } {
	let visible = 0;
	let usable = 0;
	// By code point (a surrogate pair is one character); a loop over char codes, not a regex per character.
	for (let i = 0; i < text.length; i++) {
		let cp = text.charCodeAt(i);
		if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
			const low = text.charCodeAt(i + 1);
			if (low >= 0xdc00 && low <= 0xdfff) (cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00)), i++;
		}
		if (isWhiteSpace(cp)) continue;
		visible++;
		if (!isUnusable(cp)) usable++;
	}
	return { visible, usable };
}

/** What `\s` matches in a JavaScript regex: ECMAScript WhiteSpace and LineTerminator. */
function isWhiteSpace(cp: number): boolean {
	if (cp <= 0x20) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
	if (cp < 0xa0) return false;
	return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}
