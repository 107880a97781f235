/**
 * The files a folder extraction reads: every disclosure file, a link as what it points to, sorted;
 * not hidden files, the manifest, folders or links to folders.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDisclosures } from '../../../scripts/lib/extract-folder';

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

	it('fails on a link that points nowhere, naming it, as reading it would', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bl-list-'));
		symlinkSync(join(dir, 'gone.txt'), join(dir, 'broken.txt'));
		await expect(listDisclosures(dir)).rejects.toThrow(/broken\.txt/);
	});
});
