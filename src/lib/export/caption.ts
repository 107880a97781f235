/**
 * The caption a briefing output carries — a saved PNG, a print-out, a workbook: what it shows
 * (title), under which filters, in which unit, from which disclosures, and when it was made. One
 * function composes it so the three outputs say the same thing. Pure.
 */
import type { Filters } from '$lib/filters/model';
import { kindLabel, unitLabel, yearRangeLabel } from '$lib/format/labels';
import type { SourceDoc } from './sources';

/** The app's name as a saved file names its maker (xlsx creator, PNG Software): in Chinese, as the UI. */
export const APP_NAME = '预决算透视';

export interface Caption {
	title: string;
	/** `筛选条件：地区 全部；年度 全部；…` */
	filters: string;
	/** `单位：万元` (or `单位：%` for a chart of shares) */
	unit: string;
	/** `来源：九龙坡区·政务服务管理办公室 2021年决算、… 等5份` */
	sources: string;
	/** `生成日期：2026年12月1日` */
	date: string;
}

export interface CaptionInput {
	title: string;
	filters: Filters;
	sources: readonly SourceDoc[];
	/** How many sources there are, when `sources` holds only the first of them (default: its length). */
	sourceCount?: number;
	/** When the output is made (local date). */
	date: Date;
	/** `percent` for a chart drawn in percent; amounts otherwise. */
	unit?: 'wan' | 'percent';
	/** The printed name of a function code, to name the 科目 filter. */
	codeName?: (code: string) => string | undefined;
	/** How many sources are named before `等N份`; the rest are counted. */
	sourceLimit?: number;
}

/** How many sources a caption names by default (a PNG's). */
export const DEFAULT_SOURCE_LIMIT = 3;

/** `地区 九龙坡区、北碚区；年度 2021–2025年；类型 预算；部门 全部；科目 201 一般公共服务支出及下级`. */
export function filtersText(f: Filters, codeName?: (code: string) => string | undefined): string {
	const code = f.code === null ? '全部' : `${f.code}${codeName?.(f.code) ? ` ${codeName(f.code)}` : ''}及下级`;
	return [
		`地区 ${f.districts.length ? f.districts.join('、') : '全部'}`,
		`年度 ${f.years ? yearRangeLabel(f.years) : '全部'}`,
		`类型 ${f.kind === 'both' ? '预算和决算（分列）' : kindLabel(f.kind)}`,
		`部门 ${f.departments.length ? f.departments.join('、') : '全部'}`,
		`科目 ${code}`
	].join('；');
}

/** `九龙坡区·政务服务管理办公室 2021年决算` */
export function sourceLabel(s: SourceDoc): string {
	return `${unitLabel(s.district, s.unit)} ${s.year}年${kindLabel(s.kind)}`;
}

/**
 * The first `limit` sources by name; more than that ends in `等N份` (N = all of them: `total`, when
 * `sources` are only the first of them).
 */
export function sourcesText(sources: readonly SourceDoc[], limit = DEFAULT_SOURCE_LIMIT, total = sources.length): string {
	if (total === 0 || sources.length === 0) return '来源：暂无（当前筛选条件下没有公开文件）';
	const named = sources.slice(0, Math.max(1, limit)).map(sourceLabel).join('、');
	return total > limit ? `来源：${named} 等${total}份公开文件` : `来源：${named}`;
}

/** `2026年12月1日` in local time. */
export function dateText(date: Date): string {
	return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** The caption of one output. */
export function briefingCaption(input: CaptionInput): Caption {
	return {
		title: input.title,
		filters: `筛选条件：${filtersText(input.filters, input.codeName)}`,
		unit: input.unit === 'percent' ? '单位：%' : '单位：万元',
		sources: sourcesText(input.sources, input.sourceLimit ?? DEFAULT_SOURCE_LIMIT, input.sourceCount),
		date: `生成日期：${dateText(input.date)}`
	};
}

/** The caption as lines, title first. */
export function captionLines(c: Caption): string[] {
	return [c.title, c.filters, c.unit, c.sources, c.date];
}

/** A PNG text chunk: keyword (Latin-1, registered names) and UTF-8 text. */
export interface TextEntry {
	keyword: string;
	text: string;
}

/**
 * The caption as PNG text chunks under the registered keywords, so that image viewers and
 * catalogues can read it: Title, Description (filters, unit, date), Source (the disclosures) and
 * Creation Time (ISO 8601, machine-readable).
 */
export function captionTextEntries(c: Caption, date: Date): TextEntry[] {
	return [
		{ keyword: 'Title', text: c.title },
		{ keyword: 'Description', text: [c.filters, c.unit, c.date].join('\n') },
		{ keyword: 'Source', text: c.sources },
		{ keyword: 'Creation Time', text: date.toISOString() },
		{ keyword: 'Software', text: APP_NAME }
	];
}

/**
 * Splits `text` into lines no wider than `maxWidth` as `measure` reports widths. Breaks between
 * any two characters (Chinese has no spaces to break at), preferring after `、；，` or a space when
 * one is in the line. A single character wider than the line still gets a line of its own.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
	const lines: string[] = [];
	let rest = [...text];
	while (rest.length > 0) {
		let n = rest.length;
		while (n > 1 && measure(rest.slice(0, n).join('')) > maxWidth) n--;
		if (n < rest.length) {
			// back up to a natural break when there is one in the latter half of the line
			const soft = rest.slice(0, n).findLastIndex((ch) => '、；，, '.includes(ch));
			if (soft >= n / 2) n = soft + 1;
		}
		lines.push(rest.slice(0, n).join('').trimEnd());
		rest = rest.slice(n);
		while (rest[0] === ' ') rest = rest.slice(1);
	}
	return lines;
}
