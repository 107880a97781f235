/**
 * amountStart reads where a figure's amount starts from the match text; it must give what the 'd'
 * flag's indices give for every pattern shape that reads figures (a unit after the amount, a bare
 * zero at the end, the same digits earlier in the label).
 */
import { describe, expect, it } from 'vitest';
import { AMOUNT, amountStart, figurePattern } from '../../../src/lib/extract/narrative-grammar';
import { CHANGE } from '../../../src/lib/extract/narrative-derived-grammar';

const TEXTS = [
	'基本支出预算数为612.08万元，项目支出300万元。',
	'公务接待费14,500元，其中2020年度支出2,020元。',
	'2023年收入预算：2023年年初预算数1,234.56万元',
	'公务用车购置为0，公务接待费为0.00。',
	'因公出国（境）费0万元，较上年减少0万，下降0%。',
	'支出合计120.5万元，较上年决算数增加20.5万元，增长20.5%，主要原因是120.5人次。',
	'与2022年相比，财政拨款收、支总计各减少50万元；人员经费80万元，比上年减少20万元。',
	'三公经费预算1.5亿元，比2022年增加0.5亿元。12万元12万元'
];

/** Where the amount starts, as the 'd' flag's indices give it. */
function byIndices(re: RegExp, text: string): (number | null)[] {
	const d = new RegExp(re.source, 'dg');
	return [...text.matchAll(d)].map((m) => (m.indices?.groups?.num ?? m.indices?.groups?.zero)?.[0] ?? null);
}

function byMatch(re: RegExp, text: string): (number | null)[] {
	const g = new RegExp(re.source, 'g');
	return [...text.matchAll(g)].map((m) => amountStart(m as RegExpExecArray));
}

describe('amountStart', () => {
	const patterns = [new RegExp(AMOUNT), CHANGE, figurePattern('(?:收入预算[：:]?(?:\\d{4}年)?年初预算数|支出合计|公务接待费|三公经费|基本支出|人员经费)'), figurePattern('公务用车购置')];
	for (const text of TEXTS) {
		it(text, () => {
			for (const re of patterns) {
				const expected = byIndices(re, text);
				expect(byMatch(re, text)).toEqual(expected);
			}
		});
	}

	it('finds the amount, not the same digits earlier in the label', () => {
		const m = new RegExp(`12年度${AMOUNT}`).exec('12年度12万元') as RegExpExecArray;
		expect(amountStart(m)).toBe(4);
	});

	it('is null for a match without an amount group', () => {
		expect(amountStart(/支出/.exec('支出') as RegExpExecArray)).toBeNull();
	});
});
