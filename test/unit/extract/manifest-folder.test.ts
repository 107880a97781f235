/**
 * manifest.csv as users write it: saved from Excel on a Chinese Windows (GB18030, or UTF-16 as
 * "Unicode text"), with a row for a file that is not in the folder, a file named twice, a row with
 * no file. The metadata it gives is applied as written, never garbled, and every row it cannot use
 * is said with its line.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFolderPacked } from '../../../scripts/lib/extract-folder';
import type { DocumentReport } from '../../../scripts/lib/document-report';
import { gb18030Encode } from '../../helpers/gb18030';
import { RAW_DIR } from './seed-helpers';

const SEED = readdirSync(RAW_DIR).find((f) => f.startsWith('002')) as string;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function runWith(manifest: Uint8Array | string): Promise<{ reports: DocumentReport[]; warnings: string[] }> {
	const dir = mkdtempSync(join(tmpdir(), 'bl-manifest-'));
	dirs.push(dir);
	copyFileSync(join(RAW_DIR, SEED), join(dir, SEED));
	writeFileSync(join(dir, 'manifest.csv'), manifest);
	const reports: DocumentReport[] = [];
	const result = await extractFolderPacked(dir, { rows: () => {}, revoke: () => {}, document: (r) => void reports.push(r) }, { jobs: 0 });
	return { reports, warnings: result.warnings };
}

const ROWS = `file,district,department,year,kind\r\n${SEED},渝中区,测试单位,2022,决算\r\n`;
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);

describe('manifest.csv', () => {
	it.each([
		['UTF-8', ROWS],
		['GB18030 (Excel’s CSV on a Chinese Windows)', gb18030Encode(ROWS)],
		['UTF-16 with a BOM, tab-separated (Excel’s “Unicode text”)', utf16le(ROWS.replaceAll(',', '\t'))]
	])('in %s is applied as written', async (_, manifest) => {
		const { reports, warnings } = await runWith(manifest);
		expect(warnings).toEqual([]);
		expect(reports.map((r) => [r.document.district, r.document.department, r.document.year, r.document.kind])).toEqual([['渝中区', '测试单位', 2022, 'final']]);
	});

	it('says which rows it cannot use, by line: a file not in the folder, a file named twice, a row with no file', async () => {
		const { reports, warnings } = await runWith(`file,district,department,year,kind\n${SEED},渝中区,,2022,\nmissing.txt,北碚区,,2023,决算\n${SEED},江北区,,,\n,北碚区,,2023,\n`);
		expect(reports[0]!.document.district).toBe('渝中区');
		expect(warnings).toEqual([
			'extract: manifest.csv:3: manifest.csv 第 3 行：目录中没有文件 missing.txt，此行未用 (no such file)',
			`extract: manifest.csv:4: manifest.csv 第 4 行：文件 ${SEED} 已在第 2 行给出，此行未用 (file named twice)`,
			'extract: manifest.csv:5: manifest.csv 第 5 行：没有文件名，此行未用 (no file)'
		]);
	});

	it('names a file of a subfolder by its path; one in a subfolder is not used, and said', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bl-manifest-'));
		dirs.push(dir);
		mkdirSync(join(dir, '北碚区', '2023'), { recursive: true });
		copyFileSync(join(RAW_DIR, SEED), join(dir, '北碚区', '2023', SEED));
		writeFileSync(join(dir, 'manifest.csv'), `file,district,department,year,kind\n北碚区/2023/${SEED},渝中区,,,\n`);
		writeFileSync(join(dir, '北碚区', 'manifest.csv'), `file,district\n2023/${SEED},江北区\n`);
		const reports: DocumentReport[] = [];
		const result = await extractFolderPacked(dir, { rows: () => {}, revoke: () => {}, document: (r) => void reports.push(r) }, { jobs: 0 });
		expect(reports.map((r) => [r.document.source_file, r.document.district])).toEqual([[`北碚区/2023/${SEED}`, '渝中区']]);
		expect(result.warnings).toEqual(['extract: 北碚区/manifest.csv: 只读取顶层目录的 manifest.csv，此文件未用；请把其中的行移到顶层（文件名写成 北碚区/…）(manifest in a subfolder not used)']);
	});

	it('that cannot be read as text is said, and the folder is extracted without it', async () => {
		const { reports, warnings } = await runWith(new Uint8Array([0x66, 0x69, 0x00, 0x01, 0x02, 0x00, 0xff, 0x00]));
		expect(reports).toHaveLength(1);
		expect(warnings).toEqual(['extract: manifest.csv:1: 二进制内容：第 2 字节为 NUL (binary file)；manifest.csv 未用 (manifest not used)']);
	});
});
