/**
 * A small synthetic data set for the semantics tests. Its figures are chosen here (not read from
 * any document) to make each rule visible: a printed total a cent off the sum of its rows, a
 * narrative-only split, a document with no spending rows (e), one with a basic figure but no total (g), a
 * hostile district name that exists (h).
 */
import { rowsOf, type FixtureData } from '../../helpers/fixtures';

export const HOSTILE_DISTRICT = "x'); DROP TABLE documents; --";

export const FIXTURE: FixtureData = {
	documents: rowsOf(
		'documents',
		['doc_id', 'source_file', 'district', 'department', 'year', 'kind', 'title', 'department_kind', 'layout'],
		[
			['a', 'a.txt', '九龙坡区', '重庆市九龙坡区政务服务管理办公室', 2023, 'budget', 'A', '政务服务管理办公室', 'tabs'],
			['b', 'b.txt', '九龙坡区', '重庆市九龙坡区政务服务管理办公室', 2023, 'final', 'B', '政务服务管理办公室', 'spaces'],
			['c', 'c.txt', '北碚区', '重庆市北碚区政务服务管理办公室', 2023, 'budget', 'C', '政务服务管理办公室', 'spaces'],
			['d', 'd.txt', '北碚区', '重庆市北碚区人民政府办公室', 2024, 'budget', 'D', '人民政府办公室', 'narrative'],
			['e', 'e.txt', '江津区', '重庆市江津区政务服务管理办公室', 2022, 'final', 'E', '政务服务管理办公室', 'narrative'],
			['g', 'g.txt', '江津区', '重庆市江津区政务服务管理办公室', 2021, 'final', 'G', '政务服务管理办公室', 'narrative'],
			['h', 'h.txt', HOSTILE_DISTRICT, 'evil', 2019, 'budget', 'H', null, 'tabs']
		]
	),
	function_expenditure: rowsOf(
		'function_expenditure',
		['doc_id', 'code', 'name', 'level', 'parent_code', 'total', 'basic', 'project', 'source_line'],
		[
			['a', '201', '一般公共服务支出', 1, null, 100, 60, 40, 10],
			['a', '20103', '政府办公厅（室）及相关机构事务', 2, '201', 100, 60, 40, 11],
			['a', '2010301', '行政运行', 3, '20103', 60, 60, 0, 12],
			['a', '2010302', '一般行政管理事务', 3, '20103', 40, 0, 40, 13],
			['a', '208', '社会保障和就业支出', 1, null, 50, 50, 0, 14],
			['b', '201', '一般公共服务支出', 1, null, 120, 70, 50, 20],
			['b', '20103', '政府办公厅（室）及相关机构事务', 2, '201', 120, 70, 50, 21],
			['b', '208', '社会保障和就业支出', 1, null, 55, 55, 0, 22],
			['c', '201', '一般公共服务支出', 1, null, 80, 50, 30, 30],
			['c', '20103', '政府办公厅（室）及相关机构事务', 2, '201', 80, 50, 30, 31],
			['c', '221', '住房保障支出', 1, null, 20, 20, 0, 32],
			['d', '201', '一般公共服务支出', 1, null, 30, null, null, 40],
			['d', '208', '社会保障与就业支出', 1, null, 10, null, null, 41],
			['h', '201', '一般公共服务支出', 1, null, 1, 1, 0, 1]
		]
	),
	economic_expenditure: rowsOf(
		'economic_expenditure',
		['doc_id', 'code', 'name', 'level', 'parent_code', 'total', 'personnel', 'public', 'source_line'],
		[
			['a', '301', '工资福利支出', 1, null, 60, 60, 0, 50],
			['a', '302', '商品和服务支出', 1, null, 50, 0, 50, 51],
			['c', '301', '工资福利支出', 1, null, 40, 40, 0, 52]
		]
	),
	summary: rowsOf(
		'summary',
		['doc_id', 'measure', 'value', 'source', 'source_line'],
		[
			// printed total a cent above the sum of a's 类 rows (150)
			['a', 'expenditure_total', 150.01, 'table', 5],
			['a', 'basic', 110, 'table', 6],
			['a', 'project', 40, 'table', 6],
			// the table's figure wins over the narrative's
			['c', 'basic', 69, 'narrative', 3],
			['c', 'basic', 70, 'table', 7],
			['c', 'expenditure_total', 100, 'narrative', 3],
			['d', 'expenditure_total', 40, 'narrative', 2],
			['d', 'basic', 25, 'narrative', 2],
			['d', 'project', 15, 'narrative', 2],
			['e', 'expenditure_total', 12.5, 'narrative', 2],
			// a split without a total: must not inflate the basic share
			['g', 'basic', 5, 'narrative', 2]
		]
	),
	three_public: rowsOf(
		'three_public',
		['doc_id', 'item', 'budget', 'actual', 'source_line'],
		[
			['a', 'total', 5, null, 60],
			['a', 'vehicle', 3, null, 60],
			['a', 'reception', 2, null, 60],
			['b', 'total', 8, 2.5, 70],
			['b', 'reception', 4, 1, 71],
			['c', 'total', 4, null, 80]
		]
	),
	checks: rowsOf(
		'checks',
		['doc_id', 'rule', 'expected', 'actual', 'ok', 'detail', 'source_line'],
		[
			['a', 'function.children_sum:201.total', 100, 100, true, '201 合计等于下级之和', 10],
			['a', 'summary.basic_plus_project', 150.01, 150, true, '支出总计 = 基本支出 + 项目支出', 5],
			['a', 'economic.children_sum:302.public', 50, 50.03, false, '302 公用经费', 51]
		]
	),
	diagnostics: rowsOf(
		'diagnostics',
		['doc_id', 'source_file', 'severity', 'stage', 'source_line', 'message'],
		[
			['a', 'a.txt', 'warning', 'tables', 30, 'unplaced figure'],
			['a', 'a.txt', 'error', 'checks', 51, 'check failed'],
			[null, 'zz.txt', 'error', 'decode', null, 'unreadable']
		]
	)
};
