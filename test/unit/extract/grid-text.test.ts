/**
 * Text laid out by position (`pdftotext -layout`) → positioned lines → grid. The real text is
 * pdftotext's output of a Jiangsu disclosure (test/fixtures/layout-text/README.md); expected
 * figures are read from the rendered PDF pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildGrid } from '../../../src/lib/extract/grid';
import { splitLines } from '../../../src/lib/extract/layout';
import { isPositionallyAligned, textCells, textPositions } from '../../../src/lib/extract/text-positions';

const fixture = (dir: string, file: string) => splitLines(readFileSync(join(import.meta.dirname, '../../fixtures', dir, file), 'utf8'));
const jiangsu = fixture('layout-text', 'jiangsu-rdbgt-2018-budget-pdftotext.txt');
/** The rebuilt line traced to line `n` of the text file. */
const rebuilt = (n: number) => rebuildGrid(textPositions(jiangsu)).filter((l) => l.pageLine === n);

describe('textCells: one column per character', () => {
	it('counts a CJK character as one column, as pdftotext prints it', () => {
		// Two rows of a right-aligned 金额 column: the figures end in the same column whatever the names' lengths.
		const a = textCells('201                 一般公共服务支出                22,395.50');
		const b = textCells('2013101             行政运行                     9,370.12');
		expect(a.map((c) => [c.text, c.x0, c.x1])).toEqual([
			['201', 0, 3],
			['一般公共服务支出', 20, 28],
			['22,395.50', 44, 53]
		]);
		expect(b[2]).toEqual({ text: '9,370.12', x0: 45, x1: 53 });
	});

	it('splits at runs of spaces, and at a single space beside a figure (text pushed by pdftotext)', () => {
		expect(textCells('一、财政拨款      27,664.22 一、一般公共服务支出').map((c) => c.text)).toEqual(['一、财政拨款', '27,664.22', '一、一般公共服务支出']);
		expect(textCells('  江苏省第十三届 人代会      会议费').map((c) => c.text)).toEqual(['江苏省第十三届 人代会', '会议费']);
	});

	it('drops the form feed that starts a page', () => {
		expect(textCells('\f  合计   1.00')).toEqual([
			{ text: '合计', x0: 2, x1: 4 },
			{ text: '1.00', x0: 7, x1: 11 }
		]);
	});

	it('gives each text line its line number, no page and height 1', () => {
		expect(textPositions(splitLines('a\n 合计  1.00'))[1]).toMatchObject({ page: null, pageLine: 2, y: 2, height: 1 });
	});

	it('joins a word one column after another word, never to or from an amount', () => {
		expect(textCells('一般 公共服务  12.00 13.00 合计 1').map((c) => c.text)).toEqual(['一般 公共服务', '12.00', '13.00', '合计', '1']);
		expect(textCells('')).toEqual([]);
	});

	it('takes the cells the alignment test read instead of reading a line again', () => {
		const lines = splitLines('201      一般公共服务支出      22,395.50\n合计');
		const read = new Map();
		isPositionallyAligned(lines, read);
		expect([...read.keys()]).toEqual([lines[0]]); // only lines with a digit are read there
		const positioned = textPositions(lines, read);
		expect(positioned[0].cells).toBe(read.get(lines[0]));
		expect(positioned[0].cells).toEqual(textCells(lines[0].text));
		expect(positioned[1].cells).toEqual([{ text: '合计', x0: 0, x1: 2 }]);
	});
});

describe('isPositionallyAligned', () => {
	it('recognises pdftotext -layout output', () => {
		expect(isPositionallyAligned(jiangsu)).toBe(true);
		expect(isPositionallyAligned(fixture('layout-text', 'fengdu-scjgj-2023-final-layout.txt'))).toBe(true);
	});

	it('does not take PDF text copied without layout for it (single spaces, nothing lined up)', () => {
		for (const file of ['dazu-tongjiju-2024-budget-spaces.txt', 'tongnan-kejiju-2023-final-spaces.txt', 'wuxi-jiguanshiwuju-2022-budget-ambiguous.txt', 'chengkou-shenjiju-2023-budget-fullwidth.txt']) {
			expect(isPositionallyAligned(fixture('disclosures', file)), file).toBe(false);
		}
	});
});

describe('rebuildGrid on real pdftotext output (江苏省人大常委会办公厅 2018)', () => {
	it('joins a name printed above and below its code line to that row (page 11: 2080505, 580.01)', () => {
		expect(jiangsu[331].text.trim()).toBe('机关事业单位基本养老保险缴费支');
		expect(jiangsu[333].text.trim()).toBe('出');
		expect(rebuilt(333)).toMatchObject([{ kind: 'row', text: '2080505\t机关事业单位基本养老保险缴费支出\t580.01' }]);
		expect(rebuilt(332)).toEqual([]);
		expect(rebuilt(334)).toEqual([]);
	});

	it('gives a figure to the label wrapped around it, not to the label beside it (page 8: 三、国防支出 blank, 单位预留机动经费 1685.72)', () => {
		expect(rebuilt(164)).toMatchObject([{ text: '2. 政府性基金预算\t\t三、国防支出\t\t三、单位预留机动经费\t1685.72' }]);
		expect(rebuilt(161)).toMatchObject([{ text: '一、财政拨款\t15897.44\t一、一般公共服务支出\t12706.28\t一、基本支出\t7877.76' }]);
	});

	it('keeps a label row without figures apart from its neighbours (page 8: 四、公共安全支出)', () => {
		expect(rebuilt(166)).toMatchObject([{ text: '二、财政专户管理资金\t\t四、公共安全支出\t\t\t' }]);
	});

	it('reads the nine-column 三公 header and keeps the blank 公务用车购置费 (page 15)', () => {
		expect(rebuilt(531)).toMatchObject([{ kind: 'header', text: '合计\t小计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t会议费\t培训费' }]);
		expect(rebuilt(539)).toMatchObject([{ kind: 'row', text: '2542.60\t833.60\t222.50\t183.60\t\t183.60\t427.50\t1305.25\t403.75' }]);
	});

	it('passes prose through as it reads', () => {
		expect(rebuilt(140)).toMatchObject([{ kind: 'prose', text: '（十二）以提高履职能力为重点加强自身建设。坚持强化' }]);
	});
});

describe('prose among positioned tables', () => {
	it('passes a wrapped sentence through as it is, though its figures stand apart like cells', () => {
		const table = [
			'科目编码    科目名称            决算数',
			'301         工资福利支出        316.62',
			'30101       基本工资             51.42',
			'30102       津贴补贴             45.36',
			'302         商品和服务支出       68.67',
			'30201       办公费                5.73'
		];
		const prose = ['精神。其中：因公出国（境）费 0.00 万元，较年初预算数 ', '增加 0.00 万元；公务接待费 2.54 万元，较年初预算数减少 0. ', '62 万元，主要原因是减少接待批次。'];
		const lines = splitLines([...table, '', ...prose].join('\n'));
		expect(isPositionallyAligned(lines)).toBe(true);
		const out = rebuildGrid(textPositions(lines));
		const last = out.slice(-3);
		expect(last.map((l) => l.kind)).toEqual(['prose', 'prose', 'prose']);
		expect(last.map((l) => l.text.replace(/\s+/g, ''))).toEqual(prose.map((p) => p.replace(/\s+/g, '')));
	});
});
