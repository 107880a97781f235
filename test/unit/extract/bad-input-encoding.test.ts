/**
 * Encodings users actually hand over: Windows "Unicode" (UTF-16 LE/BE, with or without BOM), and
 * text with one invalid byte (a bad copy, a file cut mid-character). The byte positions below are
 * where each test puts the bad byte; the expected figures are those the seed prints (see
 * seeds.test.ts), compared with the same seed read as clean UTF-8.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDisclosure } from '../../../src/lib/extract/decode';
import { extractDocument } from '../../../src/lib/extract/document';
import { ExtractError } from '../../../src/lib/extract/errors';
import { RAW_DIR } from './seed-helpers';
import { gb18030Encode } from '../../helpers/gb18030';

const seed = (prefix: string) => new Uint8Array(readFileSync(join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith(prefix)) as string)));
const seedText = (prefix: string) => new TextDecoder().decode(seed(prefix));
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const swapPairs = (b: Uint8Array) => b.map((_, i) => b[i % 2 === 0 ? i + 1 : i - 1]);
const concat = (...parts: ArrayLike<number>[]) => new Uint8Array(parts.flatMap((p) => Array.from(p)));
/** Inserts `bytes` at `at`. */
const splice = (b: Uint8Array, at: number, ...bytes: number[]) => concat(b.subarray(0, at), bytes, b.subarray(at));

describe('UTF-16 ("Unicode" from Windows) is decoded, not refused as binary', () => {
	const text = seedText('004');
	const reference = extractDocument('u.txt', seed('004'), 'x');
	const cases: [string, Uint8Array, string][] = [
		['LE with BOM', concat([0xff, 0xfe], utf16le(text)), 'utf-16le'],
		['LE without BOM', utf16le(text), 'utf-16le'],
		['BE with BOM', concat([0xfe, 0xff], swapPairs(utf16le(text))), 'utf-16be'],
		['BE without BOM', swapPairs(utf16le(text)), 'utf-16be']
	];
	for (const [name, bytes, encoding] of cases) {
		it(name, () => {
			expect(decodeDisclosure('w.txt', bytes).encoding).toBe(encoding);
			const d = extractDocument('w.txt', bytes, 'x');
			expect(d.document).toMatchObject({ district: '綦江区', year: 2024, kind: 'budget' });
			expect(d.functionRows).toEqual(reference.functionRows);
		});
	}
	it('binary with NUL bytes is still refused', () => {
		const bytes = new Uint8Array(400).map((_, i) => (i * 37) % 256);
		expect(() => decodeDisclosure('bin.dat', bytes)).toThrow(ExtractError);
	});
});

describe('one invalid byte: decoded, reported with its line and byte offset, the rest extracted', () => {
	const reference = extractDocument('u.txt', seed('004'), 'x');
	it('UTF-8 with a stray 0xFF on line 2 (byte 1: line 1 is empty)', () => {
		const bytes = splice(seed('004'), 1, 0xff);
		const decoded = decodeDisclosure('bad.txt', bytes);
		expect(decoded.encoding).toBe('utf-8');
		const d = extractDocument('bad.txt', bytes, 'x');
		expect(d.functionRows).toEqual(reference.functionRows);
		const diag = d.diagnostics.find((x) => x.stage === 'decode');
		expect(diag).toMatchObject({ severity: 'warning', line: 2 });
		expect(diag?.message).toMatch(/第 1 字节/);
		expect(diag?.message).toMatch(/0xFF/);
		expect(diag?.message).toMatch(/invalid byte/);
	});
	it('UTF-8 with a character cut short inside line 3 (its first byte at offset 2)', () => {
		// Line 3 is 财政拨款收支总表; dropping the 2nd byte of 财 leaves a broken sequence at byte 2.
		const b = seed('004');
		const bytes = concat(b.subarray(0, 3), b.subarray(4));
		const d = extractDocument('cut.txt', bytes, 'x');
		const diag = d.diagnostics.find((x) => x.stage === 'decode');
		expect(diag).toMatchObject({ line: 3 });
		expect(diag?.message).toMatch(/第 2 字节/);
		expect(d.functionRows).toEqual(reference.functionRows);
	});
	it('a file cut inside its last character is read up to there', () => {
		const b = seed('004');
		const text = seedText('004');
		const lastLine = text.split('\n').length;
		const d = extractDocument('end.txt', b.subarray(0, b.length - 2), 'x');
		expect(d.diagnostics.find((x) => x.stage === 'decode')).toMatchObject({ line: lastLine });
		expect(d.functionRows).toEqual(reference.functionRows);
	});
	it('GB18030 with one invalid byte is still read as GB18030', () => {
		const gb = gb18030Encode(seedText('004'));
		const bytes = splice(gb, 1, 0xff);
		expect(decodeDisclosure('gb.txt', bytes).encoding).toBe('gb18030');
		const d = extractDocument('gb.txt', bytes, 'x');
		expect(d.diagnostics.find((x) => x.stage === 'decode')).toMatchObject({ line: 2 });
		expect(d.functionRows).toEqual(reference.functionRows);
	});
	it('text in no known encoding at all is still refused', () => {
		// Latin-1 lines ending in é (`aé`): 0xE9 before a newline is neither UTF-8 nor GB18030.
		const bytes = new Uint8Array(Array.from({ length: 300 }, (_, i) => [0x61, 0xe9, 0x0a][i % 3]));
		expect(() => decodeDisclosure('latin.txt', bytes)).toThrow(/neither UTF-8 nor GB18030/);
	});
});
