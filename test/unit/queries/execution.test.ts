/**
 * Execution rates, year-over-year changes and rankings over the views' fixture corpus
 * (test/fixtures/views-corpus/raw, extracted afresh), in DuckDB-WASM via the browser's loader.
 * Every expected figure is computed by hand from the corpus README's table (the fixture texts'
 * printed figures); the arithmetic is written beside it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import {
	changeQuery,
	executionQuery,
	rankingQuery,
	type ChangeRow,
	type ExecutionRow,
	type RankingRow,
	type SqlQuery
} from '../../../src/lib/queries';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let wasm: WasmNodeDb;

beforeAll(async () => {
	const out = await mkdtemp(path.join(tmpdir(), 'budget-lens-views-corpus-'));
	await promisify(execFile)('npx', ['tsx', 'scripts/extract.ts', '--in', 'test/fixtures/views-corpus/raw', '--out', out, '--quiet'], {
		cwd: repoRoot,
		maxBuffer: 16 << 20
	});
	wasm = await openWasmNodeDb(out);
}, 180_000);

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const q = <T>(query: SqlQuery) => wasm.client.query<T>(query);
const ZWB = '政务服务管理办公室';
const ZFB = '人民政府办公室';

describe('execution rate: 决算 ÷ 预算 of the same unit and year', () => {
	it('pairs only a unit-year with both kinds, never two units or two years', async () => {
		const rows = await q<ExecutionRow>(executionQuery(EMPTY_FILTERS));
		const totals = rows.filter((r) => r.measure === 'total');
		// pairs: 沙坪坝 政务办 2022 and 2023, 沙坪坝 政府办 2024. 南岸 has a 2022 决算 and a 2023 预算
		// only (different years); 政务办's 2024 预算 and 政府办's 2024 决算 are different units.
		expect(totals.map((r) => [r.district, r.unit, r.year])).toEqual([
			['沙坪坝区', ZFB, 2024],
			['沙坪坝区', ZWB, 2022],
			['沙坪坝区', ZWB, 2023]
		]);
		// 1,650.30 ÷ 1,720.00 = 0.959477 ; 480.40 ÷ 500.00 = 0.9608 ; 530.00 ÷ 554.00 = 0.956679
		expect(totals[0]).toMatchObject({ budget: 1720, final: 1650.3 });
		expect(totals[0].rate).toBeCloseTo(0.959477, 5);
		expect(totals[1].rate).toBeCloseTo(0.9608, 6);
		expect(totals[2].rate).toBeCloseTo(0.956679, 5);
	});

	it('gives 基本, 项目, each 类 and each 三公 item of the pair', async () => {
		const rows = await q<ExecutionRow>(executionQuery(f({ districts: ['沙坪坝区'], departments: [ZWB], years: { from: 2022, to: 2022 } })));
		const by = (m: string) => rows.find((r) => r.measure === m)!;
		// 基本 372.40 ÷ 380.00 = 0.98 ; 项目 108.00 ÷ 120.00 = 0.90
		expect(by('basic')).toMatchObject({ budget: 380, final: 372.4 });
		expect(by('basic').rate).toBeCloseTo(0.98, 6);
		expect(by('project').rate).toBeCloseTo(0.9, 6);
		// 三公: 决算数 4.30 ÷ the 预算 disclosure's 6.00 = 0.716667
		expect(by('three_public')).toMatchObject({ budget: 6, final: 4.3 });
		expect(by('three_public').rate).toBeCloseTo(0.716667, 5);
		// a 类 row: named by its code, with the code's one name
		const classes = rows.filter((r) => r.measure.startsWith('class:'));
		expect(classes.length).toBeGreaterThan(0);
		for (const c of classes) expect(c.name).toBeTruthy();
	});

	it("gives each 类 its rate, and with a code filter that code's figures only (no 三公, which has no code)", async () => {
		const zwb2022 = f({ districts: ['沙坪坝区'], departments: [ZWB], years: { from: 2022, to: 2022 } });
		const all = await q<ExecutionRow>(executionQuery(zwb2022));
		// 201 一般公共服务支出: 预算 420.00 (budget table line 38), 决算 410.40 (narrative line 21);
		// 410.40 ÷ 420.00 = 0.977143
		const c201 = all.find((r) => r.measure === 'class:201')!;
		expect(c201).toMatchObject({ name: '一般公共服务支出', budget: 420, final: 410.4 });
		expect(c201.rate).toBeCloseTo(0.977143, 5);
		const coded = await q<ExecutionRow>(executionQuery({ ...zwb2022, code: '201' }));
		// the 决算 gives 类 totals only (narrative), so its 201 has no 基本/项目 split: total alone pairs
		expect(coded.map((r) => [r.measure, r.budget, r.final])).toEqual([['total', 420, 410.4]]);
	});

	it('ignores the kind filter: a rate needs both kinds', async () => {
		const rows = await q<ExecutionRow>(executionQuery(f({ kind: 'budget' })));
		expect(rows.filter((r) => r.measure === 'total')).toHaveLength(3);
	});
});

describe('year-over-year change of the same unit and kind', () => {
	it('compares a disclosure with the same unit and kind the year before only', async () => {
		const rows = await q<ChangeRow>(changeQuery(f({ districts: ['沙坪坝区'] })));
		const totals = rows.filter((r) => r.measure === 'total');
		const key = (r: ChangeRow) => `${r.unit}·${r.kind}·${r.year}`;
		expect(totals.map(key)).toEqual([
			`${ZFB}·budget·2025`,
			`${ZWB}·budget·2023`,
			`${ZWB}·budget·2024`,
			`${ZWB}·final·2023`
		]);
		// 政府办 预算 1,700.00 − 1,720.00 = −20.00, ÷ 1,720.00 = −1.1628 %
		expect(totals[0]).toMatchObject({ previous: 1720, value: 1700, change: -20 });
		expect(totals[0].change_ratio).toBeCloseTo(-0.011628, 5);
		// 政务办 预算 554.00 − 500.00 = 54.00 (+10.8 %); 517.25 − 554.00 = −36.75 (−6.6336 %)
		expect(totals[1].change).toBeCloseTo(54, 6);
		expect(totals[1].change_ratio).toBeCloseTo(0.108, 6);
		expect(totals[2].change).toBeCloseTo(-36.75, 6);
		expect(totals[2].change_ratio).toBeCloseTo(-0.066336, 5);
		// 政务办 决算 530.00 − 480.40 = 49.60, ÷ 480.40 = +10.3247 %
		expect(totals[3].change).toBeCloseTo(49.6, 6);
		expect(totals[3].change_ratio).toBeCloseTo(0.103247, 5);
	});
});

describe('rankings', () => {
	it('ranks units by the total of their latest disclosure of the kind', async () => {
		const rows = await q<RankingRow>(rankingQuery(f({ kind: 'budget' }), 'total'));
		// 政府办 2025 1,700.00 > 政务办 2024 517.25 > 南岸 2023 390.00
		expect(rows.map((r) => [r.rank, r.district, r.unit, r.year, r.value])).toEqual([
			[1, '沙坪坝区', ZFB, 2025, 1700],
			[2, '沙坪坝区', ZWB, 2024, 517.25],
			[3, '南岸区', ZWB, 2023, 390]
		]);
	});

	it('ranks by basic share, 三公, execution rate and change', async () => {
		// basic share of the latest 预算: 政务办 417.25 ÷ 517.25 = 0.806670 ; 南岸 310 ÷ 390 = 0.794872 ;
		// 政府办 1,180 ÷ 1,700 = 0.694118
		const share = await q<RankingRow>(rankingQuery(f({ kind: 'budget' }), 'basic_share'));
		expect(share.map((r) => r.unit + r.district)).toEqual([ZWB + '沙坪坝区', ZWB + '南岸区', ZFB + '沙坪坝区']);
		expect(share[0].value).toBeCloseTo(0.80667, 5);
		// 三公 of the latest 决算: 政府办 2024 14.00, 政务办 2023 4.80, 南岸 2022 2.50
		const three = await q<RankingRow>(rankingQuery(f({ kind: 'final' }), 'three_public'));
		expect(three.map((r) => r.value)).toEqual([14, 4.8, 2.5]);
		// execution of each unit's latest pair: 政府办 2024 0.959477 > 政务办 2023 0.956679; 南岸 has no pair
		const exec = await q<RankingRow>(rankingQuery(EMPTY_FILTERS, 'execution'));
		expect(exec.map((r) => [r.unit, r.year, r.kind])).toEqual([
			[ZFB, 2024, null],
			[ZWB, 2023, null]
		]);
		// change of the latest 预算 against the year before: 政府办 −1.1628 % > 政务办 −6.6336 %; 南岸 none
		const change = await q<RankingRow>(rankingQuery(f({ kind: 'budget' }), 'change'));
		expect(change.map((r) => [r.unit, r.year])).toEqual([
			[ZFB, 2025],
			[ZWB, 2024]
		]);
		expect(change[1].value).toBeCloseTo(-0.066336, 5);
	});

	it('ranks within each kind when both are shown, and by a 类 with a code filter', async () => {
		const both = await q<RankingRow>(rankingQuery(EMPTY_FILTERS, 'total'));
		expect(both.map((r) => `${r.kind}${r.rank}`)).toEqual(['budget1', 'budget2', 'budget3', 'final1', 'final2', 'final3']);
		const code = await q<RankingRow>(rankingQuery(f({ kind: 'budget', code: '201' }), 'total'));
		expect(code.length).toBe(3);
		for (const r of code) expect(r.value).toBeGreaterThan(0);
	});
});
