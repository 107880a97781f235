/**
 * Execution (决算 ÷ 预算 of the same unit and year), year-over-year change and rankings: chart
 * option, table lines and CSV. Pure: rows in, option / text out.
 */
import type { ChangeRow, ExecutionRow, RankingMeasure, RankingRow } from '$lib/queries/execution';
import type { DerivedExecutionRow } from '$lib/queries/narrative';
import { toCsv, type CsvColumn } from '$lib/format/csv';
import { derivedLabel, kindLabel, unitLabel } from '$lib/format/labels';
import { formatChange, formatPercent, formatWan, percentNumber } from '$lib/format/number';
import { axisTooltip, barValueText, cartesianBase, KIND_COLOR, SPLIT_COLOR, THREE_PUBLIC_LABEL, valueLabels, wanAxis, wanText } from './common';
import { INK } from './contrast';
import { DERIVED_SERIES, derivedBarStyle, derivedSourceText } from './derived-style';
import type { ChartOption } from './types';
import { PLACE_LIMIT } from './place-limit';

/** Names of the headline measures; a 类 (`class:<code>`) is named by its code and name. */
const MEASURE_NAME: Record<string, string> = {
	total: '支出合计',
	basic: '基本支出',
	project: '项目支出',
	three_public: '“三公”经费',
	outbound: THREE_PUBLIC_LABEL.outbound,
	vehicle: THREE_PUBLIC_LABEL.vehicle,
	reception: THREE_PUBLIC_LABEL.reception
};

/** `支出合计`, `公务接待费`, `201 一般公共服务支出`. */
export function measureName(measure: string, name: string | null): string {
	if (measure.startsWith('class:')) return `${measure.slice('class:'.length)} ${name ?? ''}`.trim();
	return MEASURE_NAME[measure] ?? measure;
}

/** The value axis of rates: its name marks the chart's data table as percentages (charts/table.ts). */
export const RATE_AXIS_NAME = '执行率（%）';

/** The measures the chart draws: the 类 and 三公 items stay in the table, where they can be read. */
const CHARTED = ['total', 'basic', 'project', 'three_public'] as const;
const CHART_COLOR: Record<(typeof CHARTED)[number], string> = {
	total: KIND_COLOR.final,
	basic: SPLIT_COLOR.basic,
	project: SPLIT_COLOR.project,
	three_public: '#c2415d'
};

/** The charted measure a 决算's prose gives a 年初预算数 for (narrative_figures' measure names). */
const CHARTED_OF_NARRATIVE: Record<string, (typeof CHARTED)[number]> = {
	expenditure_total: 'total',
	basic: 'basic',
	project: 'project',
	'three_public.total': 'three_public'
};

/** A derived pair's label and column: the 年初预算数 is read from the 决算's prose. */
const DERIVED_EXECUTION = '据决算文字推算';

const rateOfPair = (budget: number, final: number): number | null => (budget === 0 ? null : final / budget);

/**
 * Execution rate per unit-year (categories) and measure (series); null when there is nothing to
 * draw. `derived` pairs (a 决算's own 年初预算数 read from its prose, for a unit-year with no 预算
 * disclosure in the data) are drawn after the printed pairs as hollow, dashed, hatched bars of their
 * own series (`…（据决算文字推算）`), never at a unit-year a printed pair covers; their tooltip gives
 * both figures, the reason and the line.
 */
