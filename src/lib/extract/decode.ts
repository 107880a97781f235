/**
 * Stage 1: bytes → text. Disclosures arrive as UTF-8 (with or without BOM), GB18030/GBK, or
 * UTF-16 (what Windows calls "Unicode", little- or big-endian, with or without BOM). A few invalid
 * bytes in otherwise good text (a bad copy, a file cut mid-character) are read as U+FFFD and named
 * by line and byte offset, so the rest of the document is still extracted. Anything else (binary,
 * a PDF renamed to .txt, empty, an unknown encoding) is rejected with a message naming the file.
 */
import { ExtractError, type Diagnostic } from './errors';
import { findInvalidBytes, type InvalidByte } from './invalid-bytes';
import { knownBinary } from './known-binary';

/** The encodings a text disclosure may arrive in. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** A decoded text, its encoding, and what was read past. */
export interface DecodedText {
	text: string;
	encoding: TextEncoding;
	/** Invalid bytes read past, each with its line (warnings). */
	diagnostics: Diagnostic[];
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ENCODING_LABEL: Record<TextEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/**
 * A faster UTF-8 decoder where the platform has one (Node: scripts/lib/utf8-node.ts): the text of
 * valid UTF-8 as TextDecoder gives it (a leading BOM dropped), or null for anything else.
 */
export type Utf8Decoder = (bytes: Uint8Array) => string | null;

/** Decodes a disclosure file; throws ExtractError when it cannot be text. */
export function decodeDisclosure(file: string, bytes: Uint8Array, utf8?: Utf8Decoder): DecodedText {
	if (bytes.length === 0) throw new ExtractError(file, 'decode', null, '文件为空 (empty file)');
	if (startsWith(bytes, PDF_MAGIC)) {
		throw new ExtractError(file, 'decode', null, '这是 PDF 文件，请先转换为文本 (a PDF given as text)');
	}
	const known = knownBinary(bytes);
	if (known) throw new ExtractError(file, 'decode', null, known);
	// The first zero byte, searched for once: both the UTF-16 guess and the binary check ask for it.
	const nul = bytes.indexOf(0);
	const utf16 = utf16Form(bytes, nul);
	const decoded = (utf16 && decodeUtf16(bytes, utf16)) || decodeNarrow(file, bytes, nul, utf8);
	const text = decoded.text.replace(/^\uFEFF/, '');
	if (text.trim() === '') throw new ExtractError(file, 'decode', null, '文件只有空白 (only whitespace)');
	const controls = countControlCharacters(text);
	if (controls > Math.max(8, text.length * 0.01)) {
		throw new ExtractError(file, 'decode', null, `含 ${controls} 个控制字符，不像文本 (binary-looking text)`);
	}
	return { ...decoded, text };
}

/** UTF-8 or GB18030: clean if either decodes; else the one with few enough invalid bytes. */
function decodeNarrow(file: string, bytes: Uint8Array, nul: number, fastUtf8?: Utf8Decoder): DecodedText {
	if (nul >= 0) {
		throw new ExtractError(file, 'decode', lineOfByte(bytes, nul), `二进制内容：第 ${nul} 字节为 NUL (binary file)`);
	}
	const fast = fastUtf8?.(bytes);
	if (typeof fast === 'string') return { text: fast, encoding: 'utf-8', diagnostics: [] };
	const clean = tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
	if (clean) return clean;
	const damaged = decodeDamaged(bytes, ['utf-8', 'gb18030']);
	if (!damaged) throw new ExtractError(file, 'decode', null, '无法识别的文本编码 (neither UTF-8 nor GB18030)');
	return damaged;
}

/**
 * Bytes none of `encodings` decodes cleanly, in the one with the fewest invalid bytes (the first on a
 * tie) — if few enough to be damage: they become U+FFFD, each named by line and byte offset. Many
 * mean a wrong guess (another encoding, or none): null.
 */
export function decodeDamaged(bytes: Uint8Array, encodings: readonly ('utf-8' | 'gb18030')[]): DecodedText | null {
	const tolerated = Math.max(4, Math.floor(lineCount(bytes) / 100));
	let best: { encoding: 'utf-8' | 'gb18030'; invalid: InvalidByte[] } | null = null;
	for (const encoding of encodings) {
		const invalid = findInvalidBytes(bytes, encoding, tolerated);
		if (!best || invalid.length < best.invalid.length) best = { encoding, invalid };
	}
	if (!best || best.invalid.length > tolerated) return null;
	const { encoding, invalid } = best;
	return { text: new TextDecoder(encoding).decode(bytes), encoding, diagnostics: invalid.map((b) => invalidByteDiagnostic(b, encoding)) };
}

/** One fatal decoder per encoding, made once: a decode without `stream` starts afresh every call. */
const fatalDecoders = new Map<TextEncoding, TextDecoder>();

function tryDecode(bytes: Uint8Array, encoding: TextEncoding): DecodedText | null {
	let decoder = fatalDecoders.get(encoding);
	if (!decoder) fatalDecoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true })));
	try {
		// fatal: a wrong guess must fail rather than produce U+FFFD soup.
		return { text: decoder.decode(bytes), encoding, diagnostics: [] };
	} catch {
		return null;
	}
}

