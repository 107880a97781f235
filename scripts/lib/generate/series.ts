/**
 * A unit across years: its structure drawn once, its total drifting ±0–20 % a year, and for each
 * year a 预算 and a 决算 that are close but different (the 决算 departs from plan; its 三公 年初预算数
 * are the 预算's figures). The year before the first is drawn too, for the prose's 较上年 changes.
 */
import { buildFigures, unitStructure, type Figures } from './model';
import type { DepartmentKind } from './places';
import { subRng } from './prng';

/** A district department's range in 分, with a margin for the 百元 shaping of its items. */
const LOW = 205 * 1_000_000;
const HIGH = 49_500 * 1_000_000;

export interface UnitYear {
	year: number;
	budget: Figures;
	final: Figures;
	/** The same unit's figures a year earlier (generated, not necessarily disclosed). */
	priorBudget: Figures;
	priorFinal: Figures;
}

export function unitYears(seed: number, district: string, kind: DepartmentKind, years: readonly number[]): UnitYear[] {
	const key = `${district}|${kind.name}`;
	const structure = unitStructure(subRng(seed, `${key}|structure`), kind);
	const out: UnitYear[] = [];
	let total = structure.baseTotal;
	let prior: { budget: Figures; final: Figures } | null = null;
	const first = years[0] - 1;
	for (let year = first; year <= years[years.length - 1]; year++) {
		const rng = subRng(seed, `${key}|${year}`);
		// Drift ±0–20 %, turned back at the edges of a district department's range (200–50,000 万元).
		const drift = rng.float(0, 0.2) * (total > HIGH / 1.25 ? -1 : total < LOW * 1.25 ? 1 : rng.chance(0.5) ? 1 : -1);
		total = Math.round(total * (1 + drift));
		const basicShare = Math.min(0.92, Math.max(0.15, structure.basicShare + rng.float(-0.05, 0.05)));
		const budget = buildFigures(rng, structure, { total, basicShare, personnelShare: structure.personnelShare, jitter: 0.15, arbitraryShare: 0.15, spentShare: 1 });
		const final = buildFigures(rng, structure, {
			total: Math.round(Math.min(HIGH, Math.max(LOW, total * rng.float(0.9, 1.12)))),
			basicShare: Math.min(0.95, Math.max(0.12, basicShare + rng.float(-0.04, 0.04))),
			personnelShare: Math.min(0.95, structure.personnelShare + rng.float(-0.03, 0.03)),
			jitter: 0.25,
			arbitraryShare: 0.3,
			spentShare: rng.float(0.4, 0.95),
			planned: budget.threePublic
		});
		if (prior && years.includes(year)) out.push({ year, budget, final, priorBudget: prior.budget, priorFinal: prior.final });
		prior = { budget, final };
	}
	return out;
}