export function buildExecutionOption(rows: readonly ExecutionRow[], derived: readonly DerivedExecutionRow[] = []): ChartOption | null {
	const place = (r: { district: string; unit: string; year: number }) => `${unitLabel(r.district, r.unit)} ${r.year}`;
	const printedPlaces = [...new Set(rows.map(place))];
	const pairs = derived.filter((r) => CHARTED_OF_NARRATIVE[r.measure] && !printedPlaces.includes(place(r)));
	const places = [...printedPlaces, ...new Set(pairs.map(place))];
	if (places.length === 0) return null;
	const measures = CHARTED.filter((m) => rows.some((r) => r.measure === m));
	const derivedMeasures = CHARTED.filter((m) => pairs.some((r) => CHARTED_OF_NARRATIVE[r.measure] === m));
	const at = (p: string, m: string) => rows.find((r) => place(r) === p && r.measure === m);
	const pairAt = (p: string, m: string) => pairs.find((r) => place(r) === p && CHARTED_OF_NARRATIVE[r.measure] === m);
	const printedLines = (p: string) => [
		`${p}（决算 ÷ 同年预算）`,
		...measures.map((m) => {
			const r = at(p, m);
			return r ? `${MEASURE_NAME[m]}：预算 ${wanText(r.budget)}，决算 ${wanText(r.final)}，执行率 ${formatPercent(r.rate)}` : `${MEASURE_NAME[m]}：—`;
		})
	];
	const derivedLines = (p: string) => [
		`${p}（决算 ÷ 决算文字所述年初预算数：该年预算公开未收录）`,
		...derivedMeasures.flatMap((m) => {
			const r = pairAt(p, m);
			if (!r) return [];
			return [
				`${MEASURE_NAME[m]}：年初预算数 ${wanText(r.budget)}（${derivedLabel(r.year, 'final')}），决算 ${wanText(r.final)}，执行率 ${formatPercent(rateOfPair(r.budget, r.final))}`,
				...(r.reason ? [`原因：${r.reason}`] : []),
				derivedSourceText({ ...r, source_year: r.year, source_kind: 'final' })
			];
		})
	];
	return {
		...cartesianBase(),
		tooltip: { ...axisTooltip((i) => (i < printedPlaces.length ? printedLines(places[i]) : derivedLines(places[i]))), extraCssText: 'max-width: 420px; white-space: normal;' },
		xAxis: { type: 'category', data: places, axisLabel: { interval: 0 } },
		yAxis: { type: 'value', name: RATE_AXIS_NAME },
		series: [
			...measures.map((m) => ({
				type: 'bar' as const,
				name: MEASURE_NAME[m],
				color: CHART_COLOR[m],
				...valueLabels('top', 'percent'),
				// unrounded: the data table rounds once (95.9477 → 95.9%); a pre-rounded 95.95 would print 96.0%
				data: places.map((p) => {
					const rate = at(p, m)?.rate ?? null;
					return rate === null ? null : rate * 100;
				})
			})),
			...derivedMeasures.map((m) => ({
				type: 'bar' as const,
				id: `${DERIVED_SERIES}${m}`,
				name: `${MEASURE_NAME[m]}（${DERIVED_EXECUTION}）`,
				color: CHART_COLOR[m],
				itemStyle: derivedBarStyle(CHART_COLOR[m]),
				label: {
					show: true,
					position: 'top' as const,
					fontSize: 10,
					color: INK,
					formatter: (q: { value?: unknown }) => {
						const text = barValueText(q.value, 'percent');
						return text ? `${text}\n${DERIVED_EXECUTION}` : DERIVED_EXECUTION;
					}
				},
				data: places.map((p) => {
					const r = pairAt(p, m);
					const rate = r ? rateOfPair(r.budget, r.final) : null;
					return rate === null ? null : rate * 100;
				})
			}))
		]
	};
}

/** One line of the execution table, as displayed. */
export interface ExecutionLine {
	unit: string;
	year: number;
	measure: string;
	budget: string;
	final: string;
	rate: string;
}

export function executionLines(rows: readonly ExecutionRow[]): ExecutionLine[] {
	return rows.map((r) => ({
		unit: unitLabel(r.district, r.unit),
		year: r.year,
		measure: measureName(r.measure, r.name),
		budget: formatWan(r.budget),
		final: formatWan(r.final),
		rate: formatPercent(r.rate)
	}));
}

/** One line of the change table, as displayed. */
export interface ChangeLine {
	unit: string;
	kind: string;
	year: number;
	measure: string;
	previous: string;
	value: string;
	change: string;
	ratio: string;
}

/** A signed amount: `+54.00`, `-36.75` (a rise is marked as a rise). */
function signedWan(n: number): string {
	const text = formatWan(n);
	return n > 0 && text !== '0.00' ? `+${text}` : text;
}

/**
 * `，较上年 +30.00 万元（+6.3%）` for a figure against the same unit and kind's figure of the year
 * before; `，上年无同类公开` when that year has none (an older year is not "the year before").
 */
export function changeSuffix(value: number, previous: number | null): string {
	if (previous === null) return '，上年无同类公开';
	const ratio = previous === 0 ? null : (value - previous) / previous;
	return `，较上年 ${signedWan(value - previous)} 万元（${formatChange(ratio)}）`;
}

