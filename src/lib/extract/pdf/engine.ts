/**
 * The part of pdf.js the PDF reader uses, as structural types. The extraction core never imports
 * pdf.js itself: Node (scripts/lib/pdf-node.ts) and the browser each set it up their own way —
 * worker, cMap and standard-font locations — and hand over an engine. pdf.js's own objects
 * satisfy these types as they are.
 */

/** A 2-D affine matrix [a, b, c, d, e, f], as pdf.js and the PDF specification write it. */
export type Matrix = readonly number[];

/** One text item of `page.getTextContent()`: a string drawn with one font along one baseline. */
export interface PdfTextItem {
	str: string;
	/** Text space → PDF user space (font size and direction in a, b, c, d; origin in e, f). */
	transform: Matrix;
	/** Advance of the whole string along its baseline, in user-space units. */
	width: number;
	height: number;
}

/** A marked-content marker that `getTextContent()` may interleave with the items. */
export interface PdfMarkedContent {
	type: string;
}

export interface PdfViewport {
	/** User space → viewport (y downwards, the page's /Rotate applied). */
	transform: Matrix;
	width: number;
	height: number;
}

export interface PdfPage {
	getViewport(params: { scale: number }): PdfViewport;
	getTextContent(): Promise<{ items: ReadonlyArray<PdfTextItem | PdfMarkedContent> }>;
	/** Frees the page's fonts and operator lists, so memory stays flat over long documents. */
	cleanup(): unknown;
}

export interface PdfDocument {
	numPages: number;
	getPage(pageNumber: number): Promise<PdfPage>;
	destroy(): Promise<void>;
}

/** pdf.js set up for where the code runs: opens a document from its bytes. */
export interface PdfEngine {
	/** Opens a PDF; rejects (pdf.js's PasswordException, InvalidPDFException …) when it cannot. */
	open(data: Uint8Array): Promise<PdfDocument>;
}

/** Whether a text-content entry is a text item rather than a marked-content marker. */
export function isTextItem(item: PdfTextItem | PdfMarkedContent): item is PdfTextItem {
	return typeof (item as Partial<PdfTextItem>).str === 'string';
}
