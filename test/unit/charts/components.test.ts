/** Pure helpers behind the components: filter controls, cell formatting, coverage layout, grouping. */
import { describe, expect, it } from 'vitest';
import { codeOptionLabel, withFilter, yearControls, yearRangeFrom } from '$lib/components/filter-controls';
import { cellText, columnsFor, csvValue, formatOf } from '$lib/components/columns';
import { cellLabel, cellTags, coverageGrid } from '$lib/components/coverage';
import { breakdownGroups, severityLabel } from '../../../src/routes/documents/[doc_id]/groups';
import { EMPTY_FILTERS } from '$lib/filters/model';
import type { EconomicBreakdownRow } from '$lib/queries/document';

const YEARS = [2020, 2021, 2023, 2024, 2025];

describe('year controls', () => {
	it('turns the two selects into a range, open sides reaching the data’s first or last year', () => {
		expect(yearRangeFrom('', '', YEARS)).toBeNull();
		expect(yearRangeFrom('2021', '', YEARS)).toEqual({ from: 2021, to: 2025 });
		expect(yearRangeFrom('', '2023', YEARS)).toEqual({ from: 2020, to: 2023 });
		expect(yearRangeFrom('2024', '2021', YEARS)).toEqual({ from: 2021, to: 2024 });
	});
	it('shows a range back in the selects, a bound at the data’s edge as 不限', () => {
		expect(yearControls(null, YEARS)).toEqual({ from: '', to: '' });
		expect(yearControls({ from: 2021, to: 2025 }, YEARS)).toEqual({ from: '2021', to: '' });
		expect(yearControls({ from: 2019, to: 2023 }, YEARS)).toEqual({ from: '', to: '2023' });
	});
});

describe('code options and filter updates', () => {
	it('indents 款 and 项 under their 类', () => {
		expect(codeOptionLabel('201', '一般公共服务支出')).toBe('201 一般公共服务支出');
		expect(codeOptionLabel('20103', 'x')).toBe('\u300020103 x');
		expect(codeOptionLabel('2010301', undefined)).toBe('\u3000\u30002010301');
	});
	it('replaces one filter without touching the others or the input', () => {
		const before = { ...EMPTY_FILTERS, districts: ['北碚区'] };
		const after = withFilter(before, 'kind', 'final');
		expect(after).toEqual({ ...before, kind: 'final' });
		expect(before.kind).toBe('both');
	});
});

describe('csv values', () => {
	it('writes coded values in Chinese and amounts as plain numbers', () => {
		expect(csvValue('budget', 'kind')).toBe('预算');
		expect(csvValue('vehicle_operation', 'item')).toBe('公务用车运行维护费');
		expect(csvValue(1172.15, 'wan')).toBe(1172.15);
		expect(csvValue(null, 'wan')).toBeNull();
		expect(csvValue('=SUM(A1)', 'text')).toBe('=SUM(A1)'); // escaping is toCsv's job
	});
});

describe('cells', () => {
	it('formats amounts in 万元 with separators, NULL as a dash, lines as 第 N 行', () => {
		expect(cellText(1172.15, formatOf('total'))).toBe('1,172.15');
		expect(cellText(null, formatOf('basic'))).toBe('—');
		expect(cellText(0, formatOf('project'))).toBe('0.00');
		expect(cellText(238, formatOf('source_line'))).toBe('第 238 行');
		expect(cellText('final', formatOf('kind'))).toBe('决算');
		expect(cellText(false, formatOf('ok'))).toBe('未通过');
		expect(cellText('reception', formatOf('item'))).toBe('公务接待费');
		expect(cellText('narrative', formatOf('source'))).toBe('说明文字');
	});
	it('places a PDF row by page and line, and names the file of a document read from two files', () => {
		const line = formatOf('source_line');
		expect(cellText(7, line, { source_page: 5, source_part: null })).toBe('第 5 页第 7 行');
		expect(cellText(12, line, { source_page: 3, source_part: 'tables.pdf' })).toBe('tables.pdf 第 3 页第 12 行');
		expect(cellText(40, line, { source_page: null, source_part: null })).toBe('第 40 行');
	});
	it('keeps disclosure text as text (no markup interpretation happens here or in the table)', () => {
		expect(cellText('<img src=x onerror=alert(1)>', formatOf('name'))).toBe('<img src=x onerror=alert(1)>');
	});
	it('heads columns in Chinese, with per-view overrides', () => {
		expect(columnsFor(['code', 'actual'], { actual: '实际' }).map((c) => c.label)).toEqual(['科目编码', '实际']);
	});
});

describe('coverageGrid', () => {
	const grid = coverageGrid([
		{ district: '九龙坡区', year: 2021, budget: 1, final: 2 },
		{ district: '北碚区', year: 2023, budget: 3, final: 0 }
	]);
	it('lays out districts in pinyin order against gap-free years', () => {
		expect(grid.districts).toEqual(['北碚区', '九龙坡区']);
		expect(grid.years).toEqual([2021, 2022, 2023]);
	});
	it('holds counts per cell, none for a year without a disclosure, and the totals per kind', () => {
		expect(grid.cell('九龙坡区', 2021)).toEqual({ budget: 1, final: 2 });
		expect(grid.cell('九龙坡区', 2022)).toBeNull();
		expect(grid.totals).toEqual({ budget: 4, final: 2 });
	});
	it('names a cell by district, year and the counts it has', () => {
		expect(cellLabel('九龙坡区', 2021, { budget: 1, final: 2 })).toBe('九龙坡区 2021年：预算 1 份，决算 2 份');
		expect(cellLabel('北碚区', 2023, { budget: 3, final: 0 })).toBe('北碚区 2023年：预算 3 份');
	});
	it('tags a cell with the kinds it has, 预算 first', () => {
		expect(cellTags({ budget: 1, final: 2 })).toEqual([
			{ kind: 'budget', text: '预算 1' },
			{ kind: 'final', text: '决算 2' }
		]);
		expect(cellTags({ budget: 0, final: 4 })).toEqual([{ kind: 'final', text: '决算 4' }]);
	});
});

describe('document page grouping', () => {
	it('splits the economic breakdown by scheme and scope with Chinese titles', () => {
		const r = (scheme: string, scope: string, code: string): EconomicBreakdownRow => ({
			scheme,
			scope,
			code,
			name: code,
			level: 1,
			parent_code: null,
			total: 1,
			source_line: 1
		});
		const groups = breakdownGroups([r('department', 'project', '301'), r('government', 'basic', '501'), r('department', 'project', '302')]);
		expect(groups.map((g) => [g.title, g.rows.length])).toEqual([
			['项目支出（部门预算支出经济分类）', 2],
			['基本支出（政府预算支出经济分类）', 1]
		]);
		expect(severityLabel('warning')).toBe('警告');
	});
});
