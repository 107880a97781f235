/**
 * The figures of one unit's disclosure, generated bottom-up in 分 so that every sum holds exactly:
 * 项 → 款 → 类 → 合计, basic + project = total in every row, 人员经费 + 公用经费 = 基本支出, and the
 * payroll-linked 项 (pension, medical insurance, housing fund) equal their 经济分类 counterparts.
 * Printing rounds each figure on its own (money.ts), so printed sums are off by a cent at times.
 */
import { ECONOMIC_CLASSES, PAYROLL_ITEMS, functionClass, functionKuan, type Xiang } from './classification';
import type { Rng } from './prng';
import { splitFen } from './money';
import type { DepartmentKind } from './places';

export interface FunctionFigure {
	code: string;
	name: string;
	level: 1 | 2 | 3;
	total: number;
	basic: number;
	project: number;
}

export interface EconomicFigure {
	code: string;
	name: string;
	level: 1 | 2;
	total: number;
	personnel: number;
	public: number;
}

export interface ThreePublicFigures {
	outbound: number;
	vehiclePurchase: number;
	vehicleOperation: number;
	reception: number;
}

/** One year's figures of a unit, all in 分. */
export interface Figures {
	total: number;
	basic: number;
	project: number;
	personnel: number;
	public: number;
	/** 类, 款, 项 in print order (each 类 followed by its 款, each 款 by its 项). */
	functions: FunctionFigure[];
	/** 类 then its 款, in print order. */
	economics: EconomicFigure[];
	threePublic: ThreePublicFigures;
	/** A 决算's 年初预算数 of the 三公 items (the same year's budget); absent in a budget. */
	threePublicBudget?: ThreePublicFigures;
	operatingCost: number;
	procurement: { goods: number; works: number; services: number };
}

/** What stays the same for a unit across years: which 项 it books, its weights, its habits. */
export interface UnitStructure {
	kind: DepartmentKind;
	/** Base size in 分 for the first year. */
	baseTotal: number;
	basicShare: number;
	personnelShare: number;
	/** The basic 项 that takes the residue of 基本支出 (行政运行 or the main 款's first 项). */
	runItem: Xiang & { kuan: string };
	projectItems: { item: Xiang & { kuan: string }; weight: number }[];
	civilMedical: boolean;
	personnelItems: { code: string; weight: number }[];
	publicItems: { code: string; weight: number }[];
	capital: boolean;
	hasCar: boolean;
	travelsAbroad: boolean;
	procurementShare: number;
}

const PAYROLL_WEIGHTS: Record<string, number> = {
	'30101': 22, '30102': 18, '30103': 8, '30106': 1, '30107': 15, '30108': 12, '30109': 6, '30110': 6, '30111': 1.2,
	'30112': 1, '30113': 9, '30114': 0.5, '30199': 2, '30301': 1, '30302': 3, '30305': 2, '30307': 1, '30309': 0.5, '30399': 1
};
const ALWAYS_PAYROLL = ['30101', '30102', '30108', '30109', '30110', '30113'];

/** Draws a unit's structure once; its years vary amounts, not structure. */
export function unitStructure(rng: Rng, kind: DepartmentKind): UnitStructure {
	const kuans = kind.kuan.map((c) => ({ ...functionKuan(c) }));
	const main = kuans[0];
	const runBase = main.items.find((x) => x.basic) ?? main.items[0];
	const runItem = { ...runBase, kuan: main.code };
	const candidates = kuans.flatMap((k) => k.items.filter((x) => !x.basic).map((x) => ({ ...x, kuan: k.code })));
	const chosen = rng.shuffle(candidates).slice(0, Math.max(1, rng.int(1, Math.min(5, candidates.length))));
	if (chosen.length === 0) chosen.push(runItem);
	const personnel = ECONOMIC_CLASSES.filter((c) => c.personnel).flatMap((c) => c.items.map((i) => i.code));
	const personnelItems = personnel
		.filter((code) => ALWAYS_PAYROLL.includes(code) || rng.chance(0.5))
		.map((code) => ({ code, weight: PAYROLL_WEIGHTS[code] * rng.float(0.7, 1.3) }));
	const publicCodes = ECONOMIC_CLASSES.find((c) => c.code === '302')!.items.map((i) => i.code);
	const publicItems = publicCodes
		.filter((code) => code === '30201' || code === '30217' || code === '30231' || rng.chance(0.55))
		.map((code) => ({ code, weight: rng.float(0.5, 6) }));
	const projectHeavy = ['20502', '21401', '21203', '21303', '21305', '20402'].includes(main.code) || kind.kuan.includes('22101');
	return {
		kind,
		baseTotal: Math.round(Math.min(40_000, Math.max(260, kind.scale * Math.exp(rng.float(-0.9, 0.9)))) * 1_000_000),
		basicShare: projectHeavy ? rng.float(0.25, 0.55) : rng.float(0.45, 0.85),
		personnelShare: rng.float(0.72, 0.9),
		runItem,
		projectItems: chosen.map((item) => ({ item, weight: rng.float(0.3, 3) })),
		civilMedical: rng.chance(0.6),
		personnelItems,
		publicItems,
		capital: rng.chance(0.3),
		hasCar: rng.chance(0.6),
		travelsAbroad: rng.chance(0.1),
		procurementShare: rng.chance(0.2) ? 0 : rng.float(0.02, 0.25)
	};
}

