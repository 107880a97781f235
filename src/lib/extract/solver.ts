/**
 * Column placement by arithmetic. Where a layout drops blank cells, a row such as
 * `2010302 一般行政管理事务 251.00 251.00` does not say which of 合计/基本支出/项目支出 its
 * figures belong to. Each row gets the placements its own arithmetic allows (row candidates), and
 * the tree of classification codes decides among them: in every column, children sum to their
 * parent. The solver reports, per row, whether exactly one placement fits, several do, or none.
 *
 * All values are integer cents of 万元, so sums compare exactly within a stated tolerance.
 */

/** Value vector of one row: one entry per column, in cents. */
export type Vector = readonly number[];

export interface SolverNode {
	key: string;
	/** Key of the parent node, or null for the top level (children of the table total). */
	parent: string | null;
	/** Distinct placements the row's own arithmetic allows. */
	candidates: readonly Vector[];
	/**
	 * For a row no placement fits: its 合计 (column 0), when known. The row then takes part in its
	 * parent's sums as slack — parts unknown but non-negative, adding up to this — so that one
	 * misprinted row does not leave its siblings undecided.
	 */
	slackTotal?: number;
}

/** The unplaceable children of a node, summed: their 合计 and how many they are. */
export interface Slack {
	total: number;
	count: number;
}

export type PlacementStatus = 'unique' | 'ambiguous' | 'impossible';

export interface Placement {
	/** The fitting placement; for 'ambiguous', the first of those that fit. */
	vector: Vector;
	status: PlacementStatus;
	/** How many placements fit (1 = unique, 0 = none fit, ≥ 2 ambiguous, capped). */
	fits: number;
	/** Columns whose value differs between fitting placements (empty when unique). */
	uncertainColumns: number[];
}

export interface SolveInput {
	nodes: readonly SolverNode[];
	/** The printed table total (合计 row), when there is one. */
	total: Vector | null;
	columns: number;
}

const MAX_STATES = 200_000;

/** Tolerance in cents for a sum of n printed (rounded) figures: half a cent per figure, ≥ 2. */
export function sumTolerance(n: number): number {
	return Math.max(2, Math.ceil(0.5 * (n + 1)));
}

/**
 * Enumerates order-preserving placements of k figures into n columns (blank columns = 0), those
 * `keep` accepts (tested before a placement is copied out, so a rejected one costs no array).
 */
export function placementsOf(figures: readonly number[], columns: number, keep: (v: Vector) => boolean = () => true): Vector[] {
	const out: Vector[] = [];
	// One working vector, a figure set into a column and cleared again on the way back: each
	// placement is one copy of it (the partial vectors were rebuilt by spreading at every step).
	const acc: number[] = Array(columns).fill(0);
	const pick = (fi: number, ci: number) => {
		if (fi === figures.length) {
			if (keep(acc)) out.push(acc.slice());
			return;
		}
		for (let c = ci; c <= columns - (figures.length - fi); c++) {
			acc[c] = figures[fi];
			pick(fi + 1, c + 1);
			acc[c] = 0;
		}
	};
	pick(0, 0);
	return out;
}

/** Removes duplicate vectors (placements that give the same values are not a real choice). */
export function distinct(vectors: readonly Vector[]): Vector[] {
	const seen = new Map<string, Vector>();
	for (const v of vectors) seen.set(v.join(','), v);
	return [...seen.values()];
}

/**
 * distinct(placementsOf(…)) without the key string per placement where none can repeat: each
 * placement puts the figures in another set of columns, so two are equal only where a figure is 0.
 */
export function distinctPlacements(figures: readonly number[], columns: number, keep?: (v: Vector) => boolean): Vector[] {
	const all = placementsOf(figures, columns, keep);
	return figures.includes(0) ? distinct(all) : all;
}

