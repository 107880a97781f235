/**
 * iTXt chunks written into a real PNG and read back: CRCs checked against zlib's own CRC-32, the
 * image's chunks kept byte for byte, and the file still decodable.
 */
import { crc32 as zlibCrc32, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodeChunk, insertPngText, pngSize, readChunks, readPngText } from '$lib/export/png-text';

/** A 3 × 2 RGB PNG made from scratch, so the test does not depend on the encoder under test. */
function tinyPng(): Uint8Array {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(3, 0);
	ihdr.writeUInt32BE(2, 4);
	ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, adaptive filter, no interlace
	const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 9, 9, 9, 8, 8, 8, 7, 7, 7]);
	const chunk = (type: string, data: Uint8Array) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const out = Buffer.alloc(12 + data.length);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(zlibCrc32(body), 8 + data.length);
		return out;
	};
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			chunk('IHDR', ihdr),
			chunk('IDAT', deflateSync(raw)),
			chunk('IEND', new Uint8Array())
		])
	);
}

describe('crc32', () => {
	it('is the CRC-32 of ISO 3309 (check value of "123456789")', () => {
		expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
	});

	it('agrees with zlib on a chunk of Chinese text', () => {
		const bytes = new TextEncoder().encode('iTXt来源：甲区·财政局 2022年决算');
		expect(crc32(bytes)).toBe(zlibCrc32(bytes));
	});
});

describe('insertPngText', () => {
	const entries = [
		{ keyword: 'Title', text: '各类支出金额' },
		{ keyword: 'Description', text: '筛选条件：地区 全部\n单位：万元\n生成日期：2026年12月1日' },
		{ keyword: 'Source', text: '来源：甲区·财政局 2022年决算' },
		{ keyword: 'Creation Time', text: '2026-12-01T09:30:00.000Z' }
	];

	it('writes iTXt chunks with valid CRCs right after IHDR, keeping the image chunks as they were', () => {
		const png = tinyPng();
		const out = insertPngText(png, entries);
		const chunks = readChunks(out);
		expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'iTXt', 'iTXt', 'iTXt', 'IDAT', 'IEND']);
		expect(chunks.every((c) => c.crcOk)).toBe(true);
		const before = readChunks(png);
		expect(chunks[0].data).toEqual(before[0].data);
		expect(chunks[5].data).toEqual(before[1].data);
		// the pixels still decode: filter byte + 3 RGB pixels per row
		expect(inflateSync(chunks[5].data).length).toBe(2 * (1 + 3 * 3));
		expect(png.length).toBe(tinyPng().length); // input untouched
	});

	it('reads back every entry in UTF-8', () => {
		expect(readPngText(insertPngText(tinyPng(), entries))).toEqual(entries);
	});

	it('lays the iTXt data out as the specification says', () => {
		const out = insertPngText(tinyPng(), [{ keyword: 'Title', text: '甲' }]);
		const data = readChunks(out)[1].data;
		// keyword NUL, compression flag 0, method 0, language "zh-CN" NUL, translated keyword NUL, UTF-8
		expect([...data]).toEqual([...Buffer.from('Title\0\0\0zh-CN\0\0', 'latin1'), ...Buffer.from('甲', 'utf8')]);
	});

	it('refuses keywords a PNG reader would not accept', () => {
		for (const keyword of ['', ' Title', 'Title ', 'Creation  Time', 'x'.repeat(80), '标题']) {
			expect(() => insertPngText(tinyPng(), [{ keyword, text: 'x' }]), keyword).toThrow(/keyword/);
		}
	});

	it('refuses what is not a PNG, and a CRC that does not match is reported', () => {
		expect(() => insertPngText(new Uint8Array([1, 2, 3]), entries)).toThrow(/not a PNG/);
		const broken = insertPngText(tinyPng(), entries);
		broken[8 + 25 + 20] ^= 0xff; // a byte inside the first iTXt's data
		expect(readChunks(broken).map((c) => c.crcOk)).toContain(false);
	});
});

describe('pngSize', () => {
	it('reads width and height from IHDR', () => {
		expect(pngSize(tinyPng())).toEqual({ width: 3, height: 2 });
	});

	it('encodes a chunk whose CRC zlib confirms', () => {
		const c = encodeChunk('tEXt', new TextEncoder().encode('Title\0x'));
		expect(Buffer.from(c).readUInt32BE(c.length - 4)).toBe(zlibCrc32(c.subarray(4, c.length - 4)));
	});
});
