/** dropRowNumbers: the national template's 栏次 row and 行次 column are not read as figures. */
import { describe, expect, it } from 'vitest';
import { dropRowNumbers } from '../../../src/lib/extract/labelled';
import { assembleRows, splitLines } from '../../../src/lib/extract/layout';

const rows = (text: string) => assembleRows(splitLines(text), 'tabs');

describe('dropRowNumbers', () => {
	it('drops the 栏次 row and the 行次 column where blanks are kept', () => {
		const table = rows(['项目\t行次\t金额', '栏 次\t\t1', '一、财政拨款收入\t1\t120.50', '二、事业收入\t2\t30.00'].join('\n')).map((r) => ({ ...r, blanksKept: true }));
		const out = dropRowNumbers(table);
		expect(out.map((r) => r.cells.map((c) => c.text))).toEqual([['项目', '金额'], ['一、财政拨款收入', '120.50'], ['二、事业收入', '30.00']]);
	});

	it('gives the rows themselves when there is no numbering', () => {
		const table = rows(['科目编码\t科目名称\t合计', '201\t一般公共服务支出\t10.00'].join('\n'));
		expect(dropRowNumbers(table)).toBe(table);
		const numbered = rows(['项目\t行次\t金额', '一、财政拨款收入\t1\t120.50'].join('\n'));
		const first = dropRowNumbers(numbered);
		expect(first).not.toBe(numbered);
		expect(first.map((r) => r.cells.map((c) => c.text))).toEqual([['项目', '金额'], ['一、财政拨款收入', '120.50']]);
	});
});
