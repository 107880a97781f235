/**
 * HTML → PDF with Debian's Chromium (playwright-core `page.pdf()`): page size, running heads and
 * page numbers come from the HTML's own `@page` rules. Shared by the generator (many documents per
 * browser, a few pages at a time) and the tests' PDF fixtures (test/helpers/pdf-fixtures.ts).
 */
import type { Browser } from 'playwright-core';

/** Chromium that makes no request of its own (no network here but loopback). */
export async function launchPrinter(): Promise<Browser> {
	const { chromium } = await import('playwright-core');
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
		env: { ...(process.env as Record<string, string>), LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }
	});
}

/** Typesets one HTML document in a fresh page of `browser`. */
export async function printHtml(browser: Browser | null, html: string): Promise<Uint8Array> {
	if (!browser) throw new Error('printHtml: no browser (started outside a test or before launch)');
	const page = await browser.newPage();
	try {
		await page.setContent(html, { waitUntil: 'load' });
		return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
	} finally {
		await page.close();
	}
}

/** Typesets many documents with one browser, `parallel` pages at a time, handing each PDF on as it is made. */
export async function printAll(browser: Browser, jobs: readonly { html: string; done: (pdf: Uint8Array) => Promise<void> | void }[], parallel = 2): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) {
			const job = jobs[next++];
			await job.done(await printHtml(browser, job.html));
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
}
