/** The append-only file under the writer's spools and a folder run's spills: bytes back as appended, in order, whatever their sizes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppendFile } from '../../../scripts/lib/append-file';

describe('AppendFile', () => {
	const dir = mkdtempSync(join(tmpdir(), 'append-file-test-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('keeps pieces smaller and larger than its buffer in order, readable back and on disk once closed', () => {
		const file = new AppendFile(join(dir, 'a.bin'), 16);
		const pieces = [5, 11, 1, 40, 3, 16, 0, 17].map((n, i) => new Uint8Array(n).fill(i + 1));
		const all = Buffer.concat(pieces);
		const source = new Uint8Array(8).fill(9);
		file.append(source);
		source.fill(0); // the bytes were copied, not held as a view
		for (const p of pieces) file.append(p);
		expect(file.length).toBe(8 + all.length);
		file.flush();
		expect([...file.read(8, all.length)]).toEqual([...all]);
		expect([...file.read(0, 8)]).toEqual(new Array(8).fill(9));
		expect(() => file.read(0, 8 + all.length + 1)).toThrow(/ends before byte/);
		file.append(new Uint8Array([7, 7]));
		file.close();
		file.close();
		expect([...readFileSync(join(dir, 'a.bin'))]).toEqual([...new Array(8).fill(9), ...all, 7, 7]);
		expect(() => file.append(new Uint8Array(1))).toThrow(/closed/);
	});
});