export function changeLines(rows: readonly ChangeRow[]): ChangeLine[] {
	return rows.map((r) => ({
		unit: unitLabel(r.district, r.unit),
		kind: kindLabel(r.kind),
		year: r.year,
		measure: measureName(r.measure, r.name),
		previous: formatWan(r.previous),
		value: formatWan(r.value),
		change: signedWan(r.change),
		ratio: formatChange(r.change_ratio)
	}));
}

/** The leading columns of every execution-style CSV: which unit, year and measure a row is. */
export const UNIT_MEASURE_COLUMNS: readonly CsvColumn[] = [
	{ key: 'district', header: '区县' },
	{ key: 'unit', header: '部门类别' },
	{ key: 'year', header: '年度' },
	{ key: 'measure', header: '指标' }
];

const EXECUTION_COLUMNS: CsvColumn[] = [
	...UNIT_MEASURE_COLUMNS,
	{ key: 'budget', header: '预算数（万元）' },
	{ key: 'final', header: '决算数（万元）' },
	{ key: 'rate', header: '执行率（%）' }
];

/** The execution table as CSV: figures as numbers (万元; rate in percent, two decimals). */
export function executionCsv(rows: readonly ExecutionRow[]): string {
	return toCsv(
		EXECUTION_COLUMNS,
		rows.map((r) => ({ district: r.district, unit: r.unit, year: r.year, measure: measureName(r.measure, r.name), budget: r.budget, final: r.final, rate: percentNumber(r.rate) }))
	);
}

const CHANGE_COLUMNS: CsvColumn[] = [
	{ key: 'district', header: '区县' },
	{ key: 'unit', header: '部门类别' },
	{ key: 'kind', header: '类型' },
	{ key: 'year', header: '年度' },
	{ key: 'measure', header: '指标' },
	{ key: 'previous', header: '上年数（万元）' },
	{ key: 'value', header: '本年数（万元）' },
	{ key: 'change', header: '增减额（万元）' },
	{ key: 'ratio', header: '增减率（%）' }
];

export function changeCsv(rows: readonly ChangeRow[]): string {
	return toCsv(
		CHANGE_COLUMNS,
		rows.map((r) => ({ district: r.district, unit: r.unit, kind: kindLabel(r.kind), year: r.year, measure: measureName(r.measure, r.name), previous: r.previous, value: r.value, change: r.change, ratio: percentNumber(r.change_ratio) }))
	);
}

/** What each ranking measure is called, and whether its values are 万元 amounts. */
export const RANKING_LABEL: Record<RankingMeasure, { label: string; amount: boolean; header: string }> = {
	total: { label: '支出合计', amount: true, header: '支出合计（万元）' },
	three_public: { label: '“三公”经费', amount: true, header: '“三公”经费（万元）' },
	basic_share: { label: '基本支出占比', amount: false, header: '基本支出占比（%）' },
	execution: { label: '执行率（决算 ÷ 同年预算）', amount: false, header: '执行率（%）' },
	change: { label: '支出合计较上年增减率', amount: false, header: '较上年增减率（%）' }
};

export function rankingValueText(measure: RankingMeasure, value: number): string {
	if (RANKING_LABEL[measure].amount) return formatWan(value);
	return measure === 'change' ? formatChange(value) : formatPercent(value);
}

/** The kind a ranking row is of: execution rows are of both kinds by construction. */
export function rankingKindLabel(kind: RankingRow['kind']): string {
	return kind === null ? '决算÷预算' : kindLabel(kind);
}

/** The league table's columns; the value's header names the measure (and a 类 when one is chosen). */
export function rankingHeaders(measure: RankingMeasure, note = ''): { label: string; num?: boolean }[] {
	return [
		{ label: '名次', num: true },
		{ label: '单位' },
		{ label: '年度', num: true },
		{ label: '类型' },
		{ label: `${RANKING_LABEL[measure].header}${note}`, num: true }
	];
}

/** The league table's rows as printed: rank, unit, year, kind, value (万元 or %). */
export function rankingLines(measure: RankingMeasure, rows: readonly RankingRow[]): string[][] {
	return rows.map((r) => [String(r.rank), unitLabel(r.district, r.unit), String(r.year), rankingKindLabel(r.kind), rankingValueText(measure, r.value)]);
}

