/**
 * The dashboard's filter state. Every filter lives in the URL query string so that each view is a
 * shareable link; this module only defines the shape. Parsing, validation and serialisation live
 * in ./url.ts (pure, unit-tested).
 *
 * URL form (all optional, comma-separated lists):
 *   ?district=九龙坡区,北碚区&year=2021-2025&kind=budget&dept=政务服务管理办公室&code=201
 */

/** 预算 (budget), 决算 (final) or both — never mixed silently in one chart series. */
export type KindFilter = 'budget' | 'final' | 'both';

export interface YearRange {
	from: number;
	to: number;
}

export interface Filters {
	/** District names as printed (e.g. 九龙坡区). Empty = all districts. */
	districts: string[];
	/** Inclusive fiscal-year range; null = all years. */
	years: YearRange | null;
	kind: KindFilter;
	/** Department kinds (the department name without its district). Empty = all. */
	departments: string[];
	/** A functional classification code (类 3 digits, 款 5, 项 7): that code and everything under it. */
	code: string | null;
}

export const EMPTY_FILTERS: Filters = Object.freeze({
	districts: [],
	years: null,
	kind: 'both',
	departments: [],
	code: null
}) as Filters;

/** The URL parameter names, in the order they are written. */
export const FILTER_PARAMS = ['district', 'year', 'kind', 'dept', 'code'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/**
 * A value from the URL worth a visible notice, with a message in Chinese: one that was ignored
 * (unknown or invalid), or — `kept` — one that is applied but matches nothing (a year without
 * disclosures: the views then show 暂无数据 rather than quietly dropping the filter and showing
 * other years' figures).
 */
export interface FilterNotice {
	param: FilterParam;
	value: string;
	message: string;
	kept?: true;
}

/** Values that exist in the data, used to reject unknown districts, departments and codes. */
export interface KnownValues {
	districts: string[];
	departments: string[];
	years: number[];
	codes: string[];
}
