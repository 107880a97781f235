/**
 * Option builders for /compare: units (district + department kind) side by side, one disclosure
 * each — by default each unit's latest, so units that published different years are compared
 * too. Every bar group is named `区县·部门类别·2024年预算`: the unit, the year of its disclosure and
 * the kind, so a budget is never set against an actual, nor one year against another, without
 * saying so.
 */
import type { DocumentKind } from '$lib/storage/schema';
import type {
	CompareAt,
	CompareFunctionRow,
	CompareLeftOutRow,
	CompareSplitRow,
	CompareThreePublicRow
} from '$lib/queries/compare';
import type { KindFilter } from '$lib/filters/model';
import { byPinyin } from '$lib/filters/order';
import { unitLabel } from '$lib/format/labels';
import { formatShares } from '$lib/format/number';
import {
	axisTooltip,
	kindLabel,
	ITEM_COLOR,
	SPLIT_COLOR,
	THREE_PUBLIC_LABEL,
	THREE_PUBLIC_PARTS,
	cartesianBase,
	LABEL_HEADROOM,
	round2,
	valueLabels,
	wanAxis,
	wanText
} from './common';
import { threePublicParts } from './three-public-items';
import type { ChartTable } from './table';
import type { ChartOption } from './types';

/** The fields that identify a comparison group: one unit's disclosure of one kind and year. */
export interface GroupFields {
	district: string;
	unit: string;
	year: number;
	kind: DocumentKind;
}

/** A bar group with its label. */
export interface Group extends GroupFields {
	key: string;
	label: string;
}

const groupKey = (r: GroupFields): string => JSON.stringify([r.district, r.unit, r.year, r.kind]);

/** `九龙坡区·人民政府办公室·2025年预算`. */
export function groupLabel(r: GroupFields): string {
	return `${unitLabel(r.district, r.unit)}·${r.year}年${kindLabel(r.kind)}`;
}

/** The groups in `rows`, ordered by district, unit, then 预算 before 决算. */
export function groupsOf(rows: readonly GroupFields[]): Group[] {
	const seen = new Map<string, Group>();
	for (const r of rows) {
		const key = groupKey(r);
		if (!seen.has(key)) seen.set(key, { key, label: groupLabel(r), district: r.district, unit: r.unit, year: r.year, kind: r.kind });
	}
	const kindRank = (k: DocumentKind): number => (k === 'budget' ? 0 : 1);
	return [...seen.values()].sort(
		(a, b) =>
			byPinyin(a.district, b.district) ||
			byPinyin(a.unit, b.unit) ||
			kindRank(a.kind) - kindRank(b.kind) ||
			b.year - a.year
	);
}

/**
 * What the comparison leaves out: a selected district with no disclosure of the kind
 * (`江津区：没有预算公开，未列入对比`), named; and with a fixed year the units that have disclosures
 * but none that year (`南岸区·政务服务管理办公室：没有2024年的预算公开，未列入对比`) — those of
 * `leftOut` named ({@link CompareLeftOutRow}: the first few, in its order), the others counted, so
 * a whole city's notice stays a few lines. `districts`: those with a disclosure under the filters.
 */
export function compareNotices(
	selected: readonly string[],
	districts: ReadonlySet<string>,
	kind: KindFilter,
	at: CompareAt,
	leftOut: readonly CompareLeftOutRow[]
): string[] {
	const kindText = kind === 'both' ? '' : kindLabel(kind);
	const absent = selected.filter((d) => !districts.has(d)).map((d) => `${d}：没有${kindText}公开，未列入对比`);
	if (at === null) return absent;
	const named = leftOut.map((r) => `${unitLabel(r.district, r.unit)}：没有${at}年的${kindLabel(r.kind)}公开，未列入对比`);
	const others = (leftOut[0]?.left_out ?? 0) - leftOut.length;
	const counted = others > 0 ? [`另有 ${others} 个单位（按预算、决算分别计）没有${at}年的公开，未列入对比；可按区县或部门类别筛选查看`] : [];
	return [...absent, ...named, ...counted];
}

/** The `at` URL value as a comparison year: a year in `years`, else null (each unit's latest). */
export function compareAtFrom(value: string | null, years: readonly number[]): CompareAt {
	if (value === null || !/^\d{4}$/.test(value)) return null;
	const year = Number(value);
	return years.includes(year) ? year : null;
}

