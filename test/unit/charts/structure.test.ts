import { describe, expect, it } from 'vitest';
import { buildEconomicOption, buildTreemapOption, economicSplit, type EconomicAmountRow } from '$lib/charts/structure';
import { buildFunctionTree, visibleNodes } from '$lib/charts/function-tree';
import { recordTile } from '$lib/charts/tile-layout';
import { contrastRatio } from '$lib/charts/contrast';

type Series = { type: string; name: string; data: unknown[]; stack?: string };
const seriesOf = (o: { series?: unknown }): Series[] => o.series as Series[];

describe('buildTreemapOption', () => {
	const tree = buildFunctionTree([
		{ code: '201', name: '一般公共服务支出', total: 1056.45, basic: 561.45, project: 495 },
		{ code: '20103', name: '政府办公厅（室）及相关机构事务', total: 1056.45, basic: 561.45, project: 495 },
		{ code: '221', name: '住房保障支出', total: 31.08, basic: 31.08, project: 0 }
	]);

	it('draws the visible level with one level of children, names the kind and disables ECharts drilling', () => {
		const option = buildTreemapOption(visibleNodes(tree, null), { kind: 'final' })!;
		const [s] = option.series as { name: string; nodeClick: unknown; data: { name: string; value: number; code: string; drillable: boolean; children?: unknown[] }[] }[];
		expect(s.name).toBe('决算');
		expect(s.nodeClick).toBe(false);
		expect(s.data.map((d) => [d.code, d.value, d.drillable])).toEqual([
			['201', 1056.45, true],
			['221', 31.08, false]
		]);
		expect(s.data[0].children).toHaveLength(1);
	});

	it('greys out the 未细分 remainder and does not let it drill', () => {
		const t = buildFunctionTree([
			{ code: '210', name: '卫生健康支出', total: 100, basic: null, project: null },
			{ code: '21011', name: '行政事业单位医疗', total: 24.54, basic: null, project: null }
		]);
		const option = buildTreemapOption(visibleNodes(t, '210'), { kind: 'final' })!;
		const [s] = option.series as { data: { name: string; drillable: boolean; itemStyle?: { color: string } }[] }[];
		const rest = s.data.find((d) => d.name === '未细分')!;
		expect(rest.drillable).toBe(false);
		expect(rest.itemStyle?.color).toBe('#b8bec6');
	});

	type Tile = { code: string; name: string; itemStyle: { color: string }; label: { color: string }; upperLabel: { color: string }; children?: Tile[] };
	type Fmt = (p: { data?: unknown }) => string;
	const treemap = () => {
		const option = buildTreemapOption(visibleNodes(tree, null), { kind: 'budget', levelName: '全部科目' })!;
		return (option.series as { data: Tile[]; label: { formatter: Fmt }; upperLabel: { formatter: Fmt } }[])[0];
	};

	it('labels a tile with its name, amount in 万元 and share of its parent, fitted to the tile ECharts laid out', () => {
		const s = treemap();
		const [general, housing] = s.data;
		const office = general.children![0];
		recordTile(office, { width: 320, height: 200, borderWidth: 1, upperHeight: 0 });
		expect(s.label.formatter({ data: office })).toBe('政府办公厅（室）及相关机构事务\n1,056.45 万元 占上级 100.0%');
		// a parent's name goes in its header band, with its share of the level (1056.45 of 1087.53)
		recordTile(general, { width: 480, height: 300, borderWidth: 2, upperHeight: 22 });
		expect(s.upperLabel.formatter({ data: general })).toBe('一般公共服务支出  1,056.45 万元  占上级 97.1%');
		// a narrow tile: the name on several lines, whole
		recordTile(housing, { width: 60, height: 120, borderWidth: 2, upperHeight: 0 });
		expect(s.label.formatter({ data: housing })).toBe('住房保\n障支出');
	});

	it('hides a label that does not fit rather than cutting the name', () => {
		const s = treemap();
		const housing = s.data[1];
		recordTile(housing, { width: 40, height: 24, borderWidth: 2, upperHeight: 0 });
		expect(s.label.formatter({ data: housing })).toBe('');
		// before ECharts has laid a tile out there is nothing to fit to
		expect(s.label.formatter({ data: { ...housing } })).toBe('');
	});

	it('draws every label at 4.5:1 or more against its tile', () => {
		const tiles = (list: Tile[]): Tile[] => list.flatMap((t) => [t, ...tiles(t.children ?? [])]);
		for (const t of tiles(treemap().data)) {
			expect(contrastRatio(t.label.color, t.itemStyle.color), t.code).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(t.upperLabel.color, t.itemStyle.color), t.code).toBeGreaterThanOrEqual(4.5);
		}
	});

	it('is null when there is nothing to draw', () => {
		expect(buildTreemapOption([], { kind: 'budget' })).toBeNull();
	});
});

