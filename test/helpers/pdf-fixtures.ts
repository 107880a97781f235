/**
 * PDF fixtures made by the tests themselves: HTML under test/fixtures/pdf/ typeset to PDF by
 * Debian's Chromium (playwright-core, `page.pdf()`), so every figure in a test can be read from
 * the HTML a person wrote. Page size, orientation, running heads and page numbers come from the
 * HTML's own `@page` rules (`preferCSSPageSize`), so a fixture file is the whole specification.
 *
 * ```ts
 * const pdfs = usePdfFixtures();            // file level: one browser for the file (beforeAll)
 * it('…', async () => {
 *   const bytes = await pdfs.fixture('nanan-sthjj-2024-budget.html');
 *   const lines = await readPdfLines('x.pdf', bytes, pdfs.engine);
 * });
 * ```
 * Also: {@link encryptedPdf} and {@link REAL_PDF_DIR} for inputs Chromium cannot make.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { printHtml } from '../../scripts/lib/generate/pdf';
import { createNodePdfEngine } from '../../scripts/lib/pdf-node';
import type { PdfEngine } from '../../src/lib/extract/pdf/engine';
import { launchChromium } from '../e2e/harness';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** HTML sources of the typeset fixtures, and real PDFs copied into the project. */
export const PDF_FIXTURE_DIR = resolve(ROOT, 'test/fixtures/pdf');

export interface PdfFixtures {
	/** pdf.js for Node, as the CLI sets it up. */
	readonly engine: PdfEngine;
	/** Typesets an HTML string (cached per string within the file). */
	typeset(html: string): Promise<Uint8Array>;
	/** Typesets test/fixtures/pdf/<name>. */
	fixture(name: string): Promise<Uint8Array>;
	/** Reads a file of test/fixtures/pdf/ as it is (a real PDF). */
	file(name: string): Promise<Uint8Array>;
}

/** Registers beforeAll/afterAll that start and stop one Chromium for the calling test file. */
export function usePdfFixtures(): PdfFixtures {
	let browser: Browser | null = null;
	const cache = new Map<string, Promise<Uint8Array>>();
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});
	const typeset = (html: string): Promise<Uint8Array> => {
		let made = cache.get(html);
		if (!made) {
			made = printHtml(browser, html);
			cache.set(html, made);
		}
		return made;
	};
	return {
		engine: createNodePdfEngine(),
		typeset,
		fixture: async (name) => typeset(await readFile(resolve(PDF_FIXTURE_DIR, name), 'utf8')),
		file: async (name) => new Uint8Array(await readFile(resolve(PDF_FIXTURE_DIR, name)))
	};
}

/**
 * A one-page PDF whose /Encrypt dictionary demands a user password: pdf.js asks for it and rejects
 * with PasswordException (the empty password does not match /U). Written by hand because Chromium
 * does not encrypt; the byte offsets of its cross-reference table are computed.
 */
export function encryptedPdf(): Uint8Array {
	const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
		`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${hex32(11)}> /U <${hex32(97)}> >>`
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex32(5)}> <${hex32(5)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(body);
}