/**
 * What a /compare chart draws, one row per group: the groups in order, the columns (类, or the
 * parts of a stack) and each group's figure per column. The option and the 数据表 are both built
 * from it, so the table says what the chart draws — for every group compared, drawn or not.
 */
export interface GroupMatrix {
	groups: Group[];
	/** The group's label as the chart names it (a category or a series). */
	labels: string[];
	columns: string[];
	/** `values[group][column]`; null where the group has no figure. */
	values: (number | null)[][];
}

/** Sums of `value` per key, built in one pass over the rows. */
function sumsBy<R>(rows: readonly R[], keyOf: (r: R) => string, value: (r: R) => number | null | undefined): Map<string, number> {
	const sums = new Map<string, number>();
	for (const r of rows) sums.set(keyOf(r), (sums.get(keyOf(r)) ?? 0) + (value(r) ?? 0));
	return sums;
}

/** Amount (万元, summed to the cent) or share (%, one decimal) per group and 类. */
export function compareFunctionMatrix(rows: readonly CompareFunctionRow[], mode: 'amount' | 'share'): GroupMatrix | null {
	const data = rows.filter((r) => (r.amount ?? 0) !== 0);
	if (data.length === 0) return null;
	const groups = groupsOf(data);
	const classes = [...new Map(data.map((r) => [r.code, r.name])).entries()].sort(([a], [b]) => a.localeCompare(b));
	const cellKey = (r: GroupFields, code: string) => `${groupKey(r)}|${code}`;
	const sums = sumsBy(data, (r) => cellKey(r, r.code), (r) => (mode === 'share' ? r.share : r.amount));
	const value = (g: Group, code: string): number | null => {
		const s = sums.get(cellKey(g, code));
		if (s === undefined) return null;
		return mode === 'share' ? Math.round(s * 1000) / 10 : round2(s);
	};
	return {
		groups,
		labels: groups.map((g) => g.label),
		columns: classes.map(([code, name]) => `${code} ${name}`),
		values: groups.map((g) => classes.map(([code]) => value(g, code)))
	};
}

/** 基本支出 and 项目支出 per group. */
export function compareSplitMatrix(rows: readonly CompareSplitRow[]): GroupMatrix | null {
	const data = rows.filter((r) => r.basic !== null || r.project !== null);
	if (data.length === 0) return null;
	const groups = groupsOf(data);
	const basic = sumsBy(data, groupKey, (r) => r.basic);
	const project = sumsBy(data, groupKey, (r) => r.project);
	return {
		groups,
		labels: groups.map((g) => g.label),
		columns: ['基本支出', '项目支出'],
		values: groups.map((g) => [round2(basic.get(g.key) ?? 0), round2(project.get(g.key) ?? 0)])
	};
}

/** The three 三公 parts per group: a 预算 group's 预算数, a 决算 group's 决算数 (the label says which). */
export function compareThreePublicMatrix(rows: readonly CompareThreePublicRow[]): GroupMatrix | null {
	const parts = threePublicParts(rows, (r) => r.amount, groupKey);
	if (parts.length === 0) return null;
	const groups = groupsOf(parts.map((p) => p.source));
	const sums = sumsBy(parts, (p) => `${groupKey(p.source)}|${p.item}`, (p) => p.value);
	return {
		groups,
		labels: groups.map((g) => `${g.label}（${g.kind === 'final' ? '决算数' : '预算数'}）`),
		columns: THREE_PUBLIC_PARTS.map((item) => THREE_PUBLIC_LABEL[item]),
		values: groups.map((g) =>
			THREE_PUBLIC_PARTS.map((item) => {
				const s = sums.get(`${g.key}|${item}`);
				return s === undefined ? null : round2(s);
			})
		)
	};
}

/**
 * A matrix as the 数据表: a row per group. With `drawn` (the chart draws only some groups) each
 * row says whether the chart draws it.
 */
function groupTable(m: GroupMatrix | null, unit: ChartTable['unit'], drawn?: (g: GroupFields) => boolean): ChartTable | null {
	if (m === null) return null;
	return {
		corner: '单位·年度·类型',
		columns: m.columns,
		// /compare draws only printed figures
		derived: m.columns.map(() => false),
		rows: m.groups.map((g, i) => ({ label: m.labels[i], values: m.values[i], ...(drawn ? { drawn: drawn(g) } : {}) })),
		unit
	};
}

