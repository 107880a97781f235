/**
 * Paging rows already in memory (the tables under charts, a document's tables): the same page size
 * and wording as /data's pager, whose rows are paged in SQL. Pure.
 */
import { DEFAULT_PAGE_SIZE } from '$lib/queries/data-table';

export interface Page<R> {
	/** 1-based, clamped to the pages there are. */
	page: number;
	pages: number;
	rows: R[];
	/** 1-based positions of the page's first and last row (0 when there are none). */
	from: number;
	to: number;
	/** `第 51–100 条，共 230 条` (`共 3 条` when everything fits on one page). */
	countText: string;
}

/** Page `page` of `rows`; a page beyond the end shows the last one, as /data does. */
export function pageOf<R>(rows: readonly R[], page: number, size = DEFAULT_PAGE_SIZE): Page<R> {
	const total = rows.length;
	const pages = Math.max(1, Math.ceil(total / size));
	const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	const from = (p - 1) * size;
	const slice = rows.slice(from, from + size);
	const n = total.toLocaleString('zh-CN');
	const countText =
		pages === 1 ? `共 ${n} 条` : `第 ${(from + 1).toLocaleString('zh-CN')}–${(from + slice.length).toLocaleString('zh-CN')} 条，共 ${n} 条`;
	return { page: p, pages, rows: slice, from: slice.length ? from + 1 : 0, to: from + slice.length, countText };
}
