/**
 * The page of in-memory rows a table shows (the tables under charts, /rankings' table): a page the
 * reader asked for holds for those rows only, so new rows (other filters, another level) start
 * again at page 1.
 */
import { pageOf, type Page } from './pagination';

export interface PagedRows<R> {
	readonly shown: Page<R>;
	/** Shows page `page` of the current rows. */
	go(page: number): void;
}

/** Pages `rows()` (read reactively): page 1 of each new array of rows until another is asked for. */
export function pagedRows<R>(rows: () => readonly R[]): PagedRows<R> {
	let requested = $state.raw<{ rows: readonly R[] | null; page: number }>({ rows: null, page: 1 });
	const shown = $derived.by(() => {
		const current = rows();
		return pageOf(current, requested.rows === current ? requested.page : 1);
	});
	return {
		get shown() {
			return shown;
		},
		go(page) {
			requested = { rows: rows(), page };
		}
	};
}
