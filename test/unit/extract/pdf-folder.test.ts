/**
 * The CLI's folder run reads PDFs as they are: extractFolder sets up the Node pdf.js engine itself
 * (once per run), so a PDF dropped into data/raw is extracted like a text file, and an unreadable
 * PDF is reported by name while the other files are still extracted.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../src/lib/extract/types';
import { extractFolder } from '../../../scripts/lib/extract-folder';
import { usePdfFixtures } from '../../helpers/pdf-fixtures';

const pdfs = usePdfFixtures();

describe('extractFolder with PDFs', () => {
	it('extracts a PDF without being handed an engine, and names an image-only PDF it cannot read', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'budget-lens-pdf-'));
		await writeFile(join(dir, '南岸区生态环境局2024预算.pdf'), await pdfs.fixture('nanan-sthjj-2024-budget.html'));
		await writeFile(join(dir, '扫描版.pdf'), await pdfs.fixture('image-only.html'));
		const docs: ExtractedDocument[] = [];
		const result = await extractFolder(dir, (_rows, doc) => {
			if (doc) docs.push(doc);
		});
		expect(docs.map((d) => [d.document.source_file, d.document.source_format, d.document.pages, d.document.department])).toEqual([
			['南岸区生态环境局2024预算.pdf', 'pdf', 4, '重庆市南岸区生态环境局']
		]);
		expect(result.failures.map((f) => [f.file, f.unreadable])).toEqual([['扫描版.pdf', true]]);
		expect(result.failures[0].message).toContain('没有一页有可用的文字层');
	}, 120_000); // typesetting two PDFs and reading each in the folder's plan and again to extract
});
