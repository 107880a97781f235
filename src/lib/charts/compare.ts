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
	CompareAvailableRow,
	CompareFunctionRow,
	CompareSplitRow,
	CompareThreePublicRow
} from '$lib/queries/compare';
import type { KindFilter } from '$lib/filters/model';
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
	sum2,
	valueLabels,
	wanAxis,
	wanText
} from './common';
import { threePublicParts } from './three-public-items';
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
			a.district.localeCompare(b.district, 'zh-CN') ||
			a.unit.localeCompare(b.unit, 'zh-CN') ||
			kindRank(a.kind) - kindRank(b.kind) ||
			b.year - a.year
	);
}

/**
 * What the comparison leaves out, each named: a selected district with no disclosure of the kind
 * (`江津区：没有预算公开，未列入对比`), and with a fixed year every unit that has disclosures but
 * none that year (`南岸区·政务服务管理办公室：没有2024年的预算公开，未列入对比`). `available` are
 * the unit × year × kind rows under the filters ({@link CompareAvailableRow}).
 */
export function compareNotices(
	selected: readonly string[],
	available: readonly CompareAvailableRow[],
	kind: KindFilter,
	at: CompareAt
): string[] {
	const districts = new Set(available.map((r) => r.district));
	const kindText = kind === 'both' ? '' : kindLabel(kind);
	const absent = selected.filter((d) => !districts.has(d)).map((d) => `${d}：没有${kindText}公开，未列入对比`);
	if (at === null) return absent;
	// per unit and kind: a unit's 预算 of that year is shown even when its 决算 is not
	const unitKey = (r: CompareAvailableRow) => JSON.stringify([r.district, r.unit, r.kind]);
	const inYear = new Set(available.filter((r) => r.year === at).map(unitKey));
	const left = new Map<string, CompareAvailableRow>();
	for (const r of available) if (!inYear.has(unitKey(r)) && !left.has(unitKey(r))) left.set(unitKey(r), r);
	const leftOut = [...left.values()].map((r) => `${unitLabel(r.district, r.unit)}：没有${at}年的${kindLabel(r.kind)}公开，未列入对比`);
	return [...absent, ...leftOut];
}

/** The `at` URL value as a comparison year: a year in `years`, else null (each unit's latest). */
export function compareAtFrom(value: string | null, years: readonly number[]): CompareAt {
	if (value === null || !/^\d{4}$/.test(value)) return null;
	const year = Number(value);
	return years.includes(year) ? year : null;
}

/**
 * Amount (万元) or share (% of that group's total) per 类, one bar series per group. Share makes a
 * small unit comparable with a large one.
 */
export function buildCompareFunctionOption(
	rows: readonly CompareFunctionRow[],
	props: { mode: 'amount' | 'share' }
): ChartOption | null {
	const data = rows.filter((r) => (r.amount ?? 0) !== 0);
	if (data.length === 0) return null;
	const groups = groupsOf(data);
	const classes = [...new Map(data.map((r) => [r.code, r.name])).entries()].sort(([a], [b]) => a.localeCompare(b));
	const share = props.mode === 'share';
	const base = cartesianBase();
	const value = (g: Group, code: string): number | null => {
		const hit = data.filter((r) => r.code === code && groupKey(r) === g.key);
		if (hit.length === 0) return null;
		if (!share) return sum2(hit.map((r) => r.amount));
		const sh = hit.reduce((s, r) => s + (r.share ?? 0), 0);
		return Math.round(sh * 1000) / 10;
	};
	return {
		...base,
		tooltip: {
			...base.tooltip,
			valueFormatter: (v) => (typeof v !== 'number' ? '—' : share ? `${v.toFixed(1)}%` : wanText(v))
		},
		xAxis: {
			type: 'category',
			data: classes.map(([code, name]) => `${code} ${name}`),
			axisLabel: { interval: 0, width: 96, overflow: 'break' }
		},
		yAxis: share ? { type: 'value', name: '占比', max: 100, axisLabel: { formatter: '{value}%' } } : { ...wanAxis(), ...LABEL_HEADROOM },
		series: groups.map((g) => ({
			type: 'bar' as const,
			name: g.label,
			...valueLabels('top-vertical', share ? 'percent' : 'wan'),
			data: classes.map(([code]) => value(g, code))
		}))
	};
}

/** Basic vs project stacked per group; the tooltip gives each part's share. */
export function buildCompareSplitOption(rows: readonly CompareSplitRow[]): ChartOption | null {
	const data = rows.filter((r) => r.basic !== null || r.project !== null);
	if (data.length === 0) return null;
	const groups = groupsOf(data);
	const pick = (g: Group, field: 'basic' | 'project'): number =>
		sum2(data.filter((r) => groupKey(r) === g.key).map((r) => r[field]));
	const basic = groups.map((g) => pick(g, 'basic'));
	const project = groups.map((g) => pick(g, 'project'));
	return {
		...cartesianBase(),
		tooltip: axisTooltip((i) => {
			const whole = basic[i] + project[i];
			const [b, p] = whole ? formatShares([basic[i] / whole, project[i] / whole]) : ['—', '—'];
			return [groups[i]?.label ?? '', `基本支出 ${wanText(basic[i])}（${b}）`, `项目支出 ${wanText(project[i])}（${p}）`];
		}),
		xAxis: { type: 'category', data: groups.map((g) => g.label), axisLabel: { interval: 0 } },
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
	const parts = threePublicParts(rows, (r) => r.amount, groupKey);
	if (parts.length === 0) return null;
	const groups = groupsOf(parts.map((p) => p.source));
	return {
		...cartesianBase(),
		xAxis: {
			type: 'category',
			data: groups.map((g) => `${g.label}（${g.kind === 'final' ? '决算数' : '预算数'}）`),
			axisLabel: { interval: 0 }
		},
		yAxis: wanAxis(),
		series: THREE_PUBLIC_PARTS.map((item) => ({
			type: 'bar' as const,
			name: THREE_PUBLIC_LABEL[item],
			color: ITEM_COLOR[item],
			stack: 'three',
			...valueLabels('inside', 'wan', ITEM_COLOR[item]),
			data: groups.map((g) => {
				const hit = parts.filter((p) => p.item === item && groupKey(p.source) === g.key);
				return hit.length ? sum2(hit.map((p) => p.value)) : null;
			})
		}))
	};
}
