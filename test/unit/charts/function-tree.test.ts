import { describe, expect, it } from 'vitest';
import {
	UNDETAILED_NAME,
	breadcrumb,
	buildFunctionTree,
	canDrill,
	drillAnnouncement,
	drillPath,
	levelOf,
	levelRows,
	findNode,
	namesOf,
	parentCode,
	visibleNodes,
	type FunctionAmountRow
} from '$lib/charts/function-tree';

// Figures read from data/raw/004_58d22dd7e52bac32.txt, 表二 (一般公共预算财政拨款支出预算表).
const row = (code: string, name: string, total: number, basic: number | null = null, project: number | null = null): FunctionAmountRow => ({
	code,
	name,
	total,
	basic,
	project
});
const ROWS: FunctionAmountRow[] = [
	row('201', '一般公共服务支出', 1056.45, 561.45, 495.0),
	row('20103', '政府办公厅（室）及相关机构事务', 1056.45, 561.45, 495.0),
	row('2010301', '行政运行', 561.45, 561.45, 0),
	row('2010302', '一般行政管理事务', 495.0, 0, 495.0),
	row('208', '社会保障和就业支出', 60.08, 60.08, 0),
	row('20805', '行政事业单位养老支出', 60.08, 60.08, 0),
	row('2080505', '机关事业单位基本养老保险缴费支出', 36.65, 36.65, 0),
	row('2080506', '机关事业单位职业年金缴费支出', 18.33, 18.33, 0),
	row('2080599', '其他行政事业单位养老支出', 5.1, 5.1, 0),
	row('221', '住房保障支出', 31.08, 31.08, 0)
];

describe('drillPath', () => {
	it('lists the 类, 款 and 项 above a 项 code', () => {
		expect(drillPath('2010301')).toEqual(['201', '20103', '2010301']);
		expect(drillPath('20103')).toEqual(['201', '20103']);
		expect(drillPath('201')).toEqual(['201']);
	});
	it('gives no path for null or a malformed code', () => {
		expect(drillPath(null)).toEqual([]);
		expect(drillPath('2010')).toEqual([]);
		expect(drillPath('20x03')).toEqual([]);
		expect(drillPath("201' OR 1=1")).toEqual([]);
	});
	it('goes one level up', () => {
		expect(parentCode('2010301')).toBe('20103');
		expect(parentCode('20103')).toBe('201');
		expect(parentCode('201')).toBeNull();
	});
});

describe('buildFunctionTree', () => {
	it('nests 项 under 款 under 类, largest 类 first', () => {
		const tree = buildFunctionTree(ROWS);
		expect(tree.map((n) => n.code)).toEqual(['201', '208', '221']);
		expect(tree[0].children.map((n) => n.code)).toEqual(['20103']);
		expect(tree[0].children[0].children.map((n) => n.name)).toEqual(['行政运行', '一般行政管理事务']);
	});

	it('adds a 未细分 child for what a parent has beyond its listed children', () => {
		// 类 210 given as 100 but only one 款 of 24.54 listed (as when a narrative gives the 类 only)
		const tree = buildFunctionTree([row('210', '卫生健康支出', 100), row('21011', '行政事业单位医疗', 24.54)]);
		const kids = tree[0].children;
		expect(kids.map((k) => k.name)).toEqual(['行政事业单位医疗', UNDETAILED_NAME]);
		expect(kids[1].total).toBeCloseTo(75.46, 2);
		expect(canDrill(kids[1])).toBe(false);
	});

	it('does not invent a 未细分 child for a rounding difference', () => {
		const tree = buildFunctionTree([row('208', 'x', 60.09), row('20805', 'y', 60.08)]);
		expect(tree[0].children).toHaveLength(1);
	});

	it('hangs a 项 whose 款 is missing from its 类, and a 款 without its 类 at the top', () => {
		const tree = buildFunctionTree([row('201', 'a', 10), row('2010301', 'b', 10), row('20805', 'c', 5)]);
		expect(tree.map((n) => n.code)).toEqual(['201', '20805']);
		expect(tree[0].children.map((n) => n.code)).toEqual(['2010301']);
		expect(findNode(tree, '2010301')?.name).toBe('b');
	});

	it('does not modify its input and skips malformed codes', () => {
		const input = [row('201', 'a', 10), row('2x', 'bad', 3)];
		const copy = structuredClone(input);
		expect(buildFunctionTree(input).map((n) => n.code)).toEqual(['201']);
		expect(input).toEqual(copy);
	});
});

