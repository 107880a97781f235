/** parseEntries: printed rows → entries (code, name, figure cells), side-by-side groups included. */
import { describe, expect, it } from 'vitest';
import { parseEntries } from '../../../src/lib/extract/entries';
import type { Row } from '../../../src/lib/extract/layout';

/** Tab-separated rows as a tab-separated layout gives them: blank cells kept. */
const rows = (...lines: string[]): Row[] => lines.map((l, i) => ({ cells: l.split('\t').map((text) => ({ text, line: i + 1 })), line: i + 1, blanksKept: true }));
const read = (...lines: string[]) => parseEntries(rows(...lines)).entries.map(({ code, name, figures }) => ({ code, name, figures }));

describe('parseEntries, side by side', () => {
	it('two code–name–figure groups on one line are two entries', () => {
		expect(read('201\t一般公共服务支出\t100.00\t\t301\t工资福利支出\t50.00')).toEqual([
			{ code: '201', name: '一般公共服务支出', figures: ['100.00', ''] },
			{ code: '301', name: '工资福利支出', figures: ['50.00'] }
		]);
	});

	it('a row shorter than where the next group starts ends at its last cell', () => {
		expect(read('201\t一般公共服务支出\t100.00\t\t301\t工资福利支出\t50.00', '20101\t人大事务\t100.00')).toEqual([
			{ code: '201', name: '一般公共服务支出', figures: ['100.00', ''] },
			{ code: '301', name: '工资福利支出', figures: ['50.00'] },
			{ code: '20101', name: '人大事务', figures: ['100.00'] }
		]);
	});
});
