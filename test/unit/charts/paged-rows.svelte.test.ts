/**
 * The page a table under a chart shows: the reader's page holds for the rows it was asked for, and
 * new rows (another filter, another level) start again at page 1.
 */
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { pagedRows } from '$lib/components/paged-rows.svelte';

describe('pagedRows', () => {
	it('pages the rows and goes back to page 1 when the rows change', () => {
		const cleanup = $effect.root(() => {
			let rows = $state.raw(Array.from({ length: 120 }, (_, i) => i));
			const paged = pagedRows(() => rows);
			expect(paged.shown.countText).toBe('第 1–50 条，共 120 条');
			paged.go(3);
			flushSync();
			expect(paged.shown.page).toBe(3);
			expect(paged.shown.rows).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
			rows = Array.from({ length: 60 }, (_, i) => i);
			flushSync();
			expect(paged.shown.page).toBe(1);
			expect(paged.shown.countText).toBe('第 1–50 条，共 60 条');
		});
		cleanup();
	});
});
