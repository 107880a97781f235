/**
 * Web pages saved as one file (.mht/.mhtml, “网页，单个文件”): the HTML is one part of a MIME
 * archive, quoted-printable or base64. Archives made by Debian's Chromium from the HTML fixtures
 * (Page.captureSnapshot, what “Save as… single file” writes), and one written the way IE and its
 * heirs write it (base64 of the page's GB2312 bytes, the charset in the part header), give the
 * same figures as the pages themselves, each traced to its line of the archive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/lib/extract/read-file';
import { sniffFormat } from '../../../src/lib/extract/read-file';
import { sourceRef } from '../../../src/lib/extract/source';
import type { ExtractedDocument } from '../../../src/lib/extract/types';
import { launchChromium } from '../../e2e/harness';

const HTML_DIR = join(import.meta.dirname, '../../fixtures/html');
const fixture = (name: string) => new Uint8Array(readFileSync(join(HTML_DIR, name)));

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

/** The page as Chromium saves it as one file. */
async function chromiumMhtml(name: string): Promise<Uint8Array> {
	const page = await browser.newPage();
	try {
		await page.goto(`file://${join(HTML_DIR, name)}`);
		const cdp = await page.context().newCDPSession(page);
		const { data } = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
		return new Uint8Array(Buffer.from(data, 'latin1'));
	} finally {
		await page.close();
	}
}

/** Bytes of the page's HTML part per base64 line, as IE writes them (76 characters). */
const B64_LINE_BYTES = 57;

/** An archive as IE writes one: CRLF headers, the page's own bytes in base64, its charset in the part header. */
function ieMhtml(page: Uint8Array, charset: string): { bytes: Uint8Array; bodyLine: number } {
	const b64 = Buffer.from(page).toString('base64').match(/.{1,76}/g) as string[];
	const head = [
		'From: <Saved by Windows Internet Explorer 8>',
		'Subject: =?gb2312?B?yr7A/Q==?=',
		'Date: Mon, 6 Jul 2020 10:00:00 +0800',
		'MIME-Version: 1.0',
		'Content-Type: multipart/related;',
		'\ttype="text/html";',
		'\tboundary="----=_NextPart_000_0000_01D65370.12345678"',
		'X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.17514',
		'',
		'This is a multi-part message in MIME format.',
		'',
		'------=_NextPart_000_0000_01D65370.12345678',
		'Content-Type: text/html;',
		`\tcharset="${charset}"`,
		'Content-Transfer-Encoding: base64',
		'Content-Location: http://www.example.gov.cn/page.html',
		''
	];
	const tail = ['', '------=_NextPart_000_0000_01D65370.12345678', 'Content-Type: image/gif', 'Content-Transfer-Encoding: base64', 'Content-Location: http://www.example.gov.cn/a.gif', '', 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', '', '------=_NextPart_000_0000_01D65370.12345678--', ''];
	return { bytes: new Uint8Array(Buffer.from([...head, ...b64, ...tail].join('\r\n'), 'latin1')), bodyLine: head.length + 1 };
}

/** What a reader of the dashboard sees of a document: its unit, its figures (not where they are). */
function figures(doc: ExtractedDocument) {
	const { district, department, year, kind } = doc.document;
	const strip = <T extends { source_line: number }>(rows: T[]) => rows.map(({ source_line: _, ...r }) => r);
	return { unit: [district, department, year, kind], function: strip(doc.functionRows), economic: strip(doc.economicRows), threePublic: strip(doc.threePublic), summary: strip(doc.summary), checks: doc.checks.map((c) => [c.rule, c.ok, c.expected, c.actual]) };
}

/** The line of the file a row is traced to (what the document page shows). */
const fileLine = (doc: ExtractedDocument, row: { source_line: number }) => sourceRef(doc.pagedLines ?? [], row.source_line).line;

/** The archive's lines, quoted-printable soft breaks kept (a logical line of the HTML may span several). */
const archiveLines = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').split(/\r?\n/);

/** The quoted-printable logical line starting at archive line `n` (1-based), decoded to UTF-8. */
function qpLineAt(lines: string[], n: number): string {
	let raw = '';
	for (let i = n - 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.endsWith('=')) raw += line.slice(0, -1);
		else {
			raw += line;
			break;
		}
	}
	const bytes = Buffer.from(raw.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
	return bytes.toString('utf8');
}

describe('a web page saved as one file', () => {
	it.each(['beibei-zhengwu-2023-budget.html', 'qijiang-zhengwu-2024-budget-tables.htm'])('by Chromium (%s, quoted-printable): the page’s figures, each traced to its archive line', async (name) => {
		const page = await extractFile(name, fixture(name), 'page');
		const archive = await chromiumMhtml(name);
		expect(sniffFormat(archive)).toBe('html');
		const saved = await extractFile(name.replace(/\.html?$/, '.mhtml'), archive, 'archive');
		expect(saved.functionRows.length).toBeGreaterThan(0);
		expect(figures(saved)).toEqual(figures(page));
		// Each 功能分类 row's line is where its row starts in the archive: its code is there.
		const lines = archiveLines(archive);
		for (const row of saved.functionRows) expect(qpLineAt(lines, fileLine(saved, row))).toContain(`>${row.code}<`);
	}, 60_000);

	it('by IE (base64 of the page’s GB2312 bytes, the charset in the part header): the page’s figures, each traced to the base64 line holding its row', async () => {
		const name = 'jiangjin-zhengwu-2020-final-gb2312.html';
		const bytes = fixture(name);
		const page = await extractFile(name, bytes, 'page');
		const { bytes: archive, bodyLine } = ieMhtml(bytes, 'gb2312');
		const saved = await extractFile('jiangjin.mht', archive, 'archive');
		expect(saved.functionRows.length).toBeGreaterThan(0);
		expect(figures(saved)).toEqual(figures(page));
		// The page's line L starts at byte offset `starts[L - 1]`; base64 line k holds bytes [57k, 57k + 57).
		const starts = [0, ...[...bytes.keys()].filter((i) => bytes[i] === 0x0a).map((i) => i + 1)];
		const byLine = new Map(page.functionRows.map((r) => [r.code, fileLine(page, r)]));
		for (const row of saved.functionRows) {
			const pageLine = byLine.get(row.code)!;
			expect(fileLine(saved, row)).toBe(Math.floor(starts[pageLine - 1]! / B64_LINE_BYTES) + bodyLine);
		}
	});

	it('with no web page in it is refused, naming the file', async () => {
		const archive = new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n');
		await expect(extractFile('empty.mht', archive, 'x')).rejects.toThrow(/empty\.mht: 网页存档（MHTML）中没有网页部分/);
	});
});
