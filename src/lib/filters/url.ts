/**
 * Filters ⇄ URL query string. Pure and total: parsing never throws; every value it cannot use is
 * dropped and reported as a {@link FilterNotice} with a Chinese message for the page to show.
 *
 *   ?district=九龙坡区,北碚区&year=2021-2025&kind=budget&dept=政务服务管理办公室&code=201
 *
 * Lists are comma-separated (a full-width ， is accepted too) and may also repeat the parameter.
 * `year=2023` means 2023–2023; a reversed range is put in order. Parameters other than the five
 * filter ones are left alone (views may add their own, e.g. sort and page).
 */
import {
	EMPTY_FILTERS,
	FILTER_PARAMS,
	type FilterNotice,
	type FilterParam,
	type Filters,
	type KindFilter,
	type KnownValues,
	type YearRange
} from './model';

/** Years outside this range are typing mistakes, not fiscal years of these disclosures. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const KINDS: readonly KindFilter[] = ['budget', 'final', 'both'];

/** 类 (3 digits), 款 (5) or 项 (7). */
const CODE_PATTERN = /^\d{3}(?:\d{2}){0,2}$/;

/** The result of {@link parseFilters}. */
export interface ParsedFilters {
	filters: Filters;
	notices: FilterNotice[];
}

function notice(param: FilterParam, value: string, message: string): FilterNotice {
	return { param, value, message };
}

/** All values of a parameter, split on commas, trimmed, empties dropped, duplicates removed. */
function listValues(params: URLSearchParams, name: FilterParam): string[] {
	const values = params.getAll(name).flatMap((v) => v.split(/[,，]/));
	return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}

/** The last non-empty value of a single-valued parameter. */
function singleValue(params: URLSearchParams, name: FilterParam): string | null {
	const values = params.getAll(name).map((v) => v.trim()).filter((v) => v.length > 0);
	return values.length > 0 ? values[values.length - 1] : null;
}

function parseList(
	params: URLSearchParams,
	name: 'district' | 'dept',
	known: readonly string[] | undefined,
	notices: FilterNotice[]
): string[] {
	const label = name === 'district' ? '地区' : '部门';
	return listValues(params, name).filter((value) => {
		if (!known || known.includes(value)) return true;
		notices.push(notice(name, value, `未知${label}“${value}”，已忽略`));
		return false;
	});
}

function parseYearNumber(text: string): number | null {
	if (!/^\d{4}$/.test(text)) return null;
	const year = Number(text);
	return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

function parseYears(params: URLSearchParams, known: KnownValues | undefined, notices: FilterNotice[]): YearRange | null {
	const value = singleValue(params, 'year');
	if (value === null) return null;
	const match = /^(\d+)\s*[-–~至]\s*(\d+)$/.exec(value);
	const [from, to] = match ? [parseYearNumber(match[1]), parseYearNumber(match[2])] : [parseYearNumber(value), parseYearNumber(value)];
	if (from === null || to === null) {
		notices.push(notice('year', value, `年份“${value}”无效，已忽略（示例：2023 或 2021-2025）`));
		return null;
	}
	const range = { from: Math.min(from, to), to: Math.max(from, to) };
	if (known && known.years.length > 0 && !known.years.some((y) => y >= range.from && y <= range.to)) {
		// kept, not dropped: without the filter the views would show other years' figures as if
		// they answered the question
		const span = range.from === range.to ? `${range.from}年` : `${range.from}–${range.to}年`;
		notices.push({ ...notice('year', value, `${span}没有公开，各视图为“暂无数据”`), kept: true });
	}
	return range;
}

function parseKind(params: URLSearchParams, notices: FilterNotice[]): KindFilter {
	const value = singleValue(params, 'kind');
	if (value === null) return EMPTY_FILTERS.kind;
	if ((KINDS as readonly string[]).includes(value)) return value as KindFilter;
	notices.push(notice('kind', value, `未知类型“${value}”，已忽略（可选：budget 预算、final 决算）`));
	return EMPTY_FILTERS.kind;
}

function parseCode(params: URLSearchParams, known: KnownValues | undefined, notices: FilterNotice[]): string | null {
	const value = singleValue(params, 'code');
	if (value === null) return null;
	if (!CODE_PATTERN.test(value)) {
		notices.push(notice('code', value, `科目编码“${value}”无效，已忽略（应为 3、5 或 7 位数字）`));
		return null;
	}
	if (known && !known.codes.includes(value)) {
		notices.push(notice('code', value, `未知科目编码“${value}”，已忽略`));
		return null;
	}
	return value;
}

/**
 * Reads the filters from a query string. With `known`, districts, departments and codes not in
 * the data are dropped too; a year range with no data is kept, with a notice saying so. Never throws.
 */
export function parseFilters(params: URLSearchParams, known?: KnownValues): ParsedFilters {
	const notices: FilterNotice[] = [];
	const filters: Filters = {
		districts: parseList(params, 'district', known?.districts, notices),
		years: parseYears(params, known, notices),
		kind: parseKind(params, notices),
		departments: parseList(params, 'dept', known?.departments, notices),
		code: parseCode(params, known, notices)
	};
	return { filters, notices };
}

/** Each non-default filter as [param, raw value], in {@link FILTER_PARAMS} order. */
function filterEntries(f: Filters): [FilterParam, string][] {
	const values: Record<FilterParam, string | null> = {
		district: f.districts.length > 0 ? f.districts.join(',') : null,
		year: f.years ? (f.years.from === f.years.to ? `${f.years.from}` : `${f.years.from}-${f.years.to}`) : null,
		kind: f.kind !== EMPTY_FILTERS.kind ? f.kind : null,
		dept: f.departments.length > 0 ? f.departments.join(',') : null,
		code: f.code
	};
	return FILTER_PARAMS.flatMap((p) => (values[p] === null ? [] : [[p, values[p]] as [FilterParam, string]]));
}

/**
 * The query string for the filters: `?district=…&year=…` in a fixed parameter order, defaults
 * omitted, values percent-encoded except the commas between list items; `''` for no filters.
 * `parseFilters(new URLSearchParams(filtersToSearch(f))).filters` equals `f` (list order kept).
 */
export function filtersToSearch(f: Filters): string {
	const encode = (value: string) => value.split(',').map(encodeURIComponent).join(',');
	const pairs = filterEntries(f).map(([param, value]) => `${param}=${encode(value)}`);
	return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** True when no filter narrows the data. */
export function isEmptyFilters(f: Filters): boolean {
	return filterEntries(f).length === 0;
}
