/**
 * Option builders for /compare: districts side by side for one year. Every bar group is named
 * `区县·预算` or `区县·决算` (plus the department kind when several are present), so a budget is
 * never set against an actual, nor one kind of department against another, without saying so.
 */
import type { DocumentKind } from '$lib/storage/schema';
import type { CompareFunctionRow, CompareSplitRow, CompareThreePublicRow } from '$lib/queries/compare';
import {
	axisTooltip,
	ITEM_COLOR,
	SPLIT_COLOR,
	THREE_PUBLIC_LABEL,
	THREE_PUBLIC_PARTS,
	cartesianBase,
	sum2,
	districtKindLabel,
	percentText,
	wanAxis,
	wanText
} from './common';
import { threePublicParts } from './three-public-items';
import type { ChartOption } from './types';

/** The fields that identify a comparison group. */
export interface GroupFields {
	district: string;
	department_kind: string | null;
	kind: DocumentKind;
}

/** A bar group: one district, department kind and kind. */
export interface Group extends GroupFields {
	key: string;
	label: string;
}

const groupKey = (r: GroupFields): string => JSON.stringify([r.district, r.department_kind, r.kind]);

/**
 * The groups in `rows`, ordered by district then 预算 before 决算. The department kind joins the
 * label only when the rows hold more than one, to keep labels short in the usual case.
 */
export function groupsOf(rows: readonly GroupFields[]): Group[] {
	const depts = new Set(rows.map((r) => r.department_kind ?? ''));
	const withDept = depts.size > 1;
	const seen = new Map<string, Group>();
	for (const r of rows) {
		const key = groupKey(r);
		if (seen.has(key)) continue;
		const base = districtKindLabel(r.district, r.kind);
		const label = withDept ? `${base}·${r.department_kind ?? '未分类'}` : base;
		seen.set(key, { key, label, district: r.district, department_kind: r.department_kind, kind: r.kind });
	}
	const kindRank = (k: DocumentKind): number => (k === 'budget' ? 0 : 1);
	return [...seen.values()].sort(
		(a, b) =>
			a.district.localeCompare(b.district, 'zh-CN') ||
			(a.department_kind ?? '').localeCompare(b.department_kind ?? '', 'zh-CN') ||
			kindRank(a.kind) - kindRank(b.kind)
	);
}

/** The years present in comparison rows, newest first (the page offers them as a choice). */
export function yearsOf(rows: readonly { year: number }[]): number[] {
	return [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
}

/**
 * Amount (万元) or share (% of that group's total) per 类, one bar series per group. Share makes a
 * small district comparable with a large one. `rows` must already be narrowed to one year.
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
		yAxis: share ? { type: 'value', name: '占比', max: 100, axisLabel: { formatter: '{value}%' } } : wanAxis(),
		series: groups.map((g) => ({
			type: 'bar' as const,
			name: g.label,
			data: classes.map(([code]) => value(g, code))
		}))
	};
}

/** Basic vs project stacked per group; the tooltip gives each part's share. One year only. */
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
			return [
				groups[i]?.label ?? '',
				`基本支出 ${wanText(basic[i])}（${percentText(basic[i], whole)}）`,
				`项目支出 ${wanText(project[i])}（${percentText(project[i], whole)}）`
			];
		}),
		xAxis: { type: 'category', data: groups.map((g) => g.label), axisLabel: { interval: 0 } },
		yAxis: wanAxis(),
		series: [
			{ type: 'bar', name: '基本支出', stack: 'split', color: SPLIT_COLOR.basic, data: basic },
			{ type: 'bar', name: '项目支出', stack: 'split', color: SPLIT_COLOR.project, data: project }
		]
	};
}

/**
 * The three parts of the 三公 (出国, 公务用车, 接待) per group, stacked: a 预算 group shows its
 * 预算数, a 决算 group its 决算数 (the category label says which). One year only.
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
			data: groups.map((g) => {
				const hit = parts.filter((p) => p.item === item && groupKey(p.source) === g.key);
				return hit.length ? sum2(hit.map((p) => p.value)) : null;
			})
		}))
	};
}
