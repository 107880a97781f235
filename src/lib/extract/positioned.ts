/**
 * Text whose horizontal positions are known: glyph runs of a PDF page (x in points), or a line of
 * `pdftotext -layout`-style text (x in character columns). Tables are rebuilt from these positions
 * (grid.ts): a figure's column is where it stands, so a blank cell is simply absent at that x.
 */

/** A run of text on one line with its horizontal extent; x1 > x0, both in the line's own unit. */
export interface PositionedCell {
	text: string;
	x0: number;
	x1: number;
}

/** One printed line: cells sorted by x0. */
export interface PositionedLine {
	/** PDFs: 1-based page; null for text files. */
	page: number | null;
	/** 1-based line on the page (PDFs) or in the file (text). */
	pageLine: number;
	/** Vertical position, growing downwards (points from the page top, or the line index for text). */
	y: number;
	/** Typical glyph height on the line (points, or 1 for text). */
	height: number;
	cells: PositionedCell[];
}
