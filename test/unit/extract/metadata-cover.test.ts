/**
 * Metadata from a cover page as PDFs print it: the title broken over two lines, the unit given in
 * a spaced-out field (`部 门:…`), and a printer's credit (`…财政厅印制`) that names a place but is
 * not the disclosing unit. Lines here are composed in the shapes seen on rendered cover pages.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/lib/extract/layout';
import { readMetadata } from '../../../src/lib/extract/metadata';

const meta = (...lines: string[]) => readMetadata(splitLines(lines.join('\n')));

describe('cover pages', () => {
	it('joins a title broken over two lines and takes the unit before the year', () => {
		const m = meta('浙江省文化和旅游厅2018年度部门', '预算公开', '目 录', '第一部分 部门概况');
		expect(m).toMatchObject({ department: '浙江省文化和旅游厅', year: 2018, kind: 'budget', level: 'province', district: null });
	});

	it('reads a spaced-out 部 门 field and never takes the printer’s credit for the unit', () => {
		const m = meta('浙江省2018年度', '省级部门预算公开报表', '部 门:中共浙江省委宣传部', '浙江省财政厅印制', '目 录');
		expect(m).toMatchObject({ department: '中共浙江省委宣传部', year: 2018, kind: 'budget', level: 'province' });
	});
});
