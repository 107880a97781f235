/** verbatim: a passage of the joined prose as the source lines print it (spaces out, quotes and full-width forms kept). */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/lib/extract/layout';
import { joinNarrative } from '../../../src/lib/extract/narrative-join';
import { verbatim } from '../../../src/lib/extract/narrative-derived-text';

/** The passage from `from` to the end of `to` (both found in the joined text). */
function passage(text: string, from: string, to: string): string {
	const lines = splitLines(text);
	const joined = joinNarrative(lines);
	const start = joined.text.indexOf(from);
	const end = joined.text.indexOf(to, start) + to.length;
	return verbatim(lines, joined, start, end);
}

describe('verbatim', () => {
	it('keeps the printed forms of a passage without quotation marks: full-width figures, ，in numbers', () => {
		expect(passage('支出较上年增加 ２０．５万元，主要原因是\n增加１，２３４人次 培训。其他', '主要原因', '培训')).toBe('主要原因是增加１，２３４人次培训');
		expect(passage('主要原因是人员未变，经费持平。', '主要', '持平')).toBe('主要原因是人员未变，经费持平');
	});

	it('puts the quotation marks back', () => {
		expect(passage('主要原因是 “一窗综办” 工作\n经费增加。', '主要', '增加')).toBe('主要原因是“一窗综办”工作经费增加');
	});

	it('counts a character outside the BMP once, before the passage and in it', () => {
		expect(passage('𠀀𠀁 支出增加，主要原因是“𠀂项目”\n经费增加。', '主要', '增加')).toBe('主要原因是“𠀂项目”经费增加');
		expect(passage('𠀀𠀁 支出增加，主要原因是𠀂项目经费增加。', '主要', '增加')).toBe('主要原因是𠀂项目经费增加');
	});

	it('passages one after another from the same lines, and then from other lines, are each their own', () => {
		const text = '甲增加，主要原因是“一”事。乙增加，主要原因是“二”事。';
		expect(passage(text, '主要原因是一', '事')).toBe('主要原因是“一”事');
		expect(passage(text, '主要原因是二', '事')).toBe('主要原因是“二”事');
		expect(passage('丙增加，主要原因是“三”事。', '主要', '事')).toBe('主要原因是“三”事');
	});
});
