/**
 * Files users download beside the disclosures that are not text, told apart by their first bytes so
 * that the error says what to do rather than "binary": district sites publish tables as Excel and
 * Word attachments (often zipped), and scans as images.
 */

interface Kind {
	/** The first bytes. */
	magic: readonly number[];
	/** What the file is and what to do with it. */
	say: (bytes: Uint8Array) => string;
}

const ZIP_NAME_BYTES = 4096;
const LATIN1 = new TextDecoder('latin1');

/** A ZIP's first entries' names (stored in the local headers, ASCII for Office's). */
function zipKind(bytes: Uint8Array): string {
	const head = LATIN1.decode(bytes.subarray(0, ZIP_NAME_BYTES));
	if (/\bxl\//.test(head)) return '这是 Excel 工作簿（.xlsx）：请另存为 PDF，或把各表另存为 CSV 或“文本文件（制表符分隔）”后再放入 (an Excel workbook)';
	if (/\bword\//.test(head)) return '这是 Word 文档（.docx）：请另存为 PDF 或纯文本后再放入 (a Word document)';
	if (/\bppt\//.test(head)) return '这是 PowerPoint 文件（.pptx），不是公开文件 (a PowerPoint file)';
	if (/mimetypeapplication\/vnd\.oasis/.test(head)) return '这是 OpenDocument 文件（.odt/.ods）：请另存为 PDF 或纯文本后再放入 (an OpenDocument file)';
	return '这是 ZIP 压缩包：请先解压，再放入其中的公开文件 (a ZIP archive)';
}

const KINDS: readonly Kind[] = [
	{ magic: [0x50, 0x4b, 0x03, 0x04], say: zipKind },
	{ magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], say: () => '这是旧版 Word/Excel/WPS 文件（.doc/.xls/.wps）：请另存为 PDF，或把表格另存为 CSV 或“文本文件（制表符分隔）”后再放入 (an old Office document)' },
	{ magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], say: () => '这是 RAR 压缩包：请先解压，再放入其中的公开文件 (a RAR archive)' },
	{ magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], say: () => '这是 7z 压缩包：请先解压，再放入其中的公开文件 (a 7z archive)' },
	{ magic: [0x89, 0x50, 0x4e, 0x47], say: () => '这是图片（PNG），没有可读取的文字：请找文字版的 PDF 或网页 (an image)' },
	{ magic: [0xff, 0xd8, 0xff], say: () => '这是图片（JPEG），没有可读取的文字：请找文字版的 PDF 或网页 (an image)' }
];

/** What a known non-text file is and what to do with it, or null. */
export function knownBinary(bytes: Uint8Array): string | null {
	for (const kind of KINDS) if (kind.magic.every((b, i) => bytes[i] === b)) return kind.say(bytes);
	return null;
}
