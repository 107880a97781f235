/**
 * A web page's bytes → text. The encoding comes from a byte-order mark, else from the page's own
 * declaration (`<meta charset>`, `<meta http-equiv content="…; charset=gb2312">`, `<?xml encoding>`),
 * else it is recognised (UTF-8, then GB18030). gb2312/gbk pages are decoded as GB18030, their
 * superset. A declaration the bytes contradict — typically a page re-saved as UTF-8 that kept its
 * old `charset=gb2312` — gives way to what the bytes are, with a warning.
 */
import { decodeDamaged } from '../decode';
import { ExtractError, type Diagnostic } from '../errors';

/** Encodings a page is read in. */
export type PageEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** A decoded page and what was noticed on the way (a declaration the bytes contradict). */
export interface DecodedPage {
	text: string;
	encoding: PageEncoding;
	diagnostics: Diagnostic[];
}

/** Browsers look for the declaration in the first 1024 bytes; saved pages put long comments first, so a little more. */
const PRESCAN_BYTES = 4096;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i;

/**
 * Decodes a page; throws ExtractError naming the file when no supported encoding reads it.
 * `outerCharset` is what the page's container says (a web archive's part header): it comes before
 * the page's own declaration, as an HTTP header does.
 */
export function decodePage(file: string, bytes: Uint8Array, outerCharset: string | null = null): DecodedPage {
	const bom = bomEncoding(bytes);
	if (bom) {
		const text = tryDecode(bytes, bom);
		if (text === null) throw new ExtractError(file, 'decode', null, `网页以 ${bom} 字节序标记开头，但内容无法按 ${bom} 解码 (invalid ${bom} page)`);
		return { text: text.replace(/^\uFEFF/, ''), encoding: bom, diagnostics: [] };
	}
	const label = outerCharset ?? declaredCharset(bytes);
	const declared = label === null ? null : supportedEncoding(label);
	const diagnostics: Diagnostic[] = [];
	if (label !== null && declared === null) diagnostics.push(warning(`网页声明的字符集 ${label} 不受支持，改按 UTF-8 / GB18030 识别 (unsupported declared charset)`));
	for (const encoding of candidates(declared, bytes)) {
		const text = tryDecode(bytes, encoding);
		if (text === null) continue;
		if (declared !== null && encoding !== declared) {
			diagnostics.push(warning(`网页声明的字符集为 ${label}，但内容是 ${encoding}，已按 ${encoding} 读取 (declared charset does not match the bytes)`));
		}
		return { text, encoding, diagnostics };
	}
	// A page cut off mid-character or with a stray byte is damaged, not unreadable: read as text files are.
	const order = candidates(declared, bytes).filter((e): e is 'utf-8' | 'gb18030' => e === 'utf-8' || e === 'gb18030');
	const damaged = decodeDamaged(bytes, order);
	if (damaged) {
		if (declared !== null && damaged.encoding !== declared) {
			diagnostics.push(warning(`网页声明的字符集为 ${label}，但内容是 ${damaged.encoding}，已按 ${damaged.encoding} 读取 (declared charset does not match the bytes)`));
		}
		return { text: damaged.text, encoding: damaged.encoding, diagnostics: [...diagnostics, ...damaged.diagnostics] };
	}
	const said = label === null ? '' : `（声明为 ${label}）`;
	throw new ExtractError(file, 'decode', null, `无法解码网页${said}：既不是 UTF-8 也不是 GB18030 (the page decodes in no supported charset)`);
}

/** Encodings to try, in order: UTF-8 bytes with non-ASCII text are UTF-8 whatever the page says. */
function candidates(declared: PageEncoding | null, bytes: Uint8Array): PageEncoding[] {
	if (declared === 'gb18030' && hasNonAscii(bytes) && tryDecode(bytes, 'utf-8') !== null) return ['utf-8'];
	const fallback: PageEncoding[] = ['utf-8', 'gb18030'];
	return declared === null ? fallback : [declared, ...fallback.filter((e) => e !== declared)];
}

/** The charset label the page declares, as written. */
export function declaredCharset(bytes: Uint8Array): string | null {
	let head = '';
	const n = Math.min(bytes.length, PRESCAN_BYTES);
	for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i] < 0x80 ? bytes[i] : 0x20);
	const m = XML_ENCODING.exec(head) ?? META_CHARSET.exec(head);
	return m ? m[1] : null;
}

/** The encoding a label names, by the labels browsers accept (gb2312, x-gbk, cp936 … are GBK). */
function supportedEncoding(label: string): PageEncoding | null {
	let name: string;
	try {
		name = new TextDecoder(label).encoding;
	} catch {
		return null;
	}
	if (name === 'utf-8') return 'utf-8';
	return name === 'gbk' || name === 'gb18030' ? 'gb18030' : null;
}

function bomEncoding(bytes: Uint8Array): PageEncoding | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

function tryDecode(bytes: Uint8Array, encoding: PageEncoding): string | null {
	try {
		// fatal: a wrong guess must fail rather than produce U+FFFD soup.
		return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return null;
	}
}

function hasNonAscii(bytes: Uint8Array): boolean {
	return bytes.some((b) => b >= 0x80);
}

function warning(message: string): Diagnostic {
	return { severity: 'warning', stage: 'decode', line: null, message };
}
