/**
 * Stage 1: bytes → text. Disclosures arrive as UTF-8 (with or without BOM) or GB18030/GBK text
 * exported from PDFs and spreadsheets. Anything else (binary, a PDF renamed to .txt, empty) is
 * rejected with a message naming the file, so the other files are still extracted.
 */
import { ExtractError } from './errors';

export type TextEncoding = 'utf-8' | 'gb18030';

export interface DecodedText {
	text: string;
	encoding: TextEncoding;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Decodes a disclosure file; throws ExtractError when it cannot be text. */
export function decodeDisclosure(file: string, bytes: Uint8Array): DecodedText {
	if (bytes.length === 0) throw new ExtractError(file, 'decode', null, '文件为空 (empty file)');
	if (startsWith(bytes, PDF_MAGIC)) {
		throw new ExtractError(file, 'decode', null, '这是 PDF 文件，请先转换为文本 (a PDF given as text)');
	}
	const nul = bytes.indexOf(0);
	if (nul >= 0) {
		throw new ExtractError(file, 'decode', lineOfByte(bytes, nul), `二进制内容：第 ${nul} 字节为 NUL (binary file)`);
	}
	const decoded = tryDecode(bytes, 'utf-8') ?? tryDecode(bytes, 'gb18030');
	if (!decoded) throw new ExtractError(file, 'decode', null, '无法识别的文本编码 (neither UTF-8 nor GB18030)');
	const text = decoded.text.replace(/^\uFEFF/, '');
	if (text.trim() === '') throw new ExtractError(file, 'decode', null, '文件只有空白 (only whitespace)');
	const controls = countControlCharacters(text);
	if (controls > Math.max(8, text.length * 0.01)) {
		throw new ExtractError(file, 'decode', null, `含 ${controls} 个控制字符，不像文本 (binary-looking text)`);
	}
	return { text, encoding: decoded.encoding };
}

function tryDecode(bytes: Uint8Array, encoding: TextEncoding): DecodedText | null {
	try {
		// fatal: a wrong guess must fail rather than produce U+FFFD soup.
		return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
	} catch {
		return null;
	}
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

function lineOfByte(bytes: Uint8Array, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

function countControlCharacters(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) n++;
	}
	return n;
}