describe('buildEconomicOption', () => {
	// 表三 of data/raw/004_58d22dd7e52bac32.txt (excerpt)
	const rows: EconomicAmountRow[] = [
		{ code: '301', name: '工资福利支出', level: 1, total: 373.24, personnel: 373.24, public: 0 },
		{ code: '30101', name: '基本工资', level: 2, total: 86.91, personnel: 86.91, public: 0 },
		{ code: '30103', name: '奖金', level: 2, total: 113.38, personnel: 113.38, public: 0 },
		{ code: '302', name: '商品和服务支出', level: 1, total: 298.92, personnel: 0.1, public: 298.82 },
		{ code: '30226', name: '劳务费', level: 2, total: 217.51, personnel: 0, public: 217.51 }
	];

	it('stacks 人员经费 and 公用经费 per 款, largest at the top, with the kind in the series names', () => {
		const option = buildEconomicOption(rows, { kind: 'budget' })!;
		const y = option.yAxis as { data: string[] };
		// a horizontal category axis runs bottom-up: the last category is drawn at the top
		expect(y.data).toEqual(['30101 基本工资', '30103 奖金', '30226 劳务费']);
		const s = seriesOf(option);
		expect(s.map((x) => x.name)).toEqual(['人员经费（预算）', '公用经费（预算）']);
		expect(s[0].data).toEqual([86.91, 113.38, 0]);
		expect(s[1].data).toEqual([0, 0, 217.51]);
		expect(s[0].stack).toBe(s[1].stack);
	});

	it('folds the 款 beyond the twelfth into one 其他款 bar that keeps their sum', () => {
		const many: EconomicAmountRow[] = Array.from({ length: 15 }, (_, i) => ({
			code: `302${String(i + 1).padStart(2, '0')}`,
			name: `款${i + 1}`,
			level: 2,
			total: 100 - i,
			personnel: 0,
			public: 100 - i
		}));
		const option = buildEconomicOption(many, { kind: 'final' })!;
		const y = (option.yAxis as { data: string[] }).data;
		expect(y).toHaveLength(13);
		expect(y[0]).toBe('其他款（3 项）');
		expect(seriesOf(option)[1].data[0]).toBe(88 + 87 + 86);
	});

	it('sums the split over the 类 rows only (款 would double count)', () => {
		expect(economicSplit(rows)).toEqual({ personnel: 373.34, public: 298.82 });
	});

	it('is null without 款 rows', () => {
		expect(buildEconomicOption(rows.filter((r) => r.level === 1), { kind: 'budget' })).toBeNull();
	});
});

describe('wanAxis', () => {
	it('labels ticks with separators and without padding zeros, keeping small fractions', async () => {
		const { wanAxis } = await import('$lib/charts/common');
		const f = wanAxis().axisLabel.formatter;
		expect([2500, 0.4, 1.25, 0].map(f)).toEqual(['2,500', '0.4', '1.25', '0']);
	});
});
