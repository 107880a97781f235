/**
 * pdf.js for Node: the legacy build (Node 20 lacks APIs the modern build expects), with the
 * package's own cMaps and standard fonts read from node_modules, so nothing is fetched. Chinese
 * PDFs need the cMaps: their CID fonts are encoded with Adobe-GB1 CMaps that are not embedded.
 *
 * Loaded at the first PDF opened, with the built-ins its polyfills would replace kept
 * (keep-builtins.ts): the thread goes on reading text documents after it. pdf.js inflates with its
 * own decoder, not Node's DecompressionStream ({@link withoutDecompressionStream}).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfDocument, PdfEngine } from '../../src/lib/extract/pdf/engine';
import { loadKeepingBuiltins } from './keep-builtins';

const require = createRequire(import.meta.url);

type PdfjsApi = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfjsApi> | undefined;

/** pdf.js's API and its in-thread ("fake") worker, both loaded once, under the built-ins' guard. */
function loadPdfjs(): Promise<PdfjsApi> {
	return (pdfjs ??= (async () => {
		const api = await loadKeepingBuiltins(async () => {
			const loaded = await import('pdfjs-dist/legacy/build/pdf.mjs');
			// Loaded now rather than at the first getDocument (pdf.js looks for it on globalThis
			// first), so that the worker's own copy of the polyfills is caught by the guard too.
			// @ts-expect-error the package ships no types for its worker module
			await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
			return loaded;
		});
		withoutDecompressionStream();
		return api;
	})());
}

/**
 * pdf.js inflates a Flate stream with the web's DecompressionStream wherever there is one, and with
 * its own decoder where there is none. Node's is web streams over zlib on the thread pool: for the
 * hundreds of small streams of a PDF (page contents, fonts) setting one up costs more than the
 * inflating, and pdf.js's own text extraction took 3.2 times as long on PDFs printed by Chromium,
 * 1.1 times on the real ones (BENCHMARKS.md, notes of 2026-12-05, ninth session). Nothing else the
 * extraction runs uses it, so the thread that reads PDFs goes without it.
 */
function withoutDecompressionStream(): void {
	delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
}

/** node_modules/pdfjs-dist, wherever npm put it. */
function pdfjsDir(): string {
	return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** Creates a Node PdfEngine; one per run is enough (it holds no document). */
export function createNodePdfEngine(): PdfEngine {
	const root = pdfjsDir();
	// pdf.js's Node factories read these with fs: plain paths with a trailing slash.
	const cMapUrl = join(root, 'cmaps') + '/';
	const standardFontDataUrl = join(root, 'standard_fonts') + '/';
	return {
		async open(data: Uint8Array): Promise<PdfDocument> {
			const { getDocument } = await loadPdfjs();
			const task = getDocument({
				data,
				cMapUrl,
				cMapPacked: true,
				standardFontDataUrl,
				isEvalSupported: false,
				// Warnings about fonts go to the console otherwise; errors still reject.
				verbosity: 0
			});
			return task.promise;
		}
	};
}

