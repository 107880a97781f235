/**
 * A chart saved as a briefing PNG (browser only): the ECharts image with its caption drawn around
 * it on one canvas (layout: ./png-layout.ts), and the same caption written into the file as iTXt
 * chunks (./png-text.ts) so that it is also machine-readable.
 */
import { captionTextEntries, type Caption } from './caption';
import { pngLayout } from './png-layout';
import { insertPngText } from './png-text';

/** The page's font stack: the canvas is not in the page, so it would not inherit it. */
const FALLBACK_FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const img = new Image();
		img.onload = () => resolve(img);
		img.onerror = () => reject(new Error('png: the chart image could not be read'));
		img.src = url;
	});
}

function canvasBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		canvas.toBlob((blob) => {
			if (!blob) reject(new Error('png: the canvas could not be encoded'));
			else blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
		}, 'image/png');
	});
}

/**
 * The PNG bytes of `chartUrl` (a data URL from ECharts' getDataURL, drawn at `scale`× pixels) with
 * `caption` drawn above and below it and stored as text chunks.
 */
export async function composeChartPng(chartUrl: string, caption: Caption, date: Date, scale = 2): Promise<Uint8Array> {
	const img = await loadImage(chartUrl);
	const canvas = document.createElement('canvas');
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('png: no 2D canvas');
	// like the charts: measure and draw Chinese with the page's language (see charts/echarts.ts)
	const lang = document.documentElement.lang;
	if (lang && 'lang' in ctx) (ctx as CanvasRenderingContext2D & { lang: string }).lang = lang;
	const family = getComputedStyle(document.documentElement).fontFamily || FALLBACK_FONT;
	const fontOf = (style: 'title' | 'body', size: number) => `${style === 'title' ? 'bold ' : ''}${size}px ${family}`;
	const sizes = { title: 16 * scale, body: 12 * scale };
	const layout = pngLayout(
		caption,
		{ width: img.naturalWidth, height: img.naturalHeight },
		(text, style) => {
			ctx.font = fontOf(style, sizes[style]);
			return ctx.measureText(text).width;
		},
		scale
	);
	canvas.width = layout.width;
	canvas.height = layout.height;
	if (lang && 'lang' in ctx) (ctx as CanvasRenderingContext2D & { lang: string }).lang = lang; // resizing resets the context
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, layout.width, layout.height);
	ctx.drawImage(img, layout.image.x, layout.image.y);
	ctx.textBaseline = 'top';
	for (const t of layout.texts) {
		ctx.font = fontOf(t.style, layout.fontSize[t.style]);
		ctx.fillStyle = t.style === 'title' ? '#1f2933' : '#5f6b7a';
		ctx.fillText(t.text, t.x, t.y);
	}
	return insertPngText(await canvasBytes(canvas), captionTextEntries(caption, date));
}