export function rankingCsv(measure: RankingMeasure, rows: readonly RankingRow[]): string {
	const { amount, header } = RANKING_LABEL[measure];
	const columns: CsvColumn[] = [
		{ key: 'rank', header: '名次' },
		{ key: 'district', header: '区县' },
		{ key: 'unit', header: '部门类别' },
		{ key: 'year', header: '年度' },
		{ key: 'kind', header: '类型' },
		{ key: 'value', header }
	];
	return toCsv(
		columns,
		rows.map((r) => ({ rank: r.rank, district: r.district, unit: r.unit, year: r.year, kind: rankingKindLabel(r.kind), value: amount ? r.value : percentNumber(r.value) }))
	);
}

/** `沙坪坝区·政务服务管理办公室 2024年预算`: the unit, the year its value is of, and the kind. */
function rankingPlace(r: RankingRow): string {
	return `${unitLabel(r.district, r.unit)} ${r.year}年${rankingKindLabel(r.kind)}`;
}

/**
 * How many places of each kind the ranking chart draws: a whole city ranks thousands of units, and
 * a bar each froze the page (ECharts' layout of thousands of categories) and read as nothing. The
 * same count as the other charts' places (PLACE_LIMIT).
 */
export const RANKING_DRAW_LIMIT = PLACE_LIMIT;

/** What the ranking chart draws of the league table's rows, and how many it leaves to the table. */
export interface RankingDrawn {
	drawn: RankingRow[];
	/** Rows of the league table (a unit once per kind). */
	units: number;
	rest: number;
	/** Whether the rows are ranked per kind (预算, 决算) or as one list (执行率). */
	perKind: boolean;
}

/**
 * The first `limit` rows of each kind, in the league table's order (kind, rank): a tie at the
 * limit is cut by that order too, so the chart's bar count is fixed.
 */
export function rankingDrawn(rows: readonly RankingRow[], limit = RANKING_DRAW_LIMIT): RankingDrawn {
	const taken = new Map<RankingRow['kind'], number>();
	const drawn: RankingRow[] = [];
	for (const r of rows) {
		const n = taken.get(r.kind) ?? 0;
		if (n < limit) drawn.push(r);
		taken.set(r.kind, n + 1);
	}
	return { drawn, units: rows.length, rest: rows.length - drawn.length, perKind: !taken.has(null) };
}

/** The notice under a limited ranking chart (shown only when `rest` > 0). */
export function rankingDrawnNotice(d: RankingDrawn, limit = RANKING_DRAW_LIMIT): string {
	const head = d.perKind ? `共 ${d.units} 个（预算、决算分别排名），图中画出每类前 ${limit} 名` : `共 ${d.units} 个，图中画出前 ${limit} 名`;
	return `单位较多：${head}，其余 ${d.rest} 个未画出（下方排名表列出全部）；可按区县、部门类别或年度筛选以缩小范围。`;
}

/**
 * The league table as horizontal bars (builder for ChartFrame): one bar per drawn row
 * ({@link rankingDrawn}), the first place at the top; 万元 for amounts, percent (unrounded: the
 * data table rounds once) for ratios.
 */
export function buildRankingOption(measure: RankingMeasure): (rows: readonly RankingRow[]) => ChartOption | null {
	const { label, amount } = RANKING_LABEL[measure];
	return (rows) => {
		if (rows.length === 0) return null;
		// a category axis on y runs bottom-up: reverse so the ranking reads top-down
		const ordered = rankingDrawn(rows).drawn.reverse();
		const value = (r: RankingRow) => (amount ? r.value : r.value * 100);
		return {
			...cartesianBase(),
			tooltip: axisTooltip((i) => {
				const r = ordered[i];
				return [`第 ${r.rank} 名：${rankingPlace(r)}`, `${label} ${amount ? wanText(r.value) : rankingValueText(measure, r.value)}`];
			}),
			xAxis: amount ? wanAxis() : { type: 'value', name: RANKING_LABEL[measure].header },
			yAxis: { type: 'category', data: ordered.map(rankingPlace), axisLabel: { interval: 0 } },
			series: [{ type: 'bar', name: label, color: KIND_COLOR.budget, ...valueLabels('right', amount ? 'wan' : 'percent'), data: ordered.map(value) }]
		};
	};
}
