import { describe, expect, it } from 'vitest';
import { countFits, distinct, distinctPlacements, fitCombinations, placementsOf, solveTree, type SolverNode } from '../../../src/lib/extract/solver';
import { readCodedTable } from '../../../src/lib/extract/coded-table';
import { assembleRows, splitLines } from '../../../src/lib/extract/layout';
import { readThreePublicTable } from '../../../src/lib/extract/three-public';

const table = (text: string) =>
	readCodedTable(assembleRows(splitLines(text), 'spaces'), { prefix: 'function', label: '测试表', alwaysTotal: true });

describe('placementsOf', () => {
	it('enumerates order-preserving placements of k figures into n columns', () => {
		expect(placementsOf([5, 7], 3)).toEqual([
			[5, 7, 0],
			[5, 0, 7],
			[0, 5, 7]
		]);
		expect(placementsOf([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
	});
});

describe('distinctPlacements', () => {
	it('is distinct(placementsOf(…)): no repeats to drop without a zero figure, the repeats dropped with one', () => {
		const cases: [number[], number][] = [[[5, 7], 3], [[5, 5], 3], [[0, 5], 3], [[0, 0], 4], [[3, 0, 3], 4], [[], 2], [[1, 2, 3], 3]];
		for (const [figures, n] of cases) expect(distinctPlacements(figures, n)).toEqual(distinct(placementsOf(figures, n)));
		// [0,0,5] is made twice (the 0 in the first or the second column): kept once.
		expect(distinctPlacements([0, 5], 3)).toEqual([[0, 5, 0], [0, 0, 5]]);
		expect(distinctPlacements([4, 5], 3)).toEqual([[4, 5, 0], [4, 0, 5], [0, 4, 5]]);
	});

	it('keeps only what `keep` accepts', () => {
		expect(distinctPlacements([4, 1, 3], 4, (v) => v[0] === v[1] + v[2] + v[3])).toEqual([[4, 1, 3, 0], [4, 1, 0, 3], [4, 0, 1, 3]]);
	});
});

describe('countFits', () => {
	it('counts combinations whose column sums hit the target, capped at 2', () => {
		const a = [[100, 100, 0], [100, 0, 100]];
		expect(countFits([a, [[50, 50, 0]]], [150, 150, 0], 3)).toBe(1);
		expect(countFits([a, a], [200, 100, 100], 3)).toBe(2);
		expect(countFits([a], [300, 300, 0], 3)).toBe(0);
	});
});

describe('fitCombinations', () => {
	const a = [[100, 100, 0], [100, 0, 100]];
	const b = [[60, 60, 0], [60, 0, 60], [60, 30, 30]];
	it('names the option each child takes when exactly one combination fits', () => {
		expect(fitCombinations([a, b, [[50, 50, 0]]], [210, 110, 100], 3)).toEqual({ count: 1, only: [1, 0, 0] });
		expect(fitCombinations([b, a], [160, 30, 130], 3)).toEqual({ count: 1, only: [2, 1] });
		expect(fitCombinations([[[5, 5, 0]], [[7, 0, 7]]], [12, 5, 7], 3)).toEqual({ count: 1, only: [0, 0] });
	});
	it('names none when several combinations fit or none does', () => {
		expect(fitCombinations([a, a], [200, 100, 100], 3)).toEqual({ count: 2, only: null });
		expect(fitCombinations([a, b], [500, 0, 0], 3)).toEqual({ count: 0, only: null });
	});
});

describe('column placement on crafted tables (合计 基本支出 项目支出, blank cells dropped)', () => {
	it('unique: the children sums leave one placement per row', () => {
		const t = table(`科目编码 科目名称 合计 基本支出 项目支出
合计 300.00 100.00 200.00
201 一般公共服务支出 300.00 100.00 200.00
20103 政府办公厅（室）及相关机构事务 300.00 100.00 200.00
2010301 行政运行 100.00 100.00
2010302 一般行政管理事务 200.00 200.00`);
		const row = (code: string) => t.rows.find((r) => r.code === code);
		expect(row('2010301')?.values).toEqual([100, 100, 0]);
		expect(row('2010302')?.values).toEqual([200, 0, 200]);
		expect(row('2010302')?.placement.status).toBe('unique');
		expect(t.checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('ambiguous: two equal children can swap columns — the row is kept, the split left NULL, the failure recorded', () => {
		const t = table(`科目编码 科目名称 合计 基本支出 项目支出
合计 200.00 100.00 100.00
201 一般公共服务支出 200.00 100.00 100.00
20103 政府办公厅（室）及相关机构事务 200.00 100.00 100.00
2010301 行政运行 100.00 100.00
2010302 一般行政管理事务 100.00 100.00`);
		const r = t.rows.find((x) => x.code === '2010301');
		expect(r?.placement.status).toBe('ambiguous');
		expect(r?.values).toEqual([100, null, null]);
		expect(t.checks.find((c) => c.rule === 'function.placement:2010301')).toMatchObject({ ok: false, actual: 2 });
	});

	it('impossible: two different figures cannot satisfy 合计 = 基本 + 项目 in any placement', () => {
		const t = table(`科目编码 科目名称 合计 基本支出 项目支出
合计 100.00 100.00 0.00
201 一般公共服务支出 100.00 100.00 0.00
2010301 行政运行 100.00 90.00`);
		const r = t.rows.find((x) => x.code === '2010301');
		expect(r?.placement.status).toBe('impossible');
		expect(r?.values).toEqual([null, null, null]);
		expect(t.problems.some((p) => p.message.includes('2010301'))).toBe(true);
		expect(t.checks.find((c) => c.rule === 'function.placement:2010301')).toMatchObject({ ok: false, actual: 0 });
	});

	it('tolerates rounding in a sum of many printed figures but records a strict check', () => {
		const nodes: SolverNode[] = [
			{ key: 'T', parent: null, candidates: [[1000]] },
			...Array.from({ length: 3 }, (_, i) => ({ key: `c${i}`, parent: 'T', candidates: [[333]] }))
		];
		// 3 × 3.33 = 9.99 vs 10.00: off by one cent, within the rounding of three printed figures.
		expect(solveTree({ nodes, total: null, columns: 1 }).get('c0')?.status).toBe('unique');
	});
});

describe('“三公” table placement', () => {
	const rowsOf = (text: string) => assembleRows(splitLines(text), 'spaces');
	it('reads a 决算-style table with 预算数 and 决算数 blocks (12 columns, blanks dropped)', () => {
		const r = readThreePublicTable(rowsOf(`预算数 决算数
合计 因公出国（境）费 公务用车购置及运行费 公务接待费
10.00 6.00 6.00 4.00 5.00 3.00 3.00 2.00`), {});
		// budget: 合计 10 = 车辆 6 + 接待 4; actual: 5 = 3 + 2 — but 购置 vs 运行 is a tie in both blocks:
		// what every placement agrees on is kept, the two undecided columns are NULL.
		expect(r.figures.map((f) => [f.item, f.budget, f.actual])).toEqual([
			['total', 10, 5],
			['outbound', 0, 0],
			['vehicle', 6, 3],
			['vehicle_purchase', null, null],
			['vehicle_operation', null, null],
			['reception', 4, 2]
		]);
		expect(r.checks[0]).toMatchObject({ rule: 'three_public.placement', ok: false });
		expect(r.problems[0].message).toMatch(/无法区分/);
	});
	it('places by arithmetic a row read with blanks kept whose positions break the sums (a PDF grid one cell off)', () => {
		// 因公出国（境）费 3.31 stands a cell right of its column, under 小计: by position 车辆 = 3.31 ≠ 购置 + 运行.
		const rows = assembleRows(splitLines('合计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行费\t公务接待费\n7.21\t\t3.31\t\t\t3.90'), 'tabs');
		const r = readThreePublicTable(rows, {});
		expect(r.figures.map((f) => [f.item, f.budget])).toEqual([
			['total', 7.21],
			['outbound', 3.31],
			['vehicle', 0],
			['vehicle_purchase', 0],
			['vehicle_operation', 0],
			['reception', 3.9]
		]);
		expect(r.checks[0]).toMatchObject({ rule: 'three_public.placement', ok: true, detail: '数字所在列由算术唯一确定' });
	});
	it('uses the narrative only to break a tie, and only where it agrees with one placement', () => {
		const r = readThreePublicTable(rowsOf('合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n5.80 5.50 5.50 0.30'), { vehicle_purchase: 0 });
		expect(r.figures.find((f) => f.item === 'vehicle_operation')?.budget).toBe(5.5);
		expect(r.checks[0]).toMatchObject({ actual: 2, ok: true });
	});
});