/**
 * Amount habits: most printed figures are whole 百元 (0.01 万元) as budgets are drawn up; a few are
 * arbitrary 元 (payroll computed to the 元), which is what puts a cent between a printed sum and its
 * printed parts. At most `budget` arbitrary figures per document keep the drift within 0.02 万元.
 */
class Amounts {
	private arbitrary = 0;
	constructor(
		private readonly rng: Rng,
		private readonly budget: number,
		private readonly share: number
	) {}
	/** Rounds a raw amount (分) to whole 百元, or to whole 元 now and then. */
	shape(fen: number): number {
		if (this.arbitrary < this.budget && this.rng.chance(this.share)) {
			this.arbitrary++;
			return Math.round(fen / 100) * 100;
		}
		return Math.round(fen / 10_000) * 10_000;
	}
}

/** Splits a total into shaped parts whose exact sum is what the parent becomes. */
function shapedSplit(amounts: Amounts, total: number, weights: number[], rng: Rng, jitter: number): number[] {
	const raw = splitFen(total, weights.map((w) => w * rng.float(1 - jitter, 1 + jitter)));
	return raw.map((x) => Math.max(0, amounts.shape(x)));
}

export interface YearParams {
	total: number;
	basicShare: number;
	personnelShare: number;
	/** Weight jitter: larger for a 决算 (spending departs from plan). */
	jitter: number;
	arbitraryShare: number;
	/** Share of the 三公 budget actually spent (决算), or 1 for a budget. */
	spentShare: number;
	/** A 决算's planned 三公: the same year's budget figures. */
	planned?: ThreePublicFigures;
}

