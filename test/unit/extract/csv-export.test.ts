/**
 * Tables saved from Excel as CSV (“CSV（逗号分隔）”, GB18030 on a Chinese Windows): each row padded
 * to the sheet's width with empty cells, a cell holding a comma quoted, a cell holding a line break
 * quoted across lines. Read as the tab-separated text they were saved from: the same figures, each
 * traced to the CSV's line; a text disclosure, whose figures hold commas too, is never taken for one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { districtDocuments } from '../../../scripts/lib/generate/corpus';
import { looksLikeCsv } from '../../../src/lib/extract/csv-lines';
import { splitLines } from '../../../src/lib/extract/layout';
import { extractFile } from '../../../src/lib/extract/read-file';
import { sourceRef } from '../../../src/lib/extract/source';
import { gb18030Encode } from '../../helpers/gb18030';
import { RAW_DIR } from './seed-helpers';
import { documentFigures } from '../../helpers/document-figures';

/** A tab-separated text as Excel writes it to CSV: quoted where a cell holds a comma or quote, each row as wide as the widest. */
function asExcelCsv(text: string): string {
	const rows = text.split('\n').map((l) => l.replace(/\r$/, '').split('\t'));
	const width = Math.max(...rows.map((r) => r.length));
	const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
	return rows.map((r) => [...r, ...new Array(width - r.length).fill('')].map(quote).join(',')).join('\r\n');
}

const seed = readFileSync(join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith('004')) as string), 'utf8');
const generated = [...districtDocuments({ districts: 1, departments: 3, years: 1, lastYear: 2023, seed: 9, shares: { pdf: 0, html: 0, fault: 0, narrative: 0 } }, 0)].find((d) => d.file.endsWith('-tabs.txt'))!.content;

const figures = documentFigures;

describe('a table saved as CSV', () => {
	it.each([
		['a tables file (seed 004)', seed],
		['a generated disclosure, prose and tables', generated]
	])('gives the figures of the text it was saved from: %s, in GB18030, each row traced to its CSV line', async (_, text) => {
		const original = await extractFile('x.txt', new TextEncoder().encode(text), 'a');
		const csv = asExcelCsv(text);
		const doc = await extractFile('x.csv', gb18030Encode(csv), 'b');
		expect(doc.functionRows.length).toBeGreaterThan(0);
		expect(figures(doc)).toEqual(figures(original));
		const csvLines = csv.split('\r\n');
		for (const row of doc.functionRows) expect(csvLines[sourceRef(doc.pagedLines ?? [], row.source_line).line - 1]).toMatch(new RegExp(`^"?${row.code}`));
	});

	it('keeps a cell whose text breaks across lines in its row, traced to the line where the row starts', async () => {
		const csv = asExcelCsv(seed).replace(/^(201),一般公共服务支出,/m, '$1,"一般公共\n服务支出",');
		const doc = await extractFile('x.csv', new TextEncoder().encode(csv), 'b');
		const row = doc.functionRows.find((r) => r.code === '201')!;
		expect(row.name).toBe('一般公共 服务支出');
		expect(csv.split('\r\n')[sourceRef(doc.pagedLines ?? [], row.source_line).line - 1]).toMatch(/^201,/);
	});

	it('never takes a text disclosure for one (figures with commas, prose)', () => {
		for (const f of readdirSync(RAW_DIR)) expect(looksLikeCsv(splitLines(readFileSync(join(RAW_DIR, f), 'utf8').replace(/\t/g, '  ')))).toBe(false);
	});
});
