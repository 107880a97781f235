/**
 * Treemap tile labels: a name is shown whole (wrapped) or not at all, never cut to “社…”; figures
 * follow only where they fit; the text colour reads at 4.5:1 or more on every tile colour.
 */
import { describe, expect, it } from 'vitest';
import { fitBandLabel, fitTileLabel, textWidth, wrapText, type TileText } from '$lib/charts/tile-label';
import { INK, contrastRatio, luminance, textColorOn, tint } from '$lib/charts/contrast';
import { PALETTE, KIND_COLOR, SPLIT_COLOR, ITEM_COLOR } from '$lib/charts/common';

const M = { fontSize: 12, lineHeight: 15 };
const SOCIAL: TileText = { name: '社会保障和就业支出', amount: '1,056.45 万元', share: '占上级 37.5%' };

describe('textWidth and wrapText', () => {
	it('counts a Chinese character as one em and figures narrower', () => {
		expect(textWidth('社会保障', 12)).toBe(48);
		expect(textWidth('1,056.45', 12)).toBeLessThan(8 * 12 * 0.7);
		expect(textWidth('1,056.45', 12)).toBeGreaterThan(8 * 12 * 0.45);
	});

	it('breaks a name between characters into lines that fit', () => {
		expect(wrapText('社会保障和就业支出', 50, 12)).toEqual(['社会保障', '和就业支', '出']);
		expect(wrapText('社会保障和就业支出', 200, 12)).toEqual(['社会保障和就业支出']);
	});

	it('never starts a line with closing punctuation', () => {
		const lines = wrapText('政府办公厅（室）及相关机构事务', 12 * 7, 12)!;
		expect(lines.join('')).toBe('政府办公厅（室）及相关机构事务');
		for (const l of lines.slice(1)) expect(l).not.toMatch(/^[）、，]/);
	});

	it('gives up when one character is wider than the room', () => {
		expect(wrapText('未细分', 10, 12)).toBeNull();
	});
});

describe('fitTileLabel', () => {
	it('shows name, amount and share on separate lines where there is room', () => {
		expect(fitTileLabel(SOCIAL, { width: 120, height: 80 }, M)).toBe('社会保障和就业支出\n1,056.45 万元\n占上级 37.5%');
	});

	it('puts amount and share on one line when that line fits', () => {
		expect(fitTileLabel(SOCIAL, { width: 240, height: 40 }, M)).toBe('社会保障和就业支出\n1,056.45 万元 占上级 37.5%');
	});

	it('wraps a long name over several lines and drops figures that have no line left', () => {
		expect(fitTileLabel(SOCIAL, { width: 50, height: 46 }, M)).toBe('社会保障\n和就业支\n出');
		expect(fitTileLabel(SOCIAL, { width: 90, height: 62 }, M)).toBe('社会保障和就业\n支出\n1,056.45 万元\n占上级 37.5%');
		expect(fitTileLabel(SOCIAL, { width: 90, height: 46 }, M)).toBe('社会保障和就业\n支出\n1,056.45 万元');
	});

	it('hides the label rather than cut the name', () => {
		// the bug: a narrow tile drew “社…”, a short one “未”
		expect(fitTileLabel(SOCIAL, { width: 50, height: 30 }, M)).toBe('');
		expect(fitTileLabel({ ...SOCIAL, name: '未细分' }, { width: 20, height: 200 }, M)).toBe('');
		expect(fitTileLabel(SOCIAL, { width: 0, height: 0 }, M)).toBe('');
	});

	it('never shows part of a figure', () => {
		const label = fitTileLabel(SOCIAL, { width: 110, height: 200 }, M);
		for (const line of label.split('\n').slice(1)) expect([SOCIAL.amount, SOCIAL.share, `${SOCIAL.amount} ${SOCIAL.share}`]).toContain(line);
	});
});

describe('fitBandLabel', () => {
	it('writes as much of name, amount, share as fits on the one line, else nothing', () => {
		expect(fitBandLabel(SOCIAL, { width: 400, height: 22 }, M)).toBe('社会保障和就业支出  1,056.45 万元  占上级 37.5%');
		expect(fitBandLabel(SOCIAL, { width: 210, height: 22 }, M)).toBe('社会保障和就业支出  1,056.45 万元');
		expect(fitBandLabel(SOCIAL, { width: 110, height: 22 }, M)).toBe('社会保障和就业支出');
		expect(fitBandLabel(SOCIAL, { width: 100, height: 22 }, M)).toBe('');
		expect(fitBandLabel(SOCIAL, { width: 400, height: 10 }, M)).toBe('');
	});
});

describe('contrast', () => {
	it('computes WCAG ratios', () => {
		expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
		expect(contrastRatio('#fff', '#fff')).toBe(1);
		expect(luminance('#ffffff')).toBe(1);
		// white on the 决算 orange is the 2.9:1 the issue names
		expect(contrastRatio('#ffffff', '#d9822b')).toBeCloseTo(2.93, 2);
	});

	it('picks white on dark fills and ink on light ones', () => {
		expect(textColorOn('#2f6db5')).toBe('#ffffff');
		expect(textColorOn('#b8bec6')).toBe(INK);
		expect(textColorOn('#f0c08f')).toBe(INK);
	});

	it('reaches 4.5:1 on every chart colour and every tint the treemap uses', () => {
		const fills = [...PALETTE, ...Object.values(KIND_COLOR), ...Object.values(SPLIT_COLOR), ...Object.values(ITEM_COLOR), '#b8bec6'];
		const tints = PALETTE.flatMap((c) => [0.18, 0.3, 0.42, 0.54].map((t) => tint(c, t)));
		for (const fill of [...fills, ...tints]) expect(contrastRatio(textColorOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
	});

	it('falls back to black where neither white nor ink reaches 4.5:1', () => {
		// a mid grey: white 4.0:1, ink under 4.5:1 too
		const grey = '#777777';
		expect(contrastRatio('#ffffff', grey)).toBeLessThan(4.5);
		expect(contrastRatio(INK, grey)).toBeLessThan(4.5);
		expect(textColorOn(grey)).toBe('#000000');
	});

	it('tints toward white', () => {
		expect(tint('#000000', 0.5)).toBe('#808080');
		expect(tint('#2f6db5', 0)).toBe('#2f6db5');
		expect(tint('#2f6db5', 1)).toBe('#ffffff');
	});
});