/** The figures of one disclosure from the unit's structure and this year's parameters. */
export function buildFigures(rng: Rng, s: UnitStructure, p: YearParams): Figures {
	const amounts = new Amounts(rng, 4, p.arbitraryShare);
	const basicTarget = Math.round(p.total * p.basicShare);
	const personnelTarget = Math.round(basicTarget * p.personnelShare);
	const publicTarget = basicTarget - personnelTarget;

	// 三公 first: its items are also 302 items (公务接待费, 公务用车运行维护费). Budgets are whole 百元.
	const hundred = (wan: number) => Math.round(wan * 100) * 10_000;
	const tpBudget: ThreePublicFigures = p.planned ?? {
		outbound: s.travelsAbroad ? hundred(rng.float(1, 8)) : 0,
		vehiclePurchase: s.hasCar && rng.chance(0.1) ? hundred(rng.float(12, 30)) : 0,
		vehicleOperation: s.hasCar ? hundred(Math.min(40, (publicTarget / 1e6) * rng.float(0.005, 0.04))) : 0,
		reception: hundred(Math.min(30, (publicTarget / 1e6) * rng.float(0.002, 0.02)))
	};
	const spend = (x: number) => (!p.planned ? x : amounts.shape(Math.round(x * rng.float(p.spentShare, 1))));
	const threePublic: ThreePublicFigures = {
		outbound: spend(tpBudget.outbound),
		vehiclePurchase: spend(tpBudget.vehiclePurchase),
		vehicleOperation: spend(tpBudget.vehicleOperation),
		reception: spend(tpBudget.reception)
	};

	// 经济分类: personnel items, then public items with the two 三公 items fixed.
	const personnelParts = shapedSplit(amounts, personnelTarget, s.personnelItems.map((x) => x.weight), rng, p.jitter);
	const econAmount = new Map<string, number>();
	s.personnelItems.forEach((x, i) => econAmount.set(x.code, personnelParts[i]));
	const fixed = new Map<string, number>([
		['30217', threePublic.reception],
		['30231', threePublic.vehicleOperation]
	]);
	const capitalAmount = s.capital ? amounts.shape(Math.round(publicTarget * rng.float(0.03, 0.12))) : 0;
	const fixedSum = [...fixed.values()].reduce((a, b) => a + b, 0);
	const free = s.publicItems.filter((x) => !fixed.has(x.code));
	const freeParts = shapedSplit(amounts, Math.max(0, publicTarget - fixedSum - capitalAmount), free.map((x) => x.weight), rng, p.jitter);
	free.forEach((x, i) => econAmount.set(x.code, freeParts[i]));
	for (const [code, v] of fixed) if (s.publicItems.some((x) => x.code === code)) econAmount.set(code, v);
	if (s.capital) econAmount.set('31002', capitalAmount);

	const economics: EconomicFigure[] = [];
	let personnel = 0;
	let pub = 0;
	for (const cls of ECONOMIC_CLASSES) {
		const items = cls.items.filter((i) => (econAmount.get(i.code) ?? 0) > 0 || (econAmount.has(i.code) && cls.personnel));
		if (items.length === 0) continue;
		const rows = items.map((i) => {
			const v = econAmount.get(i.code) ?? 0;
			return { code: i.code, name: i.name, level: 2 as const, total: v, personnel: cls.personnel ? v : 0, public: cls.personnel ? 0 : v };
		});
		const sum = rows.reduce((a, r) => a + r.total, 0);
		economics.push({ code: cls.code, name: cls.name, level: 1, total: sum, personnel: cls.personnel ? sum : 0, public: cls.personnel ? 0 : sum }, ...rows);
		if (cls.personnel) personnel += sum;
		else pub += sum;
	}
	const basic = personnel + pub;

	// 功能分类 basic: payroll-linked 项 equal their 经济分类 items; the residue is the unit's running cost.
	const leaves = new Map<string, { lei: string; kuan: string; kuanName: string; name: string; basic: number; project: number }>();
	const addLeaf = (lei: string, kuanCode: string, kuanName: string, code: string, name: string, basicFen: number, projectFen: number) => {
		const prev = leaves.get(code);
		if (prev) {
			prev.basic += basicFen;
			prev.project += projectFen;
		} else leaves.set(code, { lei, kuan: kuanCode, kuanName, name, basic: basicFen, project: projectFen });
	};
	const payroll: [keyof typeof PAYROLL_ITEMS, string][] = [
		['pension', '30108'],
		['annuity', '30109'],
		['medical', '30110'],
		['civilMedical', '30111'],
		['housing', '30113']
	];
	let linked = 0;
	for (const [key, econ] of payroll) {
		const v = econAmount.get(econ) ?? 0;
		if (v <= 0) continue;
		const [lei, kuanCode, kuanName, code, name] = PAYROLL_ITEMS[key];
		addLeaf(lei, kuanCode, kuanName, code, name, v, 0);
		linked += v;
	}
	const run = s.runItem;
	addLeaf(run.kuan.slice(0, 3), run.kuan, functionKuan(run.kuan).name, run.code, run.name, basic - linked, 0);

	// Project: what is left of the total over the chosen project 项.
	const projectTarget = Math.max(p.total - basic, 10_000);
	const projectParts = shapedSplit(amounts, projectTarget, s.projectItems.map((x) => x.weight), rng, p.jitter);
	s.projectItems.forEach(({ item }, i) => {
		if (projectParts[i] > 0) addLeaf(item.kuan.slice(0, 3), item.kuan, functionKuan(item.kuan).name, item.code, item.name, 0, projectParts[i]);
	});
	const project = [...leaves.values()].reduce((a, l) => a + l.project, 0);

	const functions = foldFunctions(leaves);
	const total = basic + project;
	const procurementTotal = s.procurementShare > 0 ? amounts.shape(Math.round(total * s.procurementShare * rng.float(0.7, 1.3))) : 0;
	const [goods, works, services] = procurementTotal > 0 ? shapedSplit(amounts, procurementTotal, [rng.float(0.2, 3), rng.chance(0.2) ? 1 : 0, rng.float(0.2, 3)], rng, 0) : [0, 0, 0];
	return {
		total,
		basic,
		project,
		personnel,
		public: pub,
		functions,
		economics,
		threePublic,
		operatingCost: pub,
		procurement: { goods, works, services },
		...(p.planned ? { threePublicBudget: tpBudget } : {})
	};
}

/** Leaves → the printed order of 类 / 款 / 项 rows with every sum computed, codes ascending. */
function foldFunctions(leaves: Map<string, { lei: string; kuan: string; kuanName: string; name: string; basic: number; project: number }>): FunctionFigure[] {
	const codes = [...leaves.keys()].sort();
	const out: FunctionFigure[] = [];
	const leis = [...new Set(codes.map((c) => c.slice(0, 3)))];
	for (const lei of leis) {
		const leiRow: FunctionFigure = { code: lei, name: functionClass(lei).name, level: 1, total: 0, basic: 0, project: 0 };
		out.push(leiRow);
		const kuans = [...new Set(codes.filter((c) => c.startsWith(lei)).map((c) => c.slice(0, 5)))];
		for (const k of kuans) {
			const leafCodes = codes.filter((c) => c.startsWith(k));
			const kuanRow: FunctionFigure = { code: k, name: leaves.get(leafCodes[0])!.kuanName, level: 2, total: 0, basic: 0, project: 0 };
			out.push(kuanRow);
			for (const c of leafCodes) {
				const l = leaves.get(c)!;
				const row: FunctionFigure = { code: c, name: l.name, level: 3, total: l.basic + l.project, basic: l.basic, project: l.project };
				out.push(row);
				for (const parent of [kuanRow, leiRow]) {
					parent.total += row.total;
					parent.basic += row.basic;
					parent.project += row.project;
				}
			}
		}
	}
	return out;
}
