/**
 * Where a table ends: at its last row, not at the next table. Prose after the last table (the
 * 情况说明 that some templates print after the tables) belongs to the narrative; a table of
 * contents (titles with no rows) is not a table.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/lib/extract/document';
import { splitLines } from '../../../src/lib/extract/layout';
import { findSegments } from '../../../src/lib/extract/segments';

const text = (s: string) => s.replace(/→/g, '\t');

const TABLES_THEN_PROSE = text(`重庆市南川区档案馆
2023年部门预算
第二部分 2023年部门预算表
一、一般公共预算财政拨款支出预算表
二、一般公共预算财政拨款基本支出预算表
表一
一般公共预算财政拨款支出预算表
单位：万元
科目编码→科目名称→合计→基本支出→项目支出
→合计→120.00→100.00→20.00
201→一般公共服务支出→120.00→100.00→20.00
20126→档案事务→120.00→100.00→20.00
2012601→行政运行→100.00→100.00→0.00
2012604→档案馆→20.00→0.00→20.00
注：本表反映一般公共预算财政拨款支出。

三、关于2023年部门预算的说明
2023年一般公共预算财政拨款支出120.00万元，其中：基本支出100.00万元，项目支出20.00万元，
主要用于档案馆日常运转和档案数字化。
`);

describe('table segments end where the rows stop', () => {
	const lines = splitLines(TABLES_THEN_PROSE);
	const segments = findSegments(lines);

	it('drops a table of contents: titles with no rows are not tables', () => {
		expect(segments.map((s) => s.title)).toEqual(['一般公共预算财政拨款支出预算表']);
	});

	it('keeps the table note (line 15), ends before the heading and the prose (lines 17–19)', () => {
		expect(segments[0]).toMatchObject({ titleLine: 7, end: 15 });
	});

	it('so the prose after the last table is read as narrative and reconciled with the table', () => {
		const d = extractDocument('prose-after-tables.txt', new TextEncoder().encode(TABLES_THEN_PROSE), 'x');
		expect(d.checks.find((c) => c.rule === 'narrative.basic')).toMatchObject({ expected: 100, actual: 100, ok: true, line: 18 });
		expect(d.checks.find((c) => c.rule === 'narrative.project')).toMatchObject({ expected: 20, actual: 20, ok: true });
	});

	it('ends a table at a section heading without a sentence (第三部分 …, 四、…情况说明)', () => {
		const heading = text(`表一
一般公共预算财政拨款支出预算表
科目编码→科目名称→合计
201→一般公共服务支出→10.00
第三部分 名词解释
一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的支出`);
		expect(findSegments(splitLines(heading))).toMatchObject([{ start: 1, end: 4 }]);
	});

	it('does not end a table at its own labelled rows (（二）相关统计数, 五、国有资产占用情况 —)', () => {
		const rows = text(`机构运行信息表
项目→预算数→决算数
一、“三公”经费支出→—→—
（二）相关统计数
五、国有资产占用情况→—
六、政府采购支出信息→—
（一）政府采购支出合计→→9.00`);
		expect(findSegments(splitLines(rows))).toMatchObject([{ start: 1, end: 7 }]);
	});

	it('joins a title that PDF text broke over two lines (…培训费支出预算 / 表), in the contents too', () => {
		const broken = text(`第二部分 2017年度部门预算表
十、一般公共预算机关运行经费支出预算表
十一、一般公共预算“三公”经费、会议费、培训费支
出预算表
十二、政府采购支出预算表
第三部分省人大办公厅 2017 年度部门预算情况说明
“三公”经费、会议费、培训费支出预算
表
部门：某厅 单位：万元
合计→小计→会议费→培训费
2,542.60→833.60→1,305.25→403.75`);
		expect(findSegments(splitLines(broken))).toMatchObject([{ title: '“三公”经费、会议费、培训费支出预算表', titleLine: 7, end: 11 }]);
	});

	it('lists only tables in source_tables: a part heading ending in 表 over a note is not one', () => {
		const doc = TABLES_THEN_PROSE.replace('第二部分 2023年部门预算表\n', '第二部分 2023年部门预算表\n具体公开表样附后\n');
		const d = extractDocument('part-heading.txt', new TextEncoder().encode(doc), 'x');
		expect(d.sourceTables.map((t) => t.title)).toEqual(['一般公共预算财政拨款支出预算表']);
	});
});


describe('findSegments of the same lines', () => {
	const lines = splitLines(TABLES_THEN_PROSE + TABLES_THEN_PROSE);

	it('finds them once: the same lines give the very segments found before, other lines their own', () => {
		const all = findSegments(lines);
		expect(all).toHaveLength(2);
		expect(findSegments(lines)).toBe(all);
		const copy = splitLines(TABLES_THEN_PROSE + TABLES_THEN_PROSE);
		expect(findSegments(copy)).not.toBe(all);
		expect(findSegments(copy)).toEqual(all);
	});
});
