/**
 * The files a folder extraction reads: every disclosure file, in subfolders too (by its path), a
 * link as what it points to, sorted; not hidden files, the manifest, a saved page's resource folder
 * or links to folders — and how the first pass hands them
 * to workers: a few a task, in order, a PDF alone.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstPassTasks, listDisclosures, listFolder } from '../../../scripts/lib/extract-folder';

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

	it('lists the files of subfolders (downloads kept by district, by year) by their path, sorted; not a saved page’s resource folder, nor links to folders', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bl-list-'));
		const put = (path: string) => {
			mkdirSync(join(dir, path, '..'), { recursive: true });
			writeFileSync(join(dir, path), 'x');
		};
		for (const path of ['z-top.txt', '北碚区/2024-budget.pdf', '北碚区/2023/final.html', '北碚区/2023/final_files/style.css', '江北区/page.files/a.gif', '江北区/.cache/x.txt', '江北区/manifest.csv']) put(path);
		symlinkSync(join(dir, '北碚区'), join(dir, 'loop'));
		const { files, nestedManifests } = await listFolder(dir);
		expect(files).toEqual(['z-top.txt', '北碚区/2023/final.html', '北碚区/2024-budget.pdf'].sort());
		expect(nestedManifests).toEqual(['江北区/manifest.csv']);
		expect(await listDisclosures(dir)).toEqual(files);
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
