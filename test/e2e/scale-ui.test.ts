/**
 * The controls and the coverage overview at corpus size (#8 item 4), over the seeds' build and the
 * views' fixture corpus site: districts listed by pinyin, the searchable district picker driven by
 * the keyboard, and a coverage matrix of counts whose cells list their documents only when opened.
 *
 * Seeds (data/raw): 九龙坡区 (2021 决算, 2025 预算), 北碚区 2023 预算, 江津区 2020 决算, 綦江区 2024
 * 预算 — in code-point order 九龙坡区 would come first, by pinyin 北碚区 (Beibei) does.
 * Corpus (test/fixtures/views-corpus/README.md): 沙坪坝区 2024 has two 预算 (政务服务管理办公室,
 * 人民政府办公室) and one 决算 (人民政府办公室).
 */
import { describe, expect, it } from 'vitest';
import { CORPUS_BUILD_TIMEOUT, GENERATED_TWO_YEARS, ensureCorpusSite, ensureGeneratedTwoYearSite } from './corpus-site';
import { useE2E, type TrackedPage } from './harness';

const LONG = { timeout: 120_000 };

const districtOptions = (t: TrackedPage) =>
	t.page.locator('[data-filter="district"] [role="option"]').allTextContents();

const combobox = (t: TrackedPage) => t.page.locator('[data-filter="district"] input[role="combobox"]');

/** Opens a coverage cell with the keyboard (focus, Enter) and waits for its documents. */
async function openCell(t: TrackedPage, district: string, year: number) {
	const cell = t.page.locator(`[data-coverage-cell="${district}|${year}"]`);
	await cell.focus();
	await cell.press('Enter');
	await t.page.locator('#coverage-cell-docs a[data-doc-link]').first().waitFor(LONG);
	return t.page.locator('#coverage-cell-docs a[data-doc-link]');
}

describe('seeds', () => {
	const e2e = useE2E();

	it('lists districts in pinyin order in the picker and in the coverage rows', async () => {
		const t = await e2e.open('/');
		expect(await districtOptions(t)).toEqual(['北碚区', '江津区', '九龙坡区', '綦江区']);
		await t.page.locator('.coverage tbody th').first().waitFor(LONG);
		const rows = await t.page.locator('.coverage tbody th').allTextContents();
		expect(rows.map((r) => r.trim())).toEqual(['北碚区', '江津区', '九龙坡区', '綦江区']);
		t.expectClean();
	}, 180_000);

	it('narrows the options as the reader types, and Enter selects into the URL', async () => {
		const t = await e2e.open('/');
		await t.waitForCharts({ min: 2, timeout: 120_000 });
		await t.waitForDuckDB({ timeout: 120_000 });
		await combobox(t).fill('九龙');
		expect(await combobox(t).getAttribute('aria-expanded')).toBe('true');
		expect(await districtOptions(t)).toEqual(['九龙坡区']);
		await t.afterRender(() => combobox(t).press('Enter'));
		expect(decodeURIComponent(new URL(t.page.url()).search)).toBe('?district=九龙坡区');
		expect(await t.page.locator('[data-filter="district"] [data-chip]').allTextContents()).toEqual([
			expect.stringContaining('九龙坡区')
		]);

		// Down moves the active option (aria-activedescendant), Enter adds it, Escape closes the list
		await combobox(t).fill('区');
		await combobox(t).press('ArrowDown');
		const active = await combobox(t).getAttribute('aria-activedescendant');
		expect(await t.page.locator(`#${active}`).textContent()).toBe('江津区');
		await t.afterRender(() => combobox(t).press('Enter'));
		expect(decodeURIComponent(new URL(t.page.url()).search)).toBe('?district=九龙坡区,江津区');
		await combobox(t).press('Escape');
		expect(await combobox(t).getAttribute('aria-expanded')).toBe('false');

		// a chip's button takes its value out again
		await t.afterRender(() => t.page.getByRole('button', { name: '移除九龙坡区' }).click());
		expect(decodeURIComponent(new URL(t.page.url()).search)).toBe('?district=江津区');
		t.expectClean();
	}, 240_000);

	it('shows counts, renders no document link until a cell is opened, then lists that cell’s documents', async () => {
		const t = await e2e.open('/');
		await t.page.locator('[data-coverage-cell]').first().waitFor(LONG);
		expect(await t.page.locator('[data-coverage-cell]').count()).toBe(5);
		expect(await t.page.locator('[data-coverage-cell="九龙坡区|2021"]').textContent()).toContain('决算 1');
		expect(await t.page.locator('.coverage a').count()).toBe(0);

		const links = await openCell(t, '九龙坡区', 2021);
		expect(await links.count()).toBe(1);
		expect(await t.page.locator('#coverage-cell-docs h3').textContent()).toContain('九龙坡区 2021年');
		const href = await links.first().getAttribute('href');
		expect(href).toMatch(/^\/documents\/[0-9a-f]{12}$/);
		const title = (await t.page.locator('#coverage-cell-docs li .muted').first().textContent())?.trim();
		expect(title).toBeTruthy();
		await links.first().click();
		await t.page.waitForURL(`**${href}`);
		expect((await t.page.locator('h1').first().textContent())?.trim()).toBe(title);
		t.expectClean();
	}, 240_000);
});

