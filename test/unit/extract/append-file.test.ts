/**
 * The append-only file behind the spools and spills (scripts/lib/append-file.ts): what is read back,
 * by `read` or through `view`'s read-ahead, is what was appended — in order or not, across the
 * read-ahead's pieces, for a piece larger than them, and after more was appended.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppendFile } from '../../../scripts/lib/append-file';

/** Record `n`: bytes that say which record they are, of a length that varies with `n` (a few of them over 256 KB). */
function record(n: number): Uint8Array {
	const length = n % 97 === 0 ? 300_000 + n : 50 + ((n * 7919) % 4000);
	const bytes = new Uint8Array(length);
	for (let i = 0; i < length; i++) bytes[i] = (n * 31 + i) % 251;
	return bytes;
}

describe('AppendFile', () => {
	let dir = '';
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'append-file-test-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('views what was appended, in order and out of order, across read-ahead pieces', () => {
		const file = new AppendFile(join(dir, 'f'), 64 << 10);
		const at: { offset: number; length: number }[] = [];
		for (let n = 0; n < 400; n++) {
			const bytes = record(n);
			at.push({ offset: file.length, length: bytes.length });
			file.append(bytes);
		}
		file.flush();
		for (let n = 0; n < 400; n++) expect(Buffer.from(file.view(at[n]!.offset, at[n]!.length)).equals(Buffer.from(record(n))), `record ${n}`).toBe(true);
		for (const n of [399, 3, 250, 97, 98, 0, 194]) expect(Buffer.from(file.view(at[n]!.offset, at[n]!.length)).equals(Buffer.from(record(n))), `record ${n}`).toBe(true);
		expect(Buffer.from(file.read(at[5]!.offset, at[5]!.length)).equals(Buffer.from(record(5)))).toBe(true);
		file.close();
	});

	it('views bytes appended after an earlier view read ahead', () => {
		const file = new AppendFile(join(dir, 'f'), 64 << 10);
		file.append(new TextEncoder().encode('first line\n'));
		file.flush();
		expect(new TextDecoder().decode(file.view(0, 5))).toBe('first');
		file.append(new TextEncoder().encode('second line\n'));
		file.flush();
		expect(new TextDecoder().decode(file.view(11, 11))).toBe('second line');
		expect(new TextDecoder().decode(file.view(6, 4))).toBe('line');
		file.close();
	});
});