/** The 数据表 of 各类支出金额 / 占比: every group compared, its figure per 类. */
export function compareFunctionTable(
	rows: readonly CompareFunctionRow[],
	props: { mode: 'amount' | 'share' },
	drawn?: (g: GroupFields) => boolean
): ChartTable | null {
	return groupTable(compareFunctionMatrix(rows, props.mode), props.mode === 'share' ? 'percent' : 'wan', drawn);
}

/** The 数据表 of 基本支出与项目支出: every group compared. */
export function compareSplitTable(rows: readonly CompareSplitRow[], drawn?: (g: GroupFields) => boolean): ChartTable | null {
	return groupTable(compareSplitMatrix(rows), 'wan', drawn);
}

/** The 数据表 of the 三公 chart: every group compared, its three parts. */
export function compareThreePublicTable(rows: readonly CompareThreePublicRow[], drawn?: (g: GroupFields) => boolean): ChartTable | null {
	return groupTable(compareThreePublicMatrix(rows), 'wan', drawn);
}

/**
 * Amount (万元) or share (% of that group's total) per 类, one bar series per group. Share makes a
 * small unit comparable with a large one.
 */
export function buildCompareFunctionOption(
	rows: readonly CompareFunctionRow[],
	props: { mode: 'amount' | 'share' }
): ChartOption | null {
	const m = compareFunctionMatrix(rows, props.mode);
	if (m === null) return null;
	const share = props.mode === 'share';
	const base = cartesianBase();
	return {
		...base,
		tooltip: {
			...base.tooltip,
			valueFormatter: (v) => (typeof v !== 'number' ? '—' : share ? `${v.toFixed(1)}%` : wanText(v))
		},
		xAxis: {
			type: 'category',
			data: m.columns,
			axisLabel: { interval: 0, width: 96, overflow: 'break' }
		},
		yAxis: share ? { type: 'value', name: '占比', max: 100, axisLabel: { formatter: '{value}%' } } : { ...wanAxis(), ...LABEL_HEADROOM },
		series: m.labels.map((label, g) => ({
			type: 'bar' as const,
			name: label,
			...valueLabels('top', share ? 'percent' : 'wan'),
			data: m.values[g]
		}))
	};
}

/** Basic vs project stacked per group; the tooltip gives each part's share. */
export function buildCompareSplitOption(rows: readonly CompareSplitRow[]): ChartOption | null {
	const m = compareSplitMatrix(rows);
	if (m === null) return null;
	const basic = m.values.map((v) => v[0] ?? 0);
	const project = m.values.map((v) => v[1] ?? 0);
	return {
		...cartesianBase(),
		tooltip: axisTooltip((i) => {
			const whole = basic[i] + project[i];
			const [b, p] = whole ? formatShares([basic[i] / whole, project[i] / whole]) : ['—', '—'];
			return [m.labels[i] ?? '', `基本支出 ${wanText(basic[i])}（${b}）`, `项目支出 ${wanText(project[i])}（${p}）`];
		}),
		xAxis: { type: 'category', data: m.labels, axisLabel: { interval: 0 } },
		yAxis: wanAxis(),
		series: [
			{ type: 'bar', name: '基本支出', stack: 'split', color: SPLIT_COLOR.basic, ...valueLabels('inside', 'wan', SPLIT_COLOR.basic), data: basic },
			{ type: 'bar', name: '项目支出', stack: 'split', color: SPLIT_COLOR.project, ...valueLabels('inside', 'wan', SPLIT_COLOR.project), data: project }
		]
	};
}

/**
 * The three parts of the 三公 (出国, 公务用车, 接待) per group, stacked: a 预算 group shows its
 * 预算数, a 决算 group its 决算数 (the category label says which).
 */
export function buildCompareThreePublicOption(rows: readonly CompareThreePublicRow[]): ChartOption | null {
	const m = compareThreePublicMatrix(rows);
	if (m === null) return null;
	return {
		...cartesianBase(),
		xAxis: { type: 'category', data: m.labels, axisLabel: { interval: 0 } },
		yAxis: wanAxis(),
		series: THREE_PUBLIC_PARTS.map((item, i) => ({
			type: 'bar' as const,
			name: m.columns[i],
			color: ITEM_COLOR[item],
			stack: 'three',
			...valueLabels('inside', 'wan', ITEM_COLOR[item]),
			data: m.values.map((v) => v[i])
		}))
	};
}