describe('views corpus', () => {
	const e2e = useE2E({ site: ensureCorpusSite, setupTimeout: CORPUS_BUILD_TIMEOUT });

	it('counts a cell’s 预算 and 决算 apart and opens exactly its documents', async () => {
		const t = await e2e.open('/');
		const cell = t.page.locator('[data-coverage-cell="沙坪坝区|2024"]');
		await cell.waitFor(LONG);
		expect((await cell.textContent())?.replace(/\s+/g, ' ').trim()).toBe('预算 2 决算 1');
		expect(await cell.getAttribute('aria-expanded')).toBe('false');
		expect(await t.page.locator('.coverage a').count()).toBe(0);

		const links = await openCell(t, '沙坪坝区', 2024);
		expect(await cell.getAttribute('aria-expanded')).toBe('true');
		expect(await links.allTextContents()).toEqual(['人民政府办公室', '政务服务管理办公室', '人民政府办公室']);
		for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
			expect(href).toMatch(/^\/documents\/[0-9a-f]{12}$/);
		// each link leads to a page that exists
		const res = await t.page.request.get(e2e.url((await links.nth(1).getAttribute('href'))!));
		expect(res.status()).toBe(200);

		// the same filters narrow the counts (a filter change closes the opened cell)
		await t.goto('/?kind=final');
		await t.page.locator('[data-coverage-cell="沙坪坝区|2024"]').waitFor(LONG);
		expect((await t.page.locator('[data-coverage-cell="沙坪坝区|2024"]').textContent())?.trim()).toBe('决算 1');
		t.expectClean();
	}, 300_000);
});

describe('generated corpus', () => {
	const e2e = useE2E({ site: ensureGeneratedTwoYearSite, setupTimeout: CORPUS_BUILD_TIMEOUT });

	it('builds the coverage rows a few districts per task after hydration, ending with every district in pinyin order', async () => {
		const t = await e2e.newPage();
		// every count of rows the table has had, as the page builds it
		await t.page.addInitScript(() => {
			const counts: number[] = [];
			(window as unknown as { __rowCounts: number[] }).__rowCounts = counts;
			new MutationObserver(() => {
				const n = document.querySelectorAll('.coverage tbody tr').length;
				if (n !== counts[counts.length - 1]) counts.push(n);
			}).observe(document, { childList: true, subtree: true });
		});
		await t.goto('/');
		const matrix = t.page.locator('.coverage .matrix');
		await t.page.locator('.coverage tbody th').first().waitFor(LONG);
		await t.page.waitForFunction(() => document.querySelector('.coverage .matrix')?.getAttribute('aria-busy') === 'false', undefined, LONG);
		const rows = (await t.page.locator('.coverage tbody th').allTextContents()).map((r) => r.trim());
		expect(rows).toHaveLength(GENERATED_TWO_YEARS.districts);
		expect(rows).toEqual(await districtOptions(t));
		expect(await t.page.locator('[data-coverage-cell]').count()).toBe(GENERATED_TWO_YEARS.districts * GENERATED_TWO_YEARS.years);
		expect(await matrix.getAttribute('aria-busy')).toBe('false');
		// a few rows first, the rest in later tasks
		const counts = await t.page.evaluate(() => (window as unknown as { __rowCounts: number[] }).__rowCounts);
		expect(counts.filter((n) => n > 0)).toEqual([4, GENERATED_TWO_YEARS.districts]);
		t.expectClean();
	}, 240_000);
});
