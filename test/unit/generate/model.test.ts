/**
 * The generator's arithmetic holds as real tables hold: exact sums in 分 bottom-up (项 → 款 → 类 →
 * 合计, basic + project = total, 人员 + 公用 = 基本支出, payroll 项 = their 经济分类 items), printed
 * figures each rounded on their own and off from their printed sums by at most 0.02 万元,
 * magnitudes and year-over-year drift in range, 预算 and 决算 close but different.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTION_CLASSES } from '../../../scripts/lib/generate/classification';
import { fenToWan, splitFen } from '../../../scripts/lib/generate/money';
import type { Figures } from '../../../scripts/lib/generate/model';
import { CHONGQING_DISTRICTS, DEPARTMENT_KINDS } from '../../../scripts/lib/generate/places';
import { unitYears, type UnitYear } from '../../../scripts/lib/generate/series';

const YEARS = [2021, 2022, 2023, 2024, 2025];
// 1 district × every department kind × 5 years: a few hundred documents' figures, made in milliseconds.
const units: UnitYear[][] = CHONGQING_DISTRICTS.slice(0, 1).flatMap((district) => DEPARTMENT_KINDS.map((kind) => unitYears(7, district, kind, YEARS)));
const all: Figures[] = units.flat().flatMap((u) => [u.budget, u.final]);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('figures in 分 add up exactly', () => {
	it('every row: total = basic + project; every 款 = Σ 项, 类 = Σ 款, 合计 = Σ 类', () => {
		for (const f of all) {
			for (const r of f.functions) expect(r.total).toBe(r.basic + r.project);
			for (const r of f.functions.filter((x) => x.level < 3)) {
				const children = f.functions.filter((c) => c.level === r.level + 1 && c.code.startsWith(r.code));
				expect(children.length).toBeGreaterThan(0);
				for (const col of ['total', 'basic', 'project'] as const) expect(sum(children.map((c) => c[col]))).toBe(r[col]);
			}
			const classes = f.functions.filter((r) => r.level === 1);
			expect(sum(classes.map((c) => c.total))).toBe(f.total);
			expect(sum(classes.map((c) => c.basic))).toBe(f.basic);
			expect(f.basic + f.project).toBe(f.total);
		}
	});

	it('基本支出 = 人员经费 + 公用经费 = Σ 经济分类 类; each 类 = Σ its 款', () => {
		for (const f of all) {
			expect(f.personnel + f.public).toBe(f.basic);
			const classes = f.economics.filter((r) => r.level === 1);
			expect(sum(classes.map((c) => c.total))).toBe(f.basic);
			expect(sum(classes.map((c) => c.personnel))).toBe(f.personnel);
			for (const c of classes) {
				const items = f.economics.filter((r) => r.level === 2 && r.code.startsWith(c.code));
				expect(sum(items.map((i) => i.total))).toBe(c.total);
				expect(c.personnel + c.public).toBe(c.total);
			}
		}
	});

	it('payroll-linked 项 equal their 经济分类 items (2080505 = 30108, 2101101 = 30110, 2210201 = 30113)', () => {
		for (const f of all) {
			const fn = (code: string) => f.functions.find((r) => r.code === code)?.total ?? 0;
			const ec = (code: string) => f.economics.find((r) => r.code === code)?.total ?? 0;
			expect(fn('2080505')).toBe(ec('30108'));
			expect(fn('2101101')).toBe(ec('30110'));
			expect(fn('2210201')).toBe(ec('30113'));
		}
	});

	it('三公: 30217 公务接待费 is the 三公 reception; a 决算 spends no more than its 年初预算', () => {
		for (const f of all) {
			expect(f.economics.find((r) => r.code === '30217')?.total ?? 0).toBe(f.threePublic.reception);
			if (f.threePublicBudget) {
				for (const k of ['outbound', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const) expect(f.threePublic[k]).toBeLessThanOrEqual(f.threePublicBudget[k]);
			}
		}
	});
});

describe('printed figures (万元 to 0.01, each rounded on its own)', () => {
	it('a printed parent is off from the sum of its printed children by at most 0.02, and by a cent at times', () => {
		let offByACent = 0;
		for (const f of all) {
			for (const r of f.functions.filter((x) => x.level < 3)) {
				const children = f.functions.filter((c) => c.level === r.level + 1 && c.code.startsWith(r.code));
				const gap = Math.abs(fenToWan(r.total) - sum(children.map((c) => fenToWan(c.total))));
				expect(gap).toBeLessThanOrEqual(0.02 + 1e-9);
				if (gap > 0.005) offByACent++;
			}
		}
		expect(offByACent).toBeGreaterThan(0);
	});

	it('rounds half-up at the cent and splits without losing a 分', () => {
		expect(fenToWan(12_345_678)).toBe(12.35);
		expect(fenToWan(12_345_000)).toBe(12.35);
		expect(fenToWan(12_344_999)).toBe(12.34);
		expect(sum(splitFen(1_000_001, [1, 1, 1]))).toBe(1_000_001);
	});
});

describe('realistic magnitudes, drift and 预算/决算 pairs', () => {
	it('a department spends 200–50,000 万元, small and large ones both present', () => {
		for (const f of all) {
			expect(fenToWan(f.total)).toBeGreaterThanOrEqual(200);
			expect(fenToWan(f.total)).toBeLessThanOrEqual(50_000);
		}
		expect(all.some((f) => fenToWan(f.total) < 1_000)).toBe(true);
		expect(all.some((f) => fenToWan(f.total) > 10_000)).toBe(true);
	});

	it('year over year a unit drifts within ±20 % of its 预算 (plus the few 元 of shaping)', () => {
		for (const series of units) {
			for (const u of series) {
				const ratio = u.budget.total / u.priorBudget.total;
				expect(ratio).toBeGreaterThan(0.78);
				expect(ratio).toBeLessThan(1.22);
			}
		}
	});

	it('预算 and 决算 of one unit and year are close but not the same', () => {
		for (const u of units.flat()) {
			expect(u.final.total).not.toBe(u.budget.total);
			const ratio = u.final.total / u.budget.total;
			expect(ratio).toBeGreaterThan(0.8);
			expect(ratio).toBeLessThan(1.3);
		}
	});

	it('a department spends mostly under its own 类 (an education commission under 205)', () => {
		const education = units.flat().filter((_, i) => DEPARTMENT_KINDS[Math.floor(i / YEARS.length) % DEPARTMENT_KINDS.length].name === '教育委员会');
		expect(education.length).toBe(YEARS.length);
		for (const u of education) {
			const cls = u.budget.functions.filter((r) => r.level === 1).sort((a, b) => b.total - a.total);
			expect(cls[0].code).toBe('205');
		}
	});

	it('uses only real classification codes: each 款 and 项 under its 类 in the data module', () => {
		const known = new Set(FUNCTION_CLASSES.flatMap((l) => [l.code, ...l.kuan.flatMap((k) => [k.code, ...k.items.map((i) => i.code)])]));
		for (const code of ['21011', '2101101', '2101103', '20805', '2080505', '2080506']) known.add(code);
		for (const f of all) for (const r of f.functions) expect(known.has(r.code), r.code).toBe(true);
	});
});

describe('determinism', () => {
	it('the same seed gives the same figures; another seed, others', () => {
		const again = unitYears(7, CHONGQING_DISTRICTS[0], DEPARTMENT_KINDS[0], YEARS);
		expect(again).toEqual(units[0]);
		expect(unitYears(8, CHONGQING_DISTRICTS[0], DEPARTMENT_KINDS[0], YEARS)[0].budget.total).not.toBe(units[0][0].budget.total);
	});
});
