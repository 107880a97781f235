/**
 * What users download beside the disclosures that is not text — the tables as an Excel attachment,
 * the narrative as Word, a zipped bundle of attachments, a scan as an image — is refused with what
 * it is and what to do, naming the file, rather than as "binary". The Excel workbook is written by
 * exceljs (a real .xlsx); the others carry their formats' signatures.
 */
import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/lib/extract/read-file';

/** A ZIP of one entry named `name` (deflated), as every ZIP writer starts one. */
function zipOf(name: string, content: string): Uint8Array {
	const data = deflateRawSync(Buffer.from(content));
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(20, 4);
	header.writeUInt16LE(8, 8); // deflate
	header.writeUInt32LE(data.length, 18);
	header.writeUInt32LE(content.length, 22);
	header.writeUInt16LE(Buffer.byteLength(name), 26);
	return new Uint8Array(Buffer.concat([header, Buffer.from(name), data]));
}

async function xlsx(): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('表1 收支总表');
	sheet.addRow(['收入', '金额']);
	sheet.addRow(['一般公共预算拨款收入', 123.45]);
	return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('files that are not text', () => {
	it.each([
		['预算公开表.xlsx', xlsx, /预算公开表\.xlsx: 这是 Excel 工作簿（\.xlsx）：请另存为 PDF，或把各表另存为 CSV 或“文本文件（制表符分隔）”/],
		['说明.docx', async () => zipOf('word/document.xml', '<w:document/>'), /说明\.docx: 这是 Word 文档（\.docx）：请另存为 PDF 或纯文本/],
		['附件.zip', async () => zipOf('2024年部门预算公开.pdf', '%PDF-1.7'), /附件\.zip: 这是 ZIP 压缩包：请先解压/],
		['旧表.xls', async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), /旧表\.xls: 这是旧版 Word\/Excel\/WPS 文件/],
		['附件.rar', async () => new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, 0, 0, 0]), /附件\.rar: 这是 RAR 压缩包/],
		['扫描.jpg', async () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), /扫描\.jpg: 这是图片（JPEG），没有可读取的文字/]
	])('%s is said for what it is', async (name, make, message) => {
		await expect(extractFile(name, await make(), 'x')).rejects.toThrow(message);
	});
});
