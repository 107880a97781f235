/** TrimmedLines and isWhiteSpace must read a line exactly as String.prototype.trim does. */
import { describe, expect, it } from 'vitest';
import { isWhiteSpace, TrimmedLines } from '../../../src/lib/extract/trimmed-lines';
import { splitAtSpaces, splitLines } from '../../../src/lib/extract/layout';

describe('isWhiteSpace', () => {
	it('is what /\\s/ and trim() take for white space, over every code unit', () => {
		const wrong: number[] = [];
		for (let c = 0; c <= 0xffff; c++) {
			const ch = String.fromCharCode(c);
			if (isWhiteSpace(c) !== /\s/.test(ch) || isWhiteSpace(c) !== (ch.trim() === '')) wrong.push(c);
		}
		expect(wrong).toEqual([]);
	});
});

describe('TrimmedLines', () => {
	const texts = ['  表一 部门收支总表  ', '', '   ', '\u3000合计\u00a0', 'plain', '\ufeff公开01表\t', 'a b'];
	const lines = splitLines(texts.join('\n'));
	const t = new TrimmedLines(lines);

	it('gives each line as trim() does, its length and end characters', () => {
		texts.forEach((text, i) => {
			const trimmed = text.trim();
			expect(t.text(i)).toBe(trimmed);
			expect(t.length(i)).toBe(trimmed.length);
			expect(t.first(i)).toEqual(trimmed.length ? trimmed.charCodeAt(0) : NaN);
			expect(t.last(i)).toEqual(trimmed.length ? trimmed.charCodeAt(trimmed.length - 1) : NaN);
		});
	});

	it('gives the line itself when nothing is trimmed, and nothing past either end', () => {
		expect(t.text(4)).toBe(lines[4].text);
		expect(t.text(texts.length)).toBe('');
		expect(t.length(-1)).toBe(0);
		expect(t.first(texts.length)).toBeNaN();
	});
});

describe('splitAtSpaces', () => {
	it('is text.split(/\\s+/) for trimmed, non-empty texts', () => {
		const texts = ['a', '2010301 行政运行 251.00  251.00', '合计\u3000\u3000100\t200', 'x\u00a0y\ufeffz', '一般 公共\r\n服务', '𠀀 字  ab'];
		for (const text of texts) expect(splitAtSpaces(text), JSON.stringify(text)).toEqual(text.split(/\s+/));
	});

	it('splits at every kind of white space as the regex does', () => {
		for (let c = 0; c <= 0xffff; c++) {
			const text = `a${String.fromCharCode(c)}b`;
			if (text.trim() !== text) continue;
			expect(splitAtSpaces(text)).toEqual(text.split(/\s+/));
		}
	});
});