interface Utf16Form {
	encoding: 'utf-16le' | 'utf-16be';
	bom: number;
}

/**
 * UTF-16 from its BOM, or without one from where the zero bytes fall: the ASCII characters every
 * disclosure has (digits, line ends) put their zero high byte on one side of each byte pair only,
 * while binary data has zeros on both sides.
 */
function utf16Form(bytes: Uint8Array, nul: number): Utf16Form | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
	const zeros = [0, 0];
	const n = Math.min(bytes.length, 1 << 16) & ~1;
	// No zero byte in the counted bytes (UTF-8 and GB18030 text): nothing to count. `nul` is the
	// first zero byte of the file (indexOf is native, the loop is not).
	if (nul < 0 || nul >= n) return null;
	for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 1]++;
	const pairs = n / 2;
	const [even, odd] = zeros;
	if (odd >= Math.max(2, pairs / 100) && even * 8 < odd) return { encoding: 'utf-16le', bom: 0 };
	if (even >= Math.max(2, pairs / 100) && odd * 8 < even) return { encoding: 'utf-16be', bom: 0 };
	return null;
}

/**
 * Decodes UTF-16; unpaired surrogates and a cut-off last byte become U+FFFD and are named. Without
 * a BOM the result must read as text, or the bytes are left to the binary check.
 */
function decodeUtf16(bytes: Uint8Array, form: Utf16Form): DecodedText | null {
	const text = new TextDecoder(form.encoding).decode(bytes);
	if (form.bom === 0 && !readsAsText(text)) return null;
	if (tryDecode(bytes, form.encoding) || !text.includes('\uFFFD')) return { text, encoding: form.encoding, diagnostics: [] };
	const diagnostics: Diagnostic[] = [];
	let line = 1;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
		else if (c === '\uFFFD') {
			const offset = form.bom + 2 * i; // one code unit is two bytes
			diagnostics.push(invalidByteDiagnostic({ offset, line, byte: bytes[offset] }, form.encoding));
		}
	}
	return { text, encoding: form.encoding, diagnostics };
}

/** Nearly all characters are ASCII text, CJK ideographs or CJK / full-width punctuation. */
function readsAsText(text: string): boolean {
	const other = text.replace(/[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g, '');
	return other.length <= text.length * 0.05;
}

function invalidByteDiagnostic(b: InvalidByte, encoding: TextEncoding): Diagnostic {
	const hex = `0x${b.byte.toString(16).toUpperCase().padStart(2, '0')}`;
	return {
		severity: 'warning',
		stage: 'decode',
		line: b.line,
		message: `第 ${b.offset} 字节 ${hex} 不是有效的 ${ENCODING_LABEL[encoding]}，已按 � 读入，其余内容照常提取 (invalid byte)`
	};
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

function lineOfByte(bytes: Uint8Array, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

function lineCount(bytes: Uint8Array): number {
	return lineOfByte(bytes, bytes.length);
}

/** C0 controls other than tab, line feed, form feed and carriage return. */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;

function countControlCharacters(text: string): number {
	if (!CONTROL.test(text)) return 0; // the common case, found by the regex engine rather than a loop
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) n++;
	}
	return n;
}
