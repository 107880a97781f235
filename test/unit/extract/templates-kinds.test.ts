/**
 * Table kinds from titles beyond the Chongqing district templates: the national 决算 template
 * (公开01–09表) and the provincial 预算 templates (Jiangsu: 收支预算总表, 一般公共预算支出预算表（功能科目）,
 * “三公”经费、会议费、培训费支出预算表 …). Titles as printed in those templates.
 */
import { describe, expect, it } from 'vitest';
import { classifyTitle, type TableKind } from '../../../src/lib/extract/table-kind';

const kinds = (titles: string[]) => Object.fromEntries(titles.map((t) => [t, classifyTitle(t).kind]));
const all = (titles: string[], kind: TableKind) => Object.fromEntries(titles.map((t) => [t, kind]));

describe('table kinds by title', () => {
	it('national 决算 template, 公开01–09表', () => {
		const titles: Record<string, TableKind> = {
			收入支出决算总表: 'summary',
			收入决算表: 'skipped',
			支出决算表: 'dept_expenditure',
			财政拨款收入支出决算总表: 'summary',
			一般公共预算财政拨款支出决算表: 'function',
			一般公共预算财政拨款基本支出决算表: 'economic_basic',
			'一般公共预算财政拨款“三公”经费支出决算表': 'three_public',
			政府性基金预算财政拨款收入支出决算表: 'other_fund',
			国有资本经营预算财政拨款支出决算表: 'other_fund'
		};
		expect(kinds(Object.keys(titles))).toEqual(titles);
	});

	it('function tables of the general budget, whatever the wording', () => {
		const titles = [
			'部门一般公共预算支出功能分类预算表',
			'一般公共预算支出预算表（功能科目）',
			'一般公共预算支出预算表',
			'一般公共预算支出表',
			'一般公共预算财政拨款支出预算表'
		];
		expect(kinds(titles)).toEqual(all(titles, 'function'));
	});

	it('basic spending by economic classification, the general budget or all 财政拨款', () => {
		const titles = ['一般公共预算基本支出预算表（经济科目）', '财政拨款基本支出预算表（经济科目）', '财政拨款基本支出预算表'];
		expect(kinds(titles)).toEqual(all(titles, 'economic_basic'));
	});

	it('all-fund spending tables are cross-checks; 收支预算总表 are summaries; 收入预算总表 is skipped', () => {
		expect(kinds(['财政拨款支出预算表（功能科目）', '财政拨款支出预算表', '支出预算总表'])).toEqual(
			all(['财政拨款支出预算表（功能科目）', '财政拨款支出预算表', '支出预算总表'], 'dept_expenditure')
		);
		expect(kinds(['收支预算总表', '财政拨款收支预算总表', '部门收支预算总表'])).toEqual(all(['收支预算总表', '财政拨款收支预算总表', '部门收支预算总表'], 'summary'));
		expect(classifyTitle('收入预算总表')).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('收入表') });
	});

	it('三公 tables that also list 会议费 and 培训费', () => {
		const titles = ['“三公”经费、会议费、培训费支出预算表', '一般公共预算“三公”经费、会议费、培训费支出预算表'];
		expect(kinds(titles)).toEqual(all(titles, 'three_public'));
	});

	it('the 机关运行经费 table is its own kind, not a spending table to cross-check', () => {
		expect(classifyTitle('一般公共预算机关运行经费支出预算表').kind).toBe('operating_cost');
		expect(classifyTitle('2019年政府采购预算表').kind).toBe('skipped');
		expect(classifyTitle('财政拨款政府性基金支出预算表').kind).toBe('other_fund');
	});
});
