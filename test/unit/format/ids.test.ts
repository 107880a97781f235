import { describe, expect, it } from 'vitest';
import { layoutLabel, ruleLabel, stageLabel } from '../../../src/lib/format';
import { cellText, csvValue, formatOf } from '../../../src/lib/components/columns';

describe('internal ids in Chinese', () => {
	it('names layouts', () => {
		expect(layoutLabel('tabs')).toBe('制表符分隔（保留空格）');
		expect(layoutLabel('spaces')).toBe('空格分隔');
		expect(layoutLabel('cells')).toBe('每格一行');
		expect(layoutLabel('narrative')).toBe('仅文字说明');
		expect(layoutLabel(null)).toBe('—');
		expect(layoutLabel('toString')).toBe('toString');
	});

	it('names diagnostic stages', () => {
		expect(['decode', 'layout', 'tables', 'solve', 'narrative', 'metadata', 'check', 'write'].map(stageLabel)).toEqual([
			'解码',
			'版式',
			'表格',
			'摆放',
			'文字说明',
			'元数据',
			'核对',
			'写入'
		]);
		expect(stageLabel('other')).toBe('other');
	});

	it('builds a rule phrase from its parts, codes kept', () => {
		expect(ruleLabel('economic.children_sum:302.public')).toBe('经济分类 · 下级之和 · 302 · 公用经费');
		expect(ruleLabel('function.children_sum:合计.total')).toBe('功能分类 · 下级之和 · 合计 · 合计');
		expect(ruleLabel('cross.summary_tables.income_total')).toBe('表间 · 总表之间 · 收入合计');
		expect(ruleLabel('narrative.three_public:vehicle_operation.actual')).toBe('文字说明 · 三公经费 · 公务用车运行维护费 · 决算数');
		expect(ruleLabel('summary.personnel_plus_public')).toBe('收支总表 · 人员经费+公用经费');
		expect(ruleLabel('unit.magnitude:agency_info')).toBe('金额单位 · 数量级 · agency_info');
		expect(ruleLabel('')).toBe('');
	});

	it('formats rule, stage and layout cells', () => {
		expect(formatOf('rule')).toBe('rule');
		expect(cellText('economic.row_sum:301', formatOf('rule'))).toBe('经济分类 · 行内之和 · 301');
		expect(cellText('solve', formatOf('stage'))).toBe('摆放');
		expect(cellText('cells', formatOf('layout'))).toBe('每格一行');
		expect(csvValue('economic.row_sum:301', 'rule')).toBe('经济分类 · 行内之和 · 301（economic.row_sum:301）');
		expect(csvValue('check', 'stage')).toBe('核对');
	});
});