/** Solves the placement of every node; returns a placement per node key. */
export function solveTree(input: SolveInput): Map<string, Placement> {
	const children = childrenByParent(input.nodes);
	const byKey = new Map(input.nodes.map((n) => [n.key, n]));
	const feasible = new Map<string, Vector[]>();
	const feasibleOf = (key: string): Vector[] => {
		const cached = feasible.get(key);
		if (cached) return cached;
		const node = byKey.get(key) as SolverNode;
		const kids = children.get(key) ?? [];
		const kidOptions = kids.map(feasibleOf).filter((o) => o.length > 0);
		const slack = slackOf(kids, feasibleOf, byKey);
		const unconstrained = kidOptions.length === 0 && slack === null;
		// A single candidate is kept whatever its children say (the fallback below keeps it when none
		// fits), so its fits are not counted: in a table that keeps its blank cells every row has one.
		const kept = unconstrained || node.candidates.length <= 1;
		let ok = kept ? [...node.candidates] : node.candidates.filter((c) => countFits(kidOptions, c, input.columns, slack) > 0);
		// Children that cannot sum to any placement must not veto the row itself: fall back to its own candidates.
		if (ok.length === 0) ok = [...node.candidates];
		feasible.set(key, ok);
		return ok;
	};
	const result = new Map<string, Placement>();
	const top = children.get(null) ?? [];
	assignChildren(top, input.total, { children, byKey, feasibleOf, result, columns: input.columns });
	return result;
}

/**
 * The slack of a node's unplaceable children, or null when there is none — or when one of them
 * has no known 合计, so that the sum cannot be closed (those children are then left out, as if
 * absent, and the others must add up on their own).
 */
function slackOf(keys: readonly string[], feasibleOf: (key: string) => Vector[], byKey: ReadonlyMap<string, SolverNode>): Slack | null {
	const unplaceable = keys.filter((k) => feasibleOf(k).length === 0).map((k) => byKey.get(k)?.slackTotal);
	if (unplaceable.length === 0 || unplaceable.some((t) => t === undefined)) return null;
	return { total: (unplaceable as number[]).reduce((a, b) => a + b, 0), count: unplaceable.length };
}

interface Ctx {
	children: Map<string | null, string[]>;
	byKey: ReadonlyMap<string, SolverNode>;
	feasibleOf: (key: string) => Vector[];
	result: Map<string, Placement>;
	columns: number;
}

/** Places the children of a node whose vector is `target` (null = unknown), then recurses. */
function assignChildren(keys: readonly string[], target: Vector | null, ctx: Ctx): void {
	if (keys.length === 0) return;
	// Rows with no placement at all take part only as slack (or not at all); they are reported on their own.
	const placeable = keys.filter((k) => ctx.feasibleOf(k).length > 0);
	const options = placeable.map(ctx.feasibleOf);
	const slack = slackOf(keys, ctx.feasibleOf, ctx.byKey);
	const fit = target === null ? null : fitCombinations(options, target, ctx.columns, slack);
	const constrained = fit !== null && fit.count > 0;
	for (const key of keys) {
		const i = placeable.indexOf(key);
		// With exactly one fitting combination, each child's option is the one it takes there: no
		// need to try every option of every child against the others (a sum per option).
		const only = fit?.only;
		const allowed = i < 0 ? [] : !constrained ? options[i] : only ? [options[i][only[i]]] : forcedOptions(options, i, target as Vector, ctx.columns, slack);
		const placement = toPlacement(allowed);
		ctx.result.set(key, placement);
		assignChildren(ctx.children.get(key) ?? [], placement.status === 'unique' ? placement.vector : null, ctx);
	}
}

/** The options of child i that take part in at least one fitting combination. */
function forcedOptions(options: readonly Vector[][], i: number, target: Vector, columns: number, slack: Slack | null): Vector[] {
	if (options[i].length === 1) return options[i];
	return options[i].filter((opt) => {
		const fixed = options.map((o, j) => (j === i ? [opt] : o));
		return countFits(fixed, target, columns, slack) > 0;
	});
}

function toPlacement(allowed: readonly Vector[]): Placement {
	const status: PlacementStatus = allowed.length === 1 ? 'unique' : allowed.length === 0 ? 'impossible' : 'ambiguous';
	return { vector: allowed[0] ?? [], status, fits: allowed.length, uncertainColumns: uncertainColumns(allowed) };
}

function uncertainColumns(vectors: readonly Vector[]): number[] {
	if (vectors.length < 2) return [];
	const cols: number[] = [];
	for (let c = 0; c < vectors[0].length; c++) {
		if (vectors.some((v) => v[c] !== vectors[0][c])) cols.push(c);
	}
	return cols;
}

