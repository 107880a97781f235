/**
 * WCAG 2 contrast between text and the colour it is drawn on, and the text colour to draw on a
 * given fill: labels inside treemap tiles and bars must stay readable (≥ 4.5:1) whatever colour
 * the tile or bar happens to have.
 */

/** The app's ink (`--ink` in app.css): dark text where white would be too faint. */
export const INK = '#1f2933';

/** The ratio WCAG AA asks of normal-size text. */
export const MIN_CONTRAST = 4.5;

/** `#abc` / `#aabbcc` → [r, g, b] in 0–255; throws on anything else (colours here are ours). */
export function parseHex(hex: string): [number, number, number] {
	const h = /^#[0-9a-f]{3}$/i.test(hex) ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
	if (!/^#[0-9a-f]{6}$/i.test(h)) throw new Error(`contrast: not a hex colour: ${hex}`);
	return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.x definition), 0 for black to 1 for white. */
export function luminance(hex: string): number {
	const [r, g, b] = parseHex(hex).map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, 1 to 21, symmetric. */
export function contrastRatio(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)];
	return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * The text colour for `fill`: white or the app's ink, whichever reads better; black when neither
 * reaches 4.5:1 (for any fill, white or black does: their contrasts multiply to 21).
 */
export function textColorOn(fill: string): string {
	const best = ['#ffffff', INK].reduce((a, b) => (contrastRatio(b, fill) > contrastRatio(a, fill) ? b : a));
	return contrastRatio(best, fill) >= MIN_CONTRAST ? best : '#000000';
}

/** `fill` mixed with white by `t` (0 = fill, 1 = white), as `#rrggbb`: lighter shades of one hue. */
export function tint(fill: string, t: number): string {
	const mixed = parseHex(fill).map((c) => Math.round(c + (255 - c) * t));
	return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
