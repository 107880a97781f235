/** Every `.tag` text/background pair in app.css has a WCAG contrast ratio of at least 4.5:1. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../src/lib/styles/app.css', import.meta.url), 'utf8');

function resolve(value: string): string {
	const v = value.trim();
	const m = /^var\((--[\w-]+)\)$/.exec(v);
	if (!m) return v;
	const def = new RegExp(`${m[1]}:\\s*([^;]+);`).exec(css);
	if (!def) throw new Error(`undefined ${m[1]}`);
	return resolve(def[1]);
}

function luminance(hex: string): number {
	const h = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
	if (!/^#[0-9a-f]{6}$/i.test(h)) throw new Error(`not a hex colour: ${hex}`);
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)];
	return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function rule(selector: string): Record<string, string> {
	const re = new RegExp(`(^|\\n)${selector.replace(/\./g, '\\.')}\\s*\\{([^}]*)\\}`);
	const body = re.exec(css)?.[2] ?? '';
	return Object.fromEntries(
		body
			.split(';')
			.map((d) => d.split(':').map((s) => s.trim()))
			.filter((d) => d.length === 2 && d[0] !== '')
	);
}

describe('tag contrast', () => {
	it('computes known ratios', () => {
		expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
		expect(contrast('#ffffff', '#d9822b')).toBeLessThan(3);
	});

	it('keeps every .tag text/background pair at 4.5:1 or more', () => {
		const text = resolve(rule('.tag').color);
		const variants = [...css.matchAll(/(^|\n)(\.tag\.[\w-]+)\s*\{/g)].map((m) => m[2]);
		expect(variants).toEqual(expect.arrayContaining(['.tag.budget', '.tag.final']));
		for (const v of variants) {
			const own = rule(v);
			const bg = resolve(own.background ?? own['background-color']);
			const fg = own.color ? resolve(own.color) : text;
			expect(contrast(fg, bg), `${v}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
		}
	});
});
