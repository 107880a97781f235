/**
 * Node's UTF-8 decoding for the folder extractor (scripts/lib/utf8-node.ts): the same text as the
 * TextDecoder the extractor otherwise uses, or null (and then TextDecoder decides) for anything that
 * is not valid UTF-8 — so a file reads the same with it or without.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeUtf8 } from '../../../scripts/lib/utf8-node';
import { decodeDisclosure } from '../../../src/lib/extract/decode';
import { RAW_DIR } from './seed-helpers';

const bytesOf = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));
const reference = (bytes: Uint8Array) => {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
};

describe('nodeUtf8', () => {
	const cases: [string, Uint8Array][] = [
		['Chinese, full-width figures and an astral character', bytesOf('一般公共服务支出 １，４５２．３６ 万元 𠀀\r\n2021年\t决算')],
		['a BOM (dropped, as TextDecoder drops it)', bytesOf([0xef, 0xbb, 0xbf], '部门预算')],
		['two BOMs (the second is text)', bytesOf([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], '部门预算')],
		['only a BOM', bytesOf([0xef, 0xbb, 0xbf])],
		['ASCII only', bytesOf('2021 123.45')]
	];
	for (const [name, bytes] of cases) it(`reads ${name} as TextDecoder does`, () => expect(nodeUtf8(bytes)).toBe(reference(bytes)));

	const invalid: [string, Uint8Array][] = [
		['a stray continuation byte', bytesOf('预算', [0x80], '决算')],
		['a character cut off at the end', bytesOf('预算', [0xe5, 0x86])],
		['an overlong form', bytesOf([0xc0, 0x80])],
		['an encoded surrogate', bytesOf([0xed, 0xa0, 0x80])],
		['GB18030', new Uint8Array([0xd4, 0xa4, 0xcb, 0xe3])] // 预算
	];
	for (const [name, bytes] of invalid) it(`answers null for ${name}`, () => expect(nodeUtf8(bytes)).toBeNull());
});

describe('a disclosure decodes the same with nodeUtf8 as without', () => {
	const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
	const files = [...walk(RAW_DIR), ...walk('test/fixtures/bad-input'), ...walk('test/fixtures/disclosures')].filter((f) => f.endsWith('.txt'));
	const seed = new Uint8Array(readFileSync(files[0] as string));
	const inputs: [string, Uint8Array][] = [
		...files.map((f): [string, Uint8Array] => [f, new Uint8Array(readFileSync(f))]),
		['a seed with one invalid byte', new Uint8Array([...seed.subarray(0, 400), 0xff, ...seed.subarray(400)])],
		['a seed cut mid-character', new Uint8Array([...seed, 0xe9, 0xa2])],
		['a seed as UTF-16LE', new Uint8Array(Buffer.from(new TextDecoder().decode(seed), 'utf16le'))],
		['a NUL byte', bytesOf('预算', [0], '决算')],
		['nothing', new Uint8Array()]
	];
	const outcome = (file: string, bytes: Uint8Array, fast: boolean) => {
		try {
			return decodeDisclosure(file, bytes, fast ? nodeUtf8 : undefined);
		} catch (error) {
			return { error: (error as Error).message };
		}
	};
	it.each(inputs)('%s', (file, bytes) => expect(outcome(file, bytes, true)).toEqual(outcome(file, bytes, false)));
	it('covers clean, damaged and refused files', () => {
		const results = inputs.map(([f, b]) => outcome(f, b, true));
		expect(results.filter((r) => 'error' in r)).toHaveLength(2);
		expect(results.filter((r) => 'diagnostics' in r && r.diagnostics.length > 0)).toHaveLength(2);
		expect(results.filter((r) => 'encoding' in r && r.encoding === 'utf-8' && r.diagnostics.length === 0).length).toBeGreaterThan(5);
	});
});
