/**
 * The files a folder extraction reads: every disclosure file, a link as what it points to, sorted;
 * not hidden files, the manifest, folders or links to folders — and how the first pass hands them
 * to workers: a few a task, in order, a PDF alone.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstPassTasks, listDisclosures } from '../../../scripts/lib/extract-folder';

describe('listDisclosures', () => {
	it('lists files and links to files, sorted, and leaves out hidden files, the manifest, folders and links to folders', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bl-list-'));
		const elsewhere = mkdtempSync(join(tmpdir(), 'bl-list-target-'));
		for (const name of ['b-2023-final.txt', 'a-2024-budget.html', '.hidden.txt', 'manifest.csv']) writeFileSync(join(dir, name), 'x');
		writeFileSync(join(elsewhere, 'linked.txt'), 'x');
		mkdirSync(join(dir, 'sub.txt'));
		symlinkSync(join(elsewhere, 'linked.txt'), join(dir, 'c-linked.txt'));
		symlinkSync(elsewhere, join(dir, 'd-linked-folder'));
		expect(await listDisclosures(dir)).toEqual(['a-2024-budget.html', 'b-2023-final.txt', 'c-linked.txt']);
	});

	it('lists a link that points nowhere: its read then reports it by name, and the folder goes on (unreadable-files.test.ts)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bl-list-'));
		symlinkSync(join(dir, 'gone.txt'), join(dir, 'broken.txt'));
		expect(await listDisclosures(dir)).toEqual(['broken.txt']);
	});
});

describe('firstPassTasks', () => {
	const names = (tasks: { file: string }[][]) => tasks.map((t) => t.map((f) => f.file));

	it('puts the files in tasks of sixteen, in order, each with its manifest row', () => {
		const files = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`);
		const tasks = firstPassTasks(files, new Map([['f17.txt', { year: 2024 }]]));
		expect(names(tasks)).toEqual([files.slice(0, 16), files.slice(16, 32), files.slice(32)]);
		expect(tasks[1]?.[1]).toEqual({ file: 'f17.txt', override: { year: 2024 } });
		expect(tasks[1]?.[0]?.override).toBeUndefined();
	});

	it('gives a PDF a task of its own, the files around it keeping their order', () => {
		const files = ['a.txt', 'b.html', 'c.PDF', 'd.txt', 'e.pdf', 'f.pdf', 'g.txt'];
		expect(names(firstPassTasks(files, new Map()))).toEqual([['a.txt', 'b.html'], ['c.PDF'], ['d.txt'], ['e.pdf'], ['f.pdf'], ['g.txt']]);
		expect(firstPassTasks([], new Map())).toEqual([]);
	});
});
