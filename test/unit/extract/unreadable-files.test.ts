/**
 * Files a folder of downloads can hold that cannot be read as they are: larger than any disclosure
 * (a disk image, a video, a database export), a link to nothing, a file gone between the listing
 * and the read. Each is reported by name with why, in one thread and in workers, and the other
 * files' documents are extracted all the same. The large files are sparse: nothing is written.
 */
import { copyFileSync, mkdtempSync, openSync, closeSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFolderPacked, type FolderResult } from '../../../scripts/lib/extract-folder';
import { readAndExtract } from '../../../scripts/lib/folder-corpus';
import { RAW_DIR } from './seed-helpers';

const MiB = 1024 * 1024;
let dir: string;

/** A sparse file of `bytes`, starting with `head`. */
function sparse(name: string, bytes: number, head = ''): void {
	const path = join(dir, name);
	writeFileSync(path, '');
	truncateSync(path, bytes);
	if (head) {
		const fd = openSync(path, 'r+');
		writeSync(fd, head, 0);
		closeSync(fd);
	}
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'bl-unreadable-'));
	const seed = readdirSync(RAW_DIR).find((f) => f.startsWith('002')) as string;
	copyFileSync(join(RAW_DIR, seed), join(dir, 'a-good.txt'));
	// Past what Node reads into one buffer (2 GiB): the whole run used to stop on it.
	sparse('b-disk.img', 3 * 1024 * MiB);
	// A text file far larger than any disclosure: refused before it is read and decoded.
	sparse('c-export.txt', 200 * MiB, '预算 决算 ');
	// A PDF may be larger than a text; one past the PDF limit is refused too.
	sparse('d-huge.pdf', 1100 * MiB, '%PDF-1.7\n');
	symlinkSync(join(dir, 'nowhere'), join(dir, 'e-link.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(jobs: number): Promise<{ result: FolderResult; docs: string[] }> {
	const docs: string[] = [];
	const result = await extractFolderPacked(
		dir,
		{ rows: () => {}, revoke: () => {}, document: (report) => void docs.push(String(report.document.source_file)) },
		{ jobs }
	);
	return { result, docs };
}

describe('files that cannot be read', () => {
	it.each([0, 2])('are reported by name and why, and the good file is extracted (%i workers)', async (jobs) => {
		const { result, docs } = await run(jobs);
		expect(docs).toEqual(['a-good.txt']);
		const why = Object.fromEntries(result.failures.map((f) => [f.file, f]));
		expect(Object.keys(why).sort()).toEqual(['b-disk.img', 'c-export.txt', 'd-huge.pdf', 'e-link.txt']);
		expect(why['b-disk.img']!.message).toMatch(/b-disk\.img: 文件过大：3,072 MB.*\(file too large\)/);
		expect(why['c-export.txt']!.message).toMatch(/c-export\.txt: 文件过大：200 MB，文本和网页文件至多 64 MB/);
		expect(why['d-huge.pdf']!.message).toMatch(/d-huge\.pdf: 文件过大：1,100 MB，PDF 文件至多 1,024 MB/);
		expect(why['e-link.txt']!.message).toMatch(/e-link\.txt: 无法读取文件.*ENOENT/);
		expect(result.failures.every((f) => f.unreadable)).toBe(true);
	}, 60_000);

	it('a file removed between the listing and the read is reported, not thrown', async () => {
		const [{ read, outcome }] = await readAndExtract(dir, 'f-gone.txt', undefined, {});
		expect(outcome).toBeNull();
		expect(read.ok).toBe(false);
		expect(!read.ok && read.failure.message).toMatch(/f-gone\.txt: 无法读取文件.*ENOENT/);
	});
});