/**
 * Counts (capped at 2) the combinations, one option per child, whose column sums equal `target`
 * within the rounding tolerance. Dynamic programming over partial sums keeps this polynomial in
 * practice; partial sums past the target are pruned when no value is negative. With slack (children
 * whose split is unknown), column 0 must still balance exactly, the others only leave a
 * non-negative remainder for the slack to fill.
 */
export function countFits(options: readonly (readonly Vector[])[], target: Vector, columns: number, slack: Slack | null = null): number {
	return fitCombinations(options, target, columns, slack).count;
}

/** A partial sum of the dynamic programme: how many combinations reach it (capped at 2), and the last step of the one that does when it is one. */
interface SumState {
	sums: number[];
	count: number;
	/** The state this one was reached from (null for the start, or once the path is no longer kept). */
	prev: SumState | null;
	/** The option taken from `prev`. */
	pick: number;
}

/**
 * countFits, and when exactly one combination fits, the option (index) each child takes in it —
 * read back along the states that reached the fitting sum (`only`, else null).
 */
export function fitCombinations(options: readonly (readonly Vector[])[], target: Vector, columns: number, slack: Slack | null = null): { count: number; only: number[] | null } {
	const tol = sumTolerance(options.length + (slack?.count ?? 0));
	const prune = options.every((o) => o.every((v) => v.every((x) => x >= 0)));
	const fitsTarget = (sums: readonly number[]) =>
		slack === null
			? sums.every((x, c) => Math.abs(x - target[c]) <= tol)
			: Math.abs(sums[0] + slack.total - target[0]) <= tol && sums.every((x, c) => c === 0 || x <= target[c] + tol);
	if (options.length > 0 && options.every((o) => o.length === 1)) {
		// One combination (the common case where every row is already placed): its sums, no state map.
		// With no negative value, a partial sum is never above the final one, so pruning would have
		// dropped it exactly when the final sum is past the target.
		const sums = Array<number>(columns).fill(0);
		for (const [v] of options) for (let c = 0; c < columns; c++) sums[c] += (v as Vector)[c];
		if (prune && sums.some((x, c) => x > target[c] + tol)) return { count: 0, only: null };
		return fitsTarget(sums) ? { count: 1, only: options.map(() => 0) } : { count: 0, only: null };
	}
	let states = new Map<string, SumState>([[zeroKey(columns), { sums: Array(columns).fill(0), count: 1, prev: null, pick: -1 }]]);
	// Paths are kept through earlier layers only while the states made stay few (memory stays bounded).
	let made = 0;
	for (const opts of options) {
		const next = new Map<string, SumState>();
		for (const state of states.values()) {
			for (let pick = 0; pick < opts.length; pick++) {
				const v = opts[pick];
				const s = state.sums.map((x, c) => x + v[c]);
				if (prune && s.some((x, c) => x > target[c] + tol)) continue;
				const key = s.join(',');
				const prev = next.get(key);
				if (prev) prev.count = Math.min(2, prev.count + state.count);
				else next.set(key, { sums: s, count: state.count, prev: ++made <= MAX_STATES ? state : null, pick });
			}
		}
		if (next.size > MAX_STATES) return { count: 2, only: null }; // too many to tell apart: treat as ambiguous
		states = next;
	}
	let fits = 0;
	let fitting: SumState | null = null;
	for (const state of states.values()) if (fitsTarget(state.sums)) (fits = Math.min(2, fits + state.count)), (fitting = state);
	return { count: fits, only: fits === 1 && fitting ? pathTo(fitting, options.length) : null };
}

/** The options taken to reach a state reached one way only, first child first; null where the path was not kept. */
function pathTo(state: SumState, steps: number): number[] | null {
	const picks: number[] = [];
	for (let s: SumState | null = state; s !== null && s.pick >= 0; s = s.prev) picks.push(s.pick);
	return picks.length === steps ? picks.reverse() : null;
}

function zeroKey(columns: number): string {
	return Array(columns).fill(0).join(',');
}

function childrenByParent(nodes: readonly SolverNode[]): Map<string | null, string[]> {
	const map = new Map<string | null, string[]>();
	for (const n of nodes) {
		const list = map.get(n.parent) ?? [];
		list.push(n.key);
		map.set(n.parent, list);
	}
	return map;
}
