/**
 * The narrative_figures queries in DuckDB-WASM via the browser's loader, over the seeds and over
 * test/fixtures/narrative-years (extracted afresh): a document's derived figures with their
 * reasons, the /data table, and the derived points the trend views draw — only for a unit, year
 * and kind that no disclosure covers. Figures quoted from the seeds' prose.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import { dataTableAllQuery, dataTableColumns, sql, type DataTableRow } from '../../../src/lib/queries';
import { derivedExecutionQuery, derivedPointsQuery, documentNarrativeFiguresQuery, trendDerivedPointsQuery, type DerivedExecutionRow, type DerivedPointRow, type NarrativeFigureRow } from '../../../src/lib/queries/narrative';
import { trendsQuery, type TrendQueryRow } from '../../../src/lib/queries/trends';
import { limitTrendLines } from '../../../src/lib/charts/trend-limit';
import { sortByPinyin } from '../../../src/lib/filters/order';
import { derivedExecutionLines } from '../../../src/lib/charts/derived-execution';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });

async function extracted(dir: string): Promise<WasmNodeDb> {
	const out = await mkdtemp(path.join(tmpdir(), 'budget-lens-narrative-'));
	await promisify(execFile)('npx', ['tsx', 'scripts/extract.ts', '--in', dir, '--out', out, '--quiet'], { cwd: repoRoot, maxBuffer: 16 << 20 });
	return openWasmNodeDb(out);
}

let seeds: WasmNodeDb;
let years: WasmNodeDb;
beforeAll(async () => {
	seeds = await extracted('data/raw');
	years = await extracted('test/fixtures/narrative-years/raw');
}, 180_000);

describe('derived points for the trend views', () => {
	it('gives the year before of each seed unit that has no disclosure of it', async () => {
		const rows = await seeds.client.query<DerivedPointRow>(derivedPointsQuery(EMPTY_FILTERS));
		const totals = rows.filter((r) => r.field === 'total').map((r) => [r.district, r.unit, r.year, r.kind, r.value, r.source_year, r.source_kind]);
		expect(totals).toEqual([
			// 九龙坡区 人民政府办公室 2025 预算: "支出预算较2024年减少1556.45万元" → 2132.83 + 1556.45
			['九龙坡区', '人民政府办公室', 2024, 'budget', 3689.28, 2025, 'budget'],
			// 九龙坡区 政务办 2021 决算: "支出总计 2465.55 万元。收支较上年决算数 增加 525.88 万元"
			['九龙坡区', '政务服务管理办公室', 2020, 'final', 1939.67, 2021, 'final'],
			// 北碚区 2023 预算: "支出 较 2022年减少 150.99万元"
			['北碚区', '政务服务管理办公室', 2022, 'budget', 813.21, 2023, 'budget'],
			// 江津区 2020 决算: "收支较上年决算数减少196.36万元"
			['江津区', '政务服务管理办公室', 2019, 'final', 1946.97, 2020, 'final']
		]);
		const beibei = rows.find((r) => r.district === '北碚区' && r.field === 'reception');
		expect(beibei).toMatchObject({ value: 1, reason: '主要原因是厉行节约，减少开支' });
	});

	it('gives /trends the derived points it drew from every unit’s, for any line limit', async () => {
		const all = await seeds.client.query<DerivedPointRow>(derivedPointsQuery(EMPTY_FILTERS));
		const allRows = await seeds.client.query<TrendQueryRow>(trendsQuery(EMPTY_FILTERS, 1000));
		const allLines = limitTrendLines(allRows);
		const order = { districts: sortByPinyin(new Set(allRows.map((r) => r.district))), units: sortByPinyin(new Set(allRows.map((r) => r.unit))) };
		expect(all.length).toBeGreaterThan(0);
		for (let limit = 1; limit <= allLines.lines + 1; limit++) {
			const before = limitTrendLines(await seeds.client.query<TrendQueryRow>(trendsQuery(EMPTY_FILTERS, 1000)), limit);
			const trends = await seeds.client.query<TrendQueryRow>(trendsQuery(EMPTY_FILTERS, limit, order));
			const now = limitTrendLines(trends, limit, Number(trends[0].lines));
			const points = await seeds.client.query<DerivedPointRow>(trendDerivedPointsQuery(EMPTY_FILTERS, limit, order));
			expect([limit, points.filter((r) => now.keep(r))]).toEqual([limit, all.filter((r) => before.keep(r))]);
			// only the drawable lines' points come when some lines are left out
			if (before.rest > 0) expect(points.length).toBeLessThan(all.length);
		}
	});

	it('applies the year and kind filters to the implied figure, not to the disclosure', async () => {
		const rows = await seeds.client.query<DerivedPointRow>(derivedPointsQuery(f({ years: { from: 2020, to: 2020 }, kind: 'final', districts: ['九龙坡区'] })));
		// the 2021 决算's 上年 figures only: not its 年初预算数 (2021 预算), not the 2025 预算's (2024)
		expect(rows.map((r) => [r.year, r.kind, r.field])).toEqual([
			[2020, 'final', 'outbound'],
			[2020, 'final', 'reception'],
			[2020, 'final', 'three_public'],
			[2020, 'final', 'total'],
			[2020, 'final', 'vehicle']
		]);
	});

	it('adds 公务用车 up from its 购置 and 运行 sentences, with their reasons and the first line', async () => {
		const rows = await seeds.client.query<DerivedPointRow>(derivedPointsQuery(f({ districts: ['北碚区'] })));
		// 北碚区 2023 预算 120-122: "公务用车运行维护费 5.5万元，与上年持平，主要原因是公务车运行费与去年持平"; 购置费 0, 与上年持平
		expect(rows.find((r) => r.field === 'vehicle')).toMatchObject({ year: 2022, kind: 'budget', value: 5.5, reason: '主要原因是公务车运行费与去年持平', source_line: 120, source_page: null });
		expect(rows.map((r) => r.field).sort()).toEqual(['basic', 'outbound', 'project', 'reception', 'three_public', 'total', 'vehicle']);
	});

	it('with a code filter, a 类\'s own derived figure stands for the total', async () => {
		const rows = await seeds.client.query<DerivedPointRow>(derivedPointsQuery(f({ code: '221' })));
		// "（4）住房保障支出 47.83 万元，…较年初预算数增加 0.22 万元" (2021 决算 → 2021 预算)
		expect(rows.filter((r) => r.district === '九龙坡区').map((r) => [r.year, r.kind, r.field, r.value])).toEqual([[2021, 'budget', 'total', 47.61]]);
	});

	it('draws nothing where a disclosure of that unit, year and kind is in the data', async () => {
		// every figure the 2024 预算 and 2023 决算 imply is for a 2023 预算 that is in the folder
		expect(await years.client.query<DerivedPointRow>(derivedPointsQuery(EMPTY_FILTERS))).toEqual([]);
	});
});

describe('a document\'s derived figures and the /data table', () => {
	it('lists a document\'s derived figures with their reasons', async () => {
		const [doc] = await seeds.client.query<{ doc_id: string }>(sql`SELECT doc_id FROM documents WHERE district = ${'北碚区'}`);
		const rows = await seeds.client.query<NarrativeFigureRow>(documentNarrativeFiguresQuery(doc.doc_id));
		expect(rows.find((r) => r.measure === 'three_public.vehicle_operation')).toMatchObject({ relation: 'prior_year', figure_year: 2022, value: 5.5, stated_change: 0, reason: '主要原因是公务车运行费与去年持平' });
	});

	it('offers narrative_figures in /data with the reason column', async () => {
		expect(dataTableColumns('narrative')).toContain('reason');
		const rows = await years.client.query<DataTableRow>(dataTableAllQuery({ table: 'narrative', filters: f({ departments: ['人民政府办公室'] }) }));
		const project = rows.find((r) => r.measure === 'project');
		expect(project).toMatchObject({ district: '大渡口区', year: 2024, kind: 'budget', figure_year: 2023, figure_kind: 'budget', value: 160, reason: '主要原因是一次性项目完成，主要用于业务工作' });
	});
});

describe('年初预算数 vs 决算数 from a 决算\'s prose', () => {
	it('pairs a 决算 with its own 年初预算数 where no 预算 of that unit and year is in the data', async () => {
		const rows = await seeds.client.query<DerivedExecutionRow>(derivedExecutionQuery(f({ districts: ['九龙坡区'], kind: 'budget' })));
		// 2021 决算 of 政务办; 281-283: "“ 三公”经费支出共计 1.48 万元，较年初预算数减 / 少 7.02 万元" → 8.50
		const total = rows.find((r) => r.measure === 'three_public.total');
		expect(total).toMatchObject({ unit: '政务服务管理办公室', year: 2021, budget: 8.5, final: 1.48, reason: '主要原因是受疫情影响，减少了相应的公务接待', source_line: 283 });
		const [line] = derivedExecutionLines([total as DerivedExecutionRow]);
		// 1.48 ÷ 8.50 = 17.4 %
		expect(line).toMatchObject({ unit: '九龙坡区·政务服务管理办公室', measure: '“三公”经费合计', budget: '8.50', final: '1.48', rate: '17.4%', source: '据2021年决算文字推算（第 283 行）' });
		expect(rows.map((r) => r.measure)).toContain('function.201');
	});

	it('leaves out a unit-year whose 预算 disclosure is in the data', async () => {
		// the 2023 决算's 三公 年初预算数 (5.50 …) are for a 2023 预算 that is in the folder
		expect(await years.client.query<DerivedExecutionRow>(derivedExecutionQuery(EMPTY_FILTERS))).toEqual([]);
	});
});