describe('visibleNodes', () => {
	const tree = buildFunctionTree(ROWS);
	it('shows the 类 at the top and a node’s children when drilled', () => {
		expect(visibleNodes(tree, null).map((n) => n.code)).toEqual(['201', '208', '221']);
		expect(visibleNodes(tree, '20805').map((n) => n.code)).toEqual(['2080505', '2080506', '2080599']);
	});
	it('shows a leaf itself rather than nothing', () => {
		expect(visibleNodes(tree, '2010301').map((n) => n.code)).toEqual(['2010301']);
		expect(visibleNodes(tree, '221').map((n) => n.code)).toEqual(['221']);
	});
	it('shows nothing for a code that is not in the data', () => {
		expect(visibleNodes(tree, '999')).toEqual([]);
	});
});

describe('breadcrumb', () => {
	const names = namesOf(buildFunctionTree(ROWS));
	it('leads from 全部科目 down to the code with names', () => {
		expect(breadcrumb('2010302', names)).toEqual([
			{ code: null, label: '全部科目' },
			{ code: '201', label: '201 一般公共服务支出' },
			{ code: '20103', label: '20103 政府办公厅（室）及相关机构事务' },
			{ code: '2010302', label: '2010302 一般行政管理事务' }
		]);
	});
	it('is just the top for no code, and shows bare codes whose names are unknown', () => {
		expect(breadcrumb(null, names)).toEqual([{ code: null, label: '全部科目' }]);
		expect(breadcrumb('21011', names).map((c) => c.label)).toEqual(['全部科目', '210', '21011']);
	});
});

describe('the treemap’s keyboard and screen-reader side', () => {
	const tree = buildFunctionTree(ROWS);
	const names = namesOf(tree);

	it('lists the tiles the chart draws — the level and the nodes inside it — with shares of their parent', () => {
		const rows = levelRows(visibleNodes(tree, null));
		expect(rows.map((r) => [r.label, r.depth, r.drillable])).toEqual([
			['201 一般公共服务支出', 0, true],
			['20103 政府办公厅（室）及相关机构事务', 1, true],
			['208 社会保障和就业支出', 0, true],
			['20805 行政事业单位养老支出', 1, true],
			['221 住房保障支出', 0, false]
		]);
		// 1056.45 of 1056.45 + 60.08 + 31.08; a 款 of the whole 类
		expect(rows[0].share).toBeCloseTo(1056.45 / 1147.61, 10);
		expect(rows[1].share).toBe(1);
		// a 项 is the last level: shown, not a link
		expect(levelRows(visibleNodes(tree, '20103')).map((r) => r.drillable)).toEqual([false, false]);
	});

	it('names the level for an aria-live announcement in Chinese', () => {
		expect(drillAnnouncement(null, names)).toBe('功能分类：全部科目，显示各类');
		expect(drillAnnouncement('208', names)).toBe('功能分类：已进入 208 社会保障和就业支出（类），显示其下各款');
		expect(drillAnnouncement('20805', names)).toBe('功能分类：已进入 20805 行政事业单位养老支出（款），显示其下各项');
		expect(drillAnnouncement('2080505', names)).toBe('功能分类：已进入 2080505 机关事业单位基本养老保险缴费支出（项），为最末一级');
		expect(levelOf('20805')).toBe('款');
		expect(levelOf('2080')).toBeNull();
	});
});
