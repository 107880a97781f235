/**
 * PNG text chunks: writes the caption into a PNG as iTXt chunks (UTF-8, so Chinese survives;
 * tEXt is Latin-1 only) and reads them back. Chunk layout and CRC as in the PNG specification
 * (ISO/IEC 15948, §5.3 and §11.3.3.4). Pure: bytes in, bytes out.
 */
import type { TextEntry } from './caption';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** CRC-32 (ISO 3309, polynomial 0xEDB88320), the table built once. */
const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** The CRC-32 of `bytes`, as PNG computes it over a chunk's type and data. */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** One chunk as stored: its type, data and whether the stored CRC matches. */
export interface PngChunk {
	type: string;
	data: Uint8Array;
	crcOk: boolean;
}

function assertPng(png: Uint8Array): void {
	if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('png: not a PNG file (bad signature)');
}

/** Every chunk of `png` in file order. Throws on a bad signature or a chunk running past the end. */
export function readChunks(png: Uint8Array): PngChunk[] {
	assertPng(png);
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const chunks: PngChunk[] = [];
	let offset = 8;
	while (offset < png.length) {
		if (offset + 12 > png.length) throw new Error(`png: truncated chunk header at byte ${offset}`);
		const length = view.getUint32(offset);
		const end = offset + 12 + length;
		if (end > png.length) throw new Error(`png: chunk at byte ${offset} runs past the end`);
		const typeAndData = png.subarray(offset + 4, offset + 8 + length);
		chunks.push({
			type: String.fromCharCode(...typeAndData.subarray(0, 4)),
			data: typeAndData.subarray(4),
			crcOk: crc32(typeAndData) === view.getUint32(offset + 8 + length)
		});
		offset = end;
	}
	return chunks;
}

/** A chunk's bytes: length, type, data, CRC over type and data. */
export function encodeChunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

/** Keywords are 1–79 printable Latin-1 characters without leading, trailing or double spaces. */
function assertKeyword(keyword: string): void {
	if (!/^[\x21-\x7e\xa1-\xff](?:[\x21-\x7e\xa1-\xff]| (?! ))*$/.test(keyword) || keyword.length > 79 || keyword.endsWith(' ')) {
		throw new Error(`png: invalid text keyword ${JSON.stringify(keyword)}`);
	}
}

/**
 * An iTXt chunk's data: keyword, NUL, compression flag 0 and method 0 (uncompressed), language
 * tag, NUL, translated keyword (empty), NUL, UTF-8 text.
 */
export function iTXtData(entry: TextEntry, language = 'zh-CN'): Uint8Array {
	assertKeyword(entry.keyword);
	const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
	const text = new TextEncoder().encode(entry.text);
	const head = [...latin1(entry.keyword), 0, 0, 0, ...latin1(language), 0, 0];
	const out = new Uint8Array(head.length + text.length);
	out.set(head);
	out.set(text, head.length);
	return out;
}

/**
 * `png` with one iTXt chunk per entry inserted right after IHDR (the specification allows text
 * chunks anywhere between IHDR and IEND; early means a reader that stops at the image data still
 * sees them). The input is not modified.
 */
export function insertPngText(png: Uint8Array, entries: readonly TextEntry[]): Uint8Array {
	const chunks = readChunks(png);
	if (chunks[0]?.type !== 'IHDR') throw new Error('png: first chunk is not IHDR');
	const afterIhdr = 8 + 12 + chunks[0].data.length;
	const added = entries.map((e) => encodeChunk('iTXt', iTXtData(e)));
	const size = png.length + added.reduce((n, c) => n + c.length, 0);
	const out = new Uint8Array(size);
	out.set(png.subarray(0, afterIhdr));
	let at = afterIhdr;
	for (const c of added) {
		out.set(c, at);
		at += c.length;
	}
	out.set(png.subarray(afterIhdr), at);
	return out;
}

function nulAt(data: Uint8Array, from: number): number {
	const i = data.indexOf(0, from);
	if (i < 0) throw new Error('png: text chunk without its NUL separator');
	return i;
}

const latin1Text = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** The uncompressed iTXt and tEXt entries of `png`, in file order (compressed ones are skipped). */
export function readPngText(png: Uint8Array): TextEntry[] {
	const entries: TextEntry[] = [];
	for (const { type, data } of readChunks(png)) {
		if (type === 'tEXt') {
			const k = nulAt(data, 0);
			entries.push({ keyword: latin1Text(data.subarray(0, k)), text: latin1Text(data.subarray(k + 1)) });
		} else if (type === 'iTXt') {
			const k = nulAt(data, 0);
			if (data[k + 1] !== 0) continue; // compressed: not written here
			const lang = nulAt(data, k + 3);
			const translated = nulAt(data, lang + 1);
			entries.push({ keyword: latin1Text(data.subarray(0, k)), text: new TextDecoder().decode(data.subarray(translated + 1)) });
		}
	}
	return entries;
}

/** Width and height from IHDR. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
	const ihdr = readChunks(png)[0];
	if (ihdr?.type !== 'IHDR' || ihdr.data.length < 8) throw new Error('png: first chunk is not IHDR');
	const view = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, 8);
	return { width: view.getUint32(0), height: view.getUint32(4) };
}
