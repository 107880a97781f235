/**
 * Where a saved chart's caption goes around the chart image: title, filters and unit above it;
 * sources and date below it (a figure's footnote), wrapped to the image's width. Pure: text
 * widths come from the `measure` the caller supplies (a canvas in the browser).
 */
import type { Caption } from './caption';
import { wrapText } from './caption';

export interface TextItem {
	text: string;
	/** `title` (bold, larger) or `body`. */
	style: 'title' | 'body';
	x: number;
	/** Baseline-independent: the top of the line box. */
	y: number;
}

export interface PngLayout {
	width: number;
	height: number;
	image: { x: number; y: number };
	texts: TextItem[];
	/** Font sizes in device pixels. */
	fontSize: { title: number; body: number };
}

/** `scale` is the image's pixel ratio: sizes below are CSS pixels. */
export function pngLayout(
	caption: Caption,
	image: { width: number; height: number },
	measure: (text: string, style: 'title' | 'body') => number,
	scale = 2
): PngLayout {
	const pad = 16 * scale;
	const gap = 8 * scale;
	const fontSize = { title: 16 * scale, body: 12 * scale };
	const lineHeight = { title: Math.round(fontSize.title * 1.5), body: Math.round(fontSize.body * 1.6) };
	// a narrow chart still gets a caption wide enough to read
	const width = Math.max(image.width, 480 * scale);
	const textWidth = width - 2 * pad;
	const texts: TextItem[] = [];
	let y = pad;
	const put = (text: string, style: 'title' | 'body') => {
		for (const line of wrapText(text, textWidth, (s) => measure(s, style))) {
			texts.push({ text: line, style, x: pad, y });
			y += lineHeight[style];
		}
	};
	put(caption.title, 'title');
	put(caption.filters, 'body');
	put(caption.unit, 'body');
	y += gap;
	const imageAt = { x: Math.round((width - image.width) / 2), y };
	y += image.height + gap;
	put(caption.sources, 'body');
	put(caption.date, 'body');
	return { width, height: y + pad, image: imageAt, texts, fontSize };
}
