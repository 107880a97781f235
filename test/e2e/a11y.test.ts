/**
 * Accessibility and language of every route of the seeds' site, in headless Chromium:
 * - axe-core (the npm package, injected into the page once its content is ready) reports no
 *   violation of impact `serious` or `critical`;
 * - the visible UI text is Chinese: no run of 3+ Latin letters outside {@link ALLOWED_WORDS} and
 *   outside `<code>` / `.rule-id` (the internal ids the document page shows in small text beside
 *   their Chinese label: file names, rule ids). Folded `<details>` (each chart's 数据表, the passed
 *   checks) are opened first, so table headers, series and category names are read too.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { useE2E, type TrackedPage } from './harness';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const e2e = useE2E();

/**
 * Latin words that may appear in the UI, each a name users meet as such:
 * file formats and the programs that open them (保存 PNG / Excel, 下载 CSV, a PDF's pages, HTML
 * source lines), DuckDB (the query engine whose loading the page reports) and Ctrl, the key as
 * printed on the keyboard (（Ctrl 多选）beside a multi-select list, Esc in the treemap's keys, Enter to
 * open a coverage cell).
 */
const ALLOWED_WORDS = ['CSV', 'PNG', 'Excel', 'PDF', 'HTML', 'DuckDB', 'Ctrl', 'Esc', 'Enter'];

/**
 * Data values, not UI text: file names (`000_4964da06ea2284a9.txt`), doc_ids (12 hex digits) and
 * check rule ids (`summary.basic_plus_project`), which the extractor's stored diagnostic messages
 * quote (核对未通过 <rule>：…); the checks table beside them gives each rule in Chinese.
 */
const DATA_VALUES = [/[\w.+-]+\.(?:txt|pdf|html?|csv)\b/gi, /\b[0-9a-f]{12}\b/g, /\b[a-z]+(?:_[a-z]+)*(?:\.[a-z_]+)+(?::[\w.]+)?/g];

/** Runs of 3+ Latin letters in `text` once the allowed words are taken out. */
function latinRuns(text: string): string[] {
	let rest = text;
	for (const re of DATA_VALUES) rest = rest.replace(re, ' ');
	for (const w of ALLOWED_WORDS) rest = rest.split(w).join(' ');
	return [...new Set(rest.match(/[A-Za-z]{3,}/g) ?? [])];
}

interface Route {
	path: string;
	/** Waits until the page's content is there (charts drawn, queries done). */
	ready: (t: TrackedPage) => Promise<void>;
}

const LONG = { timeout: 120_000 };

/** A view of the dashboard: its charts settled and DuckDB ready (the filter bar's queries done). */
const view = (min: number) => async (t: TrackedPage) => {
	await t.waitForDuckDB(LONG);
	await t.waitForCharts({ min, ...LONG });
	// nothing still loading (KPIs, tables)
	await t.page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, LONG);
};

/** The document shown on its page: one from the overview's coverage matrix (see beforeAll). */
let docPath = '';

const ROUTES: Route[] = [
	{ path: '/', ready: view(2) },
	{ path: '/structure', ready: view(2) },
	{ path: '/structure?code=201', ready: view(2) },
	{ path: '/compare', ready: view(2) },
	{ path: '/trends', ready: view(2) },
	{ path: '/three-public', ready: view(2) },
	{ path: '/execution', ready: view(1) },
	{ path: '/rankings', ready: view(1) },
	{ path: '/data', ready: view(1) },
	{
		path: 'document',
		ready: async (t) => {
			await t.page.waitForSelector('.check-summary', LONG);
			// the passed checks' table is folded away when there are many: present, not visible
			await t.page.waitForSelector('#checks table', { state: 'attached', ...LONG });
		}
	},
	{ path: '/no-such-page', ready: (t) => t.page.waitForSelector('h1:has-text("页面不存在")', LONG).then(() => undefined) }
];

beforeAll(async () => {
	const t = await e2e.open('/');
	// the coverage matrix holds counts; a cell lists its documents once opened
	await t.page.locator('[data-coverage-cell]').first().click(LONG);
	const href = await t.page.locator('#coverage-cell-docs a[href*="/documents/"]').first().getAttribute('href', LONG);
	expect(href).toMatch(/\/documents\/[0-9a-f]{12}$/);
	docPath = new URL(href as string, e2e.origin).pathname;
	await t.close();
}, 120_000);

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: unknown[] }[];
}

async function axeViolations(t: TrackedPage): Promise<Violation[]> {
	await t.page.addScriptTag({ path: AXE_PATH });
	return t.page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
	});
}

/** The page's visible text with every folded section opened, minus `<code>` and `.rule-id` text. */
async function visibleText(t: TrackedPage): Promise<string> {
	return t.page.evaluate(() => {
		for (const d of document.querySelectorAll('details')) d.open = true;
		let text = document.body.innerText;
		// longest first: a rule id that is the prefix of another (summary.basic, summary.basic_plus_project)
		// must not cut the longer one in two
		const own = [...document.querySelectorAll<HTMLElement>('code, .rule-id')].map((el) => el.innerText.trim()).filter(Boolean);
		for (const id of [...new Set(own)].sort((a, b) => b.length - a.length)) text = text.split(id).join(' ');
		// the page's title is UI text too
		return `${document.title}\n${text}`;
	});
}

describe('latinRuns', () => {
	it('finds English words and ignores the allowed names, numbers and Chinese', () => {
		expect(latinRuns('保存 PNG 保存 Excel 下载 CSV 正在加载 DuckDB…（Ctrl 多选）')).toEqual([]);
		expect(latinRuns('2024年 3,967.20 万元 12.5% 000_4964da06ea2284a9.txt eab6c10d40ee 核对未通过 summary.basic_plus_project：')).toEqual([]);
		expect(latinRuns('Loading… 暂无数据 No data')).toEqual(['Loading', 'data']);
	});
});

describe('every route: no serious or critical axe violation, UI text in Chinese', () => {
	for (const route of ROUTES) {
		it(route.path === 'document' ? '/documents/<doc_id>' : route.path, async () => {
			const path = route.path === 'document' ? docPath : route.path;
			const t = await e2e.open(path);
			await route.ready(t);

			const bad = (await axeViolations(t)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
			const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n    ')}`);
			expect.soft(report, `axe on ${path}`).toEqual([]);

			const english = latinRuns(await visibleText(t));
			expect.soft(english, `Latin words shown on ${path}`).toEqual([]);
		}, 300_000); // DuckDB's start and axe's run take long on a loaded machine
	}
});
