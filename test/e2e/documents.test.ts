/**
 * Document pages rendered on demand: no page per document in build/, the fallback page serves
 * /documents/<id>, which reads that document's rows from the Parquet files (footer + its row
 * groups, by HTTP Range) without DuckDB, and shows what the prerendered page showed — figures
 * and source lines as the SQL over the same files gives them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, columnsFor } from '../../src/lib/components/columns';
import { documentQueries } from '../../src/lib/queries';
import { openNodeDb, type NodeDb } from '../../src/lib/server/duckdb-node';
import { BUILD_DIR, useE2E, type TrackedPage } from './harness';

const e2e = useE2E();

// 九龙坡区 政务服务管理办公室 2021 决算 (seed 000): every table, one failed check
const DOC = '3ba5c30f59ea';

let native: NodeDb;
beforeAll(async () => {
	native = await openNodeDb(join(BUILD_DIR, 'data'));
});
afterAll(() => native?.close());

async function ready(t: TrackedPage): Promise<void> {
	await t.page.waitForSelector('[data-document-state="ready"], [data-document-state="missing"], [data-document-state="error"]', { timeout: 30_000 });
}

/** The cells of a section's first table, as shown. */
async function tableCells(t: TrackedPage, section: string): Promise<string[][]> {
	return t.page
		.locator(`section#${section} table`)
		.first()
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

/** The same cells from the SQL the prerendered page was built from. */
async function expectedCells(kind: 'function' | 'economic' | 'threePublic' | 'summary', keys: string[]): Promise<string[][]> {
	const rows = await native.client.query<Record<string, unknown>>(documentQueries(DOC)[kind]);
	const cols = columnsFor(keys);
	return rows.map((r) => cols.map((c) => cellText(r[c.key], c.format, r)));
}

const duckdbRequests = (t: TrackedPage) => t.requests.filter((r) => /duckdb|\.wasm(\?|$)/i.test(r.url)).map((r) => r.url);

describe('/documents/<id> on demand', () => {
	it('build/ holds no page per document: the fallback page serves them', () => {
		expect(existsSync(join(BUILD_DIR, 'documents'))).toBe(false);
		const html = readdirSync(BUILD_DIR).filter((f) => f.endsWith('.html'));
		expect(html).toContain('404.html');
		expect(html.some((f) => f.startsWith(DOC))).toBe(false);
	});

	it('opened directly: 加载中…, then every table with the SQL’s figures and source lines, read by Range without DuckDB', async () => {
		const t = await e2e.newPage();
		// hold the Parquet responses until the loading notice has been seen
		let release = () => {};
		const gate = new Promise<void>((r) => (release = r));
		await t.page.route('**/data/*.parquet', async (route) => {
			await gate;
			await route.fallback();
		});
		await t.goto(`/documents/${DOC}`);
		await t.page.waitForSelector('[data-document-state="loading"]:has-text("加载中…")');
		release();
		await ready(t);

		expect(await t.page.locator('h1').first().textContent()).toBe('重庆市九龙坡区政务服务管理办公室2021年度部门决算情况说明');
		const fn = await tableCells(t, 'function');
		expect(fn).toEqual(await expectedCells('function', ['code', 'name', 'total', 'basic', 'project', 'source_line']));
		expect(fn.some((r) => r[1] === '一般公共服务支出')).toBe(true);
		expect(fn.every((r) => /^第 \d+ 行$/.test(r[5] as string))).toBe(true);
		expect(await tableCells(t, 'economic')).toEqual(await expectedCells('economic', ['code', 'name', 'total', 'personnel', 'public', 'source_line']));
		expect(await tableCells(t, 'three-public')).toEqual(await expectedCells('threePublic', ['item', 'budget', 'actual', 'source_line']));
		expect(await tableCells(t, 'summary')).toEqual(await expectedCells('summary', ['measure', 'value', 'source', 'source_line']));
		// 人员经费 as the 基本支出 table prints it
		expect(await t.page.locator('section#summary').textContent()).toContain('420.36');

		const checks = await native.client.query<{ ok: boolean }>(documentQueries(DOC).checks);
		const failed = checks.filter((c) => !c.ok).length;
		expect(await t.page.locator('.check-summary').textContent()).toContain(`核对 ${checks.length} 项：${checks.length - failed} 项通过，${failed} 项未通过`);
		expect(await t.page.locator('tr.failed').count()).toBe(failed);

		const parquet = t.requests.filter((r) => r.url.includes('/data/') && r.url.endsWith('.parquet'));
		expect(parquet.length).toBeGreaterThan(0);
		expect(duckdbRequests(t)).toEqual([]);
		expect(await t.page.evaluate(() => document.documentElement.dataset.duckdb ?? null)).toBeNull();
		t.expectClean();
	});

	it('an unknown id says so in Chinese, naming it', async () => {
		const t = await e2e.open('/documents/000000000000');
		await ready(t);
		expect(await t.page.locator('h1').first().textContent()).toBe('未找到文件 000000000000');
		expect(await t.page.title()).toContain('未找到文件 000000000000');
		expect(duckdbRequests(t)).toEqual([]);
		expect(t.pageErrors).toEqual([]);
	});

	it('the coverage matrix’s link opens the page', async () => {
		const t = await e2e.open('/');
		const link = t.page.locator(`a[href$="/documents/${DOC}"]`).first();
		await link.click();
		await t.page.waitForURL(`**/documents/${DOC}`);
		await ready(t);
		expect(await t.page.locator('h1').first().textContent()).toBe('重庆市九龙坡区政务服务管理办公室2021年度部门决算情况说明');
		expect((await tableCells(t, 'function')).length).toBeGreaterThan(0);
		expect(t.pageErrors).toEqual([]);
	});
});
