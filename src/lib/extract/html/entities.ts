/**
 * HTML character references → characters. Pages from district sites and Word/Excel exports use a
 * small set of named references (&nbsp; &ldquo; &mdash; …) and numeric ones (&#12288; &#x4E2D;);
 * an unknown name is left as written rather than guessed.
 */

const NAMED: Record<string, string> = {
	nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad',
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
	ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', bdquo: '„', sbquo: '‚', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
	mdash: '—', ndash: '–', minus: '−', hellip: '…', middot: '·', bull: '•', prime: '′', Prime: '″',
	times: '×', divide: '÷', plusmn: '±', le: '≤', ge: '≥', ne: '≠', asymp: '≈', equiv: '≡', lowast: '∗',
	permil: '‰', deg: '°', micro: 'µ', sup1: '¹', sup2: '²', sup3: '³', frac12: '½', frac14: '¼', frac34: '¾',
	yen: '¥', cent: '¢', pound: '£', euro: '€', copy: '©', reg: '®', trade: '™', sect: '§', para: '¶',
	larr: '←', rarr: '→', uarr: '↑', darr: '↓', radic: '√', infin: '∞', sum: '∑', alpha: 'α', beta: 'β', mu: 'μ'
};

/** References browsers still accept without the closing semicolon (legacy pages write `&nbsp`). */
const LEGACY = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot', 'copy', 'reg', 'yen', 'deg', 'times', 'middot', 'laquo', 'raquo']);

/** Numeric references 128–159 mean the windows-1252 characters there (as browsers read them). */
const WINDOWS_1252: Record<number, number> = {
	0x80: 0x20ac, 0x82: 0x201a, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x89: 0x2030, 0x8b: 0x2039,
	0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x99: 0x2122, 0x9b: 0x203a
};

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}))(;?)/g;

/** Decodes the character references of a piece of HTML text (once: `&amp;lt;` becomes `&lt;`). */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined, semi: string) => {
		if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
		if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
		const value = NAMED[name as string];
		return value !== undefined && (semi === ';' || LEGACY.has(name as string)) ? value : whole;
	});
}

function fromCodePoint(cp: number): string {
	const mapped = WINDOWS_1252[cp] ?? cp;
	// NUL, surrogates and values beyond Unicode are what browsers show as the replacement character.
	if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return '\ufffd';
	return String.fromCodePoint(mapped);
}
