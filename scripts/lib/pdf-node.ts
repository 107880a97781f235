/**
 * pdf.js for Node: the legacy build (Node 20 lacks APIs the modern build expects), with the
 * package's own cMaps and standard fonts read from node_modules, so nothing is fetched. Chinese
 * PDFs need the cMaps: their CID fonts are encoded with Adobe-GB1 CMaps that are not embedded.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfDocument, PdfEngine } from '../../src/lib/extract/pdf/engine';

const require = createRequire(import.meta.url);

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

