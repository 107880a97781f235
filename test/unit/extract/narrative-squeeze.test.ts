/** squeezeOut must give what the regex replace it stands for gives, on any line. */
import { describe, expect, it } from 'vitest';
import { squeezeOut } from '../../../src/lib/extract/narrative-join';

const SQUEEZED_OUT = /[\s“”"‘’]+/g;

describe('squeezeOut', () => {
	it('is text.replace(/[\\s“”"‘’]+/g, "") on lines with spaces and quotes anywhere', () => {
		const lines = ['', ' ', '平台业务工作的指导、考核和培训。', '改革以及“ 互联网+政务服务” 工作。 ', '  “三公”经费  ', '负 ', '\u3000\u3000一、部门基本情况\t', '"a" ‘b’', '2021 年 度\r', '\ufeff标题\u00a0', '𠀀 字'];
		for (const line of lines) expect(squeezeOut(line), JSON.stringify(line)).toBe(line.replace(SQUEEZED_OUT, ''));
	});

	it('agrees with the regex on every code unit alone and between words', () => {
		const wrong: number[] = [];
		for (let c = 0; c <= 0xffff; c++) {
			const ch = String.fromCharCode(c);
			for (const line of [ch, `a${ch}b`, `${ch}a${ch}`]) if (squeezeOut(line) !== line.replace(SQUEEZED_OUT, '')) wrong.push(c);
		}
		expect(wrong).toEqual([]);
	});

	it('gives the line itself when there is nothing to remove', () => {
		const line = '支出合计1,234.56万元';
		expect(squeezeOut(line)).toBe(line);
	});
});
