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
	return !Number.isNaN(readNumber(trimmed)) || isEmptyMarker(trimmed);
}

/** A cell holding a number, in ASCII or full-width digits. */
export function isNumberCell(cell: string): boolean {
	const trimmed = cell.trim();
	return mayBeAmount(trimmed) && !Number.isNaN(readNumber(trimmed));
}

/** A printed "nothing here" (`-`, `—`, `／` …): an empty cell that still holds its column's place. */
export function isEmptyMarker(cell: string): boolean {
	return EMPTY_MARKERS.has(toHalfWidth(cell.trim()));
}

/** Parses an amount in 万元; empty cells and empty markers give null. */
export function parseAmount(cell: string): number | null {
	const trimmed = cell.trim();
	if (!mayBeAmount(trimmed)) return null;
	const value = readNumber(trimmed);
	return Number.isNaN(value) ? null : value;
}

/** Digits of an integer below 2^53: every such mantissa is exact in a double. */
const EXACT_DIGITS = 15;
/** Exact powers of ten, 10^0 … 10^EXACT_DIGITS: a quotient by one is rounded once, as Number() rounds the decimal; a product of integers by one is exact below 2^53. */
export const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, k) => Number(`1e${k}`)); // parsed: Math.pow need not be exact

/**
 * The number a trimmed cell prints, or NaN when it prints none. The form is
 * `-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`, each character ASCII or full-width. Read by one scan of
 * the character codes: amount cells are asked of every cell of every table, and a regex test, a
 * full-width replace and Number() apiece were a few % of a document's time.
 * The value is the digits as an integer over a power of ten: both exact, so the quotient is the
 * double nearest the decimal, which is what Number() gives; longer numbers go through Number().
 */
function readNumber(t: string): number {
	if (!scanNumber(t)) return NaN;
	const { negative, mantissa, digits, fraction } = SCANNED;
	if (digits + fraction > EXACT_DIGITS) return Number(withoutCommas(toHalfWidth(t)));
	const value = mantissa / (POWERS_OF_TEN[fraction] as number);
	return negative ? -value : value;
}

/** A printed decimal as integer parts: `-1,234.5` is negative, mantissa 12345, 1 decimal. */
export interface PrintedDecimal {
	negative: boolean;
	/** The digits as an integer, exact (at most EXACT_DIGITS of them). */
	mantissa: number;
	decimals: number;
}

/**
 * The decimal a cell prints (the form of {@link readNumber}), as exact integer parts; null when it
 * prints no number, or one of more digits than a double holds exactly.
 */
export function readPrintedDecimal(cell: string): PrintedDecimal | null {
	const t = cell.trim();
	if (!mayBeAmount(t) || !scanNumber(t)) return null;
	const { negative, mantissa, digits, fraction } = SCANNED;
	return digits + fraction > EXACT_DIGITS ? null : { negative, mantissa, decimals: fraction };
}

/** What {@link scanNumber} read last (one object, reused: the scan is asked of every cell). */
const SCANNED = { negative: false, mantissa: 0, digits: 0, fraction: 0 };

/** Scans `t` as the form of {@link readNumber} into SCANNED; false when it is not that form. */
function scanNumber(t: string): boolean {
	const n = t.length;
	let i = 0;
	const negative = n > 0 && isMinus(t.charCodeAt(0));
	if (negative) i++;
	let mantissa = 0;
	let lead = 0;
	for (let d; i < n && (d = digitOf(t.charCodeAt(i))) >= 0; i++, lead++) mantissa = 10 * mantissa + d;
	if (lead === 0) return false;
	let digits = lead;
	if (i < n && isComma(t.charCodeAt(i))) {
		// Thousands groups: 1 to 3 digits before the first comma, exactly 3 after each.
		if (lead > 3) return false;
		while (i < n && isComma(t.charCodeAt(i))) {
			for (let k = 1; k <= 3; k++) {
				const d = i + k < n ? digitOf(t.charCodeAt(i + k)) : -1;
				if (d < 0) return false;
				mantissa = 10 * mantissa + d;
			}
			digits += 3;
			i += 4;
		}
	}
	let fraction = 0;
	if (i < n && isDot(t.charCodeAt(i))) {
		i++;
		for (let d; i < n && (d = digitOf(t.charCodeAt(i))) >= 0; i++, fraction++) mantissa = 10 * mantissa + d;
		if (fraction === 0) return false;
	}
	if (i !== n) return false;
	SCANNED.negative = negative;
	SCANNED.mantissa = mantissa;
	SCANNED.digits = digits;
	SCANNED.fraction = fraction;
	return true;
}

/** 0–9 of an ASCII or full-width digit, else -1. */
function digitOf(c: number): number {
	if (c >= 0x30 && c <= 0x39) return c - 0x30;
	if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
	return -1;
}
const isMinus = (c: number) => c === 0x2d || c === 0xff0d;
const isComma = (c: number) => c === 0x2c || c === 0xff0c;
const isDot = (c: number) => c === 0x2e || c === 0xff0e;

/** A number's digits without its thousands commas; most cells print none, and skip the replace. */
export const withoutCommas = (t: string): string => (t.includes(',') ? t.replace(/,/g, '') : t);

export const toCents = (wan: number): number => Math.round(wan * 100);
export const fromCents = (cents: number): number => Math.round(cents) / 100;

/** Rounds to the 2 decimals the contract promises. */
export const round2 = (wan: number): number => Math.round(wan * 100) / 100;
