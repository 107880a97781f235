/**
 * A web page saved as one file (.mht / .mhtml: “网页，单个文件”, what IE, 360 and Chromium browsers
 * save) is a MIME archive: the page's HTML is one part among its images and styles, encoded as
 * quoted-printable or base64. The HTML part is unpacked here, with the line of the archive where
 * each of its lines starts, so that a figure is traced to the file the user has. Its structure is
 * ASCII whatever the page's charset, so the archive is read byte by byte without decoding it.
 */
import { ExtractError } from '../errors';

/** The unpacked page: its bytes, the charset its part header names, and its lines' lines in the archive. */
export interface ArchivedPage {
	bytes: Uint8Array;
	/** From the part's `Content-Type: text/html; charset=…`, which takes precedence over the page's own. */
	charset: string | null;
	/** Line (1-based) of the archive where line `n` (1-based) of the page starts. */
	archiveLine: (pageLine: number) => number;
}

/** How much of a file is looked at to tell an archive: its headers come first. */
const SNIFF_BYTES = 8 * 1024;
const MIME_VERSION = /^MIME-Version:\s*1\.0/im;
const MULTIPART_RELATED = /^Content-Type:\s*multipart\/related/im;
const LATIN1 = new TextDecoder('latin1');
const CR = 0x0d;
const LF = 0x0a;

/** Whether the bytes are a MIME web archive. */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
	// An archive starts with a header's name: a text disclosure (Chinese, a BOM) or a page ('<') is told at its first byte.
	const first = bytes[0] ?? 0;
	if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return false;
	const head = LATIN1.decode(bytes.subarray(0, SNIFF_BYTES));
	const headers = head.slice(0, blankLineAt(head));
	return MIME_VERSION.test(headers) && MULTIPART_RELATED.test(headers);
}

/** The first text/html part of an archive; throws ExtractError naming the file when it has none. */
export function unpackMhtml(file: string, bytes: Uint8Array): ArchivedPage {
	const text = LATIN1.decode(bytes);
	const end = blankLineAt(text);
	const boundary = parameter(headerValue(text.slice(0, end), 'content-type') ?? '', 'boundary');
	if (!boundary) throw new ExtractError(file, 'decode', null, '网页存档（MHTML）缺少 boundary，无法拆分 (MHTML without a boundary)');
	const delimiter = `--${boundary}`;
	for (let at = text.indexOf(delimiter, end); at >= 0; ) {
		const headStart = lineAfter(text, at);
		const next = text.indexOf(delimiter, headStart);
		const partEnd = next < 0 ? text.length : next;
		const headEnd = blankLineAt(text, headStart);
		const headers = text.slice(headStart, headEnd);
		const type = headerValue(headers, 'content-type') ?? 'text/plain';
		if (/^\s*text\/html\b/i.test(type)) {
			const bodyStart = lineAfter(text, headEnd);
			// The line break before the next delimiter belongs to the delimiter.
			let bodyEnd = partEnd;
			if (text.charCodeAt(bodyEnd - 1) === LF) bodyEnd--;
			if (text.charCodeAt(bodyEnd - 1) === CR) bodyEnd--;
			const firstLine = lineNumberAt(bytes, bodyStart);
			const encoding = (headerValue(headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
			const body = bytes.subarray(bodyStart, Math.max(bodyStart, bodyEnd));
			const decoded = encoding === 'quoted-printable' ? quotedPrintable(body, firstLine) : encoding === 'base64' ? base64(body, firstLine) : verbatim(body, firstLine);
			return { ...decoded, charset: parameter(type, 'charset') };
		}
		if (next < 0) break;
		at = next;
	}
	throw new ExtractError(file, 'decode', null, '网页存档（MHTML）中没有网页部分 (no text/html part in the MHTML)');
}

/** Offset of the blank line that ends the headers starting at `from` (the text's length if none). */
function blankLineAt(text: string, from = 0): number {
	const m = /\r?\n\r?\n/.exec(text.slice(from));
	return m ? from + m.index + m[0].length : text.length;
}

/** Offset of the line after the one `at` is on. */
function lineAfter(text: string, at: number): number {
	const nl = text.indexOf('\n', at);
	return nl < 0 ? text.length : nl + 1;
}

/** A header's value, its folded continuation lines joined. */
function headerValue(headers: string, name: string): string | null {
	const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
	const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
	return m ? m[1].trim() : null;
}

/** A parameter of a header value (`boundary="…"`, `charset=gb2312`). */
function parameter(value: string, name: string): string | null {
	const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
	return m ? (m[1] ?? m[2] ?? null) : null;
}

/** 1-based line of the byte at `offset`. */
function lineNumberAt(bytes: Uint8Array, offset: number): number {
	let n = 1;
	for (let i = bytes.indexOf(LF); i >= 0 && i < offset; i = bytes.indexOf(LF, i + 1)) n++;
	return n;
}

/** Page lines → archive lines, from the archive line where each page line starts. */
function mapper(starts: number[]): ArchivedPage['archiveLine'] {
	return (pageLine) => starts[Math.min(Math.max(pageLine, 1), starts.length) - 1] ?? starts[0] ?? 1;
}

function verbatim(body: Uint8Array, firstLine: number): Omit<ArchivedPage, 'charset'> {
	return { bytes: body, archiveLine: (pageLine) => firstLine + pageLine - 1 };
}

const HEX = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

/** Quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next (a soft break). */
function quotedPrintable(body: Uint8Array, firstLine: number): Omit<ArchivedPage, 'charset'> {
	const out = new Uint8Array(body.length);
	let n = 0;
	let line = firstLine;
	const starts = [firstLine];
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (c === 0x3d) {
			// A soft break: '=' then optional spaces then CRLF or LF.
			let j = i + 1;
			while (body[j] === 0x20 || body[j] === 0x09) j++;
			if (body[j] === CR && body[j + 1] === LF) j++;
			if (body[j] === LF || j >= body.length) {
				i = j;
				line++;
				continue;
			}
			const hi = HEX(body[i + 1] ?? 0);
			const lo = HEX(body[i + 2] ?? 0);
			if (hi >= 0 && lo >= 0) {
				out[n++] = hi * 16 + lo;
				i += 2;
				continue;
			}
			out[n++] = c; // a stray '=' is kept, as readers do
			continue;
		}
		if (c === LF) {
			line++;
			starts.push(line);
		}
		out[n++] = c;
	}
	return { bytes: out.subarray(0, n), archiveLine: mapper(starts) };
}

const B64 = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((ch, i) => (B64[ch.charCodeAt(0)] = i));

/** Base64 over lines: each page line is traced to the archive line holding its first byte. */
function base64(body: Uint8Array, firstLine: number): Omit<ArchivedPage, 'charset'> {
	const out = new Uint8Array(Math.ceil((body.length * 3) / 4));
	let n = 0;
	let bits = 0;
	let acc = 0;
	let line = firstLine;
	const starts = [firstLine];
	// The archive line where the byte being gathered began; a page line starts at the byte after a LF.
	let current = firstLine;
	let lineEnded = false;
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (c === LF) {
			line++;
			continue;
		}
		const v = c < 128 ? B64[c] : -1;
		if (v < 0) continue; // CR, spaces, padding
		if (bits === 0) current = line;
		acc = ((acc << 6) | v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			const byte = (acc >> bits) & 0xff;
			if (lineEnded) starts.push(current), (lineEnded = false);
			out[n++] = byte;
			if (byte === LF) lineEnded = true;
			// Bits left over belong to this character: the next byte begins on its line.
			current = line;
		}
	}
	return { bytes: out.subarray(0, n), archiveLine: mapper(starts) };
}
