/**
 * Amount cells: `1,234.56`, `0.00`, `251`, full-width digits `１２．５`, and the empty markers
 * `-`, `—`, `－` (printed for "nothing here"). Amounts are kept as integer cents of 万元 while
 * solving so that sums compare exactly; they leave the extractor as 万元 rounded to 2 decimals.
 */

const FULL_WIDTH = /[０-９．，－]/g;
/** Whether `text` holds one of FULL_WIDTH's characters (，－． and ０–９: U+FF0C–FF19 but for ／), by code. */
function hasFullWidth(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xff0c && c <= 0xff19 && c !== 0xff0f) return true;
	}
	return false;
}
const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const EMPTY_MARKERS = new Set(['-', '—', '–', '－', '——', '/', '／']);

/** Replaces full-width digits and separators by their ASCII forms (only where numbers are read). */
export function toHalfWidth(text: string): string {
	if (!hasFullWidth(text)) return text; // the common case: no replace callback, no new string
	return text.replace(FULL_WIDTH, (c) => {
		if (c === '．') return '.';
		if (c === '，') return ',';
		if (c === '－') return '-';
		return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
	});
}

/**
 * Whether a trimmed cell can be an amount or an empty marker at all, from its first character
 * (a digit, a minus, a dash or a slash, ASCII or full-width): most cells are words and stop here.
 */
function mayBeAmount(t: string): boolean {
	const c = t.charCodeAt(0);
	return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x2d || c === 0xff0d || c === 0x2014 || c === 0x2013 || c === 0x2f || c === 0xff0f;
}

/** A cell that stands in an amount column: a number, or a marker meaning "empty". */
export function isAmountCell(cell: string): boolean {
	const trimmed = cell.trim();
	if (!mayBeAmount(trimmed)) return false;
	const t = toHalfWidth(trimmed);
	return AMOUNT.test(t) || EMPTY_MARKERS.has(t);
}

/** A cell holding a number, in ASCII or full-width digits. */
export function isNumberCell(cell: string): boolean {
	const trimmed = cell.trim();
	return mayBeAmount(trimmed) && AMOUNT.test(toHalfWidth(trimmed));
}

/** A printed "nothing here" (`-`, `—`, `／` …): an empty cell that still holds its column's place. */
export function isEmptyMarker(cell: string): boolean {
	return EMPTY_MARKERS.has(toHalfWidth(cell.trim()));
}

/** Parses an amount in 万元; empty cells and empty markers give null. */
export function parseAmount(cell: string): number | null {
	const trimmed = cell.trim();
	if (!mayBeAmount(trimmed)) return null;
	const t = toHalfWidth(trimmed);
	if (t === '' || EMPTY_MARKERS.has(t)) return null;
	if (!AMOUNT.test(t)) return null;
	return Number(withoutCommas(t));
}

/** A number's digits without its thousands commas; most cells print none, and skip the replace. */
export const withoutCommas = (t: string): string => (t.includes(',') ? t.replace(/,/g, '') : t);

export const toCents = (wan: number): number => Math.round(wan * 100);
export const fromCents = (cents: number): number => Math.round(cents) / 100;

/** Rounds to the 2 decimals the contract promises. */
export const round2 = (wan: number): number => Math.round(wan * 100) / 100;
