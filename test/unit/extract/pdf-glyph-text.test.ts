import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countUsable, normalizeGlyphText, RADICAL_EQUIVALENTS } from '../../../src/lib/extract/pdf/glyph-text';
import { readCmaps } from '../../helpers/font-cmap';

// Installed with Chromium by scripts/ensure-chromium.sh (fonts-noto-cjk); the PDF fixtures need it too.
const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

describe('normalizeGlyphText', () => {
	it('folds Kangxi radicals back into the ideographs they were drawn for', () => {
		// ⼀ U+2F00, ⽀ U+2F40, ⾏ U+2F8F: what Chromium's PDFs map 一, 支, 行 to.
		expect(normalizeGlyphText('\u2F00般公共预算财政拨款\u2F40出')).toBe('一般公共预算财政拨款支出');
		expect(normalizeGlyphText('\u2F8F政运\u2F8F')).toBe('行政运行');
	});

	it('folds CJK radical supplement forms, which Unicode gives no decomposition', () => {
		// ⻔ U+2ED4, ⻚ U+2EDA, ⻋ U+2ECB
		expect(normalizeGlyphText('部\u2ED4预算 第3\u2EDA 公务用\u2ECB')).toBe('部门预算 第3页 公务用车');
	});

	it('keeps full-width punctuation and figures as printed (later stages read those)', () => {
		expect(normalizeGlyphText('单位：万元（含）１２３')).toBe('单位：万元（含）１２３');
	});
});

describe('RADICAL_EQUIVALENTS', () => {
	it.runIf(existsSync(NOTO_CJK))('pairs each radical with an ideograph that Noto Sans CJK draws with the same glyph', () => {
		const faces = readCmaps(NOTO_CJK);
		const wrong = [...RADICAL_EQUIVALENTS].filter(([radical, ideograph]) => {
			const r = radical.codePointAt(0) as number;
			const u = ideograph.codePointAt(0) as number;
			return !faces.some((cmap) => cmap.has(r) && cmap.get(r) === cmap.get(u));
		});
		expect(wrong).toEqual([]);
		expect(RADICAL_EQUIVALENTS.size).toBeGreaterThan(80);
	});
});

describe('countUsable', () => {
	it('counts visible characters and those that stand for text', () => {
		expect(countUsable('合计 1,162.90')).toEqual({ visible: 10, usable: 10 });
		expect(countUsable('\uE001\uE002\uFFFD合\u0003')).toEqual({ visible: 5, usable: 1 });
	});
});
