/**
 * The functional classification (功能分类) as a tree for drill-down 类 → 款 → 项, and the
 * breadcrumb back up. Codes nest by prefix: 类 `201` (3 digits), 款 `20103` (5), 项 `2010301` (7).
 * Pure; the treemap builder in ./structure.ts only draws what this module decides.
 */

/** One functional row summed over the filtered documents of one kind. */
export interface FunctionAmountRow {
	code: string;
	name: string;
	total: number | null;
	basic: number | null;
	project: number | null;
}

export interface FunctionNode {
	code: string;
	name: string;
	total: number;
	basic: number | null;
	project: number | null;
	children: FunctionNode[];
}

/** The code lengths of 类, 款 and 项. */
const LEVEL_LENGTHS = [3, 5, 7] as const;

/** Residues below this (万元) are rounding in the printed figures, not undisclosed detail. */
const ROUNDING_TOLERANCE = 0.02;

/** Name of the synthetic child that holds what a parent has beyond its listed children. */
export const UNDETAILED_NAME = '未细分';

/** True for a well-formed 类/款/项 code. */
export function isFunctionCode(code: string): boolean {
	return /^\d+$/.test(code) && (LEVEL_LENGTHS as readonly number[]).includes(code.length);
}

/**
 * The codes from the 类 down to `code`: `2010301` → `['201', '20103', '2010301']`.
 * A malformed code gives `[]`, so a bad URL value can never build a bogus path.
 */
export function drillPath(code: string | null): string[] {
	if (code === null || !isFunctionCode(code)) return [];
	return LEVEL_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

/** The code one level up (`20103` → `201`), or null above a 类. */
export function parentCode(code: string): string | null {
	const path = drillPath(code);
	return path.length >= 2 ? path[path.length - 2] : null;
}

/**
 * Builds the forest of 类 from flat rows. A row whose parent is absent (a document that lists a
 * 款 but not its 类) hangs from its nearest present ancestor, or becomes a root. Where a parent's
 * total exceeds the sum of its children — typically because some documents give only the 类
 * total — the difference becomes an explicit `未细分` child so the areas still add up.
 * Roots and children are ordered by total, largest first. The input is not modified.
 */
export function buildFunctionTree(rows: readonly FunctionAmountRow[]): FunctionNode[] {
	const byCode = new Map<string, FunctionNode>();
	for (const row of rows) {
		if (!isFunctionCode(row.code)) continue;
		byCode.set(row.code, {
			code: row.code,
			name: row.name,
			total: row.total ?? 0,
			basic: row.basic,
			project: row.project,
			children: []
		});
	}
	const roots: FunctionNode[] = [];
	const codes = [...byCode.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
	for (const code of codes) {
		const node = byCode.get(code)!;
		const ancestor = drillPath(code)
			.slice(0, -1)
			.reverse()
			.map((c) => byCode.get(c))
			.find((n) => n !== undefined);
		(ancestor ? ancestor.children : roots).push(node);
	}
	for (const root of roots) finish(root);
	return roots.sort(byTotalDesc);
}

function finish(node: FunctionNode): void {
	if (node.children.length === 0) return;
	node.children.forEach(finish);
	node.children.sort(byTotalDesc);
	const listed = node.children.reduce((sum, c) => sum + c.total, 0);
	const rest = Math.round((node.total - listed) * 100) / 100;
	if (rest > ROUNDING_TOLERANCE) {
		node.children.push({
			code: `${node.code}*`,
			name: UNDETAILED_NAME,
			total: rest,
			basic: null,
			project: null,
			children: []
		});
	}
}

function byTotalDesc(a: FunctionNode, b: FunctionNode): number {
	return b.total - a.total || a.code.localeCompare(b.code);
}

/** The node for `code` in the forest, or undefined. */
export function findNode(roots: readonly FunctionNode[], code: string): FunctionNode | undefined {
	let level: readonly FunctionNode[] = roots;
	let found: FunctionNode | undefined;
	for (const step of drillPath(code)) {
		found = level.find((n) => n.code === step);
		if (!found) {
			// the step may be missing (its row absent): the target then hangs one level higher
			continue;
		}
		level = found.children;
	}
	return found?.code === code ? found : undefined;
}

/**
 * What the chart shows when drilled to `code`: that node's children, or the 类 when `code` is
 * null. A leaf (a 项, or a 类 given without detail) shows itself so the view is never blank.
 * An unknown code shows nothing — the page then says there is no data for this filter.
 */
export function visibleNodes(roots: readonly FunctionNode[], code: string | null): FunctionNode[] {
	if (code === null) return [...roots];
	const node = findNode(roots, code);
	if (!node) return [];
	return node.children.length > 0 ? [...node.children] : [node];
}

/** True when clicking the node should drill further down (it has real children). */
export function canDrill(node: Pick<FunctionNode, 'code' | 'children'>): boolean {
	return isFunctionCode(node.code) && node.children.length > 0;
}

export interface Crumb {
	/** The code to drill to; null for the top (all 类). */
	code: string | null;
	label: string;
}

/**
 * The breadcrumb for `code`: `全部科目 › 201 一般公共服务支出 › 20103 政府办公厅…`. Names come
 * from `names`; a level whose name is unknown shows its code alone.
 */
export function breadcrumb(code: string | null, names: ReadonlyMap<string, string>): Crumb[] {
	const crumbs: Crumb[] = [{ code: null, label: '全部科目' }];
	for (const step of drillPath(code)) {
		const name = names.get(step);
		crumbs.push({ code: step, label: name ? `${step} ${name}` : step });
	}
	return crumbs;
}

/** code → name over the whole forest, for breadcrumbs. */
export function namesOf(roots: readonly FunctionNode[]): Map<string, string> {
	const names = new Map<string, string>();
	const visit = (n: FunctionNode): void => {
		if (isFunctionCode(n.code)) names.set(n.code, n.name);
		n.children.forEach(visit);
	};
	roots.forEach(visit);
	return names;
}

/** `类`, `款` or `项` by the code's length; null for anything else. */
export function levelOf(code: string): '类' | '款' | '项' | null {
	if (!isFunctionCode(code)) return null;
	return (['类', '款', '项'] as const)[(LEVEL_LENGTHS as readonly number[]).indexOf(code.length)];
}

/**
 * What a screen reader is told when the drill level changes (the page puts it in an aria-live
 * region): `已进入 201 一般公共服务支出（类），显示其下各款`; at the top `全部科目，显示各类`.
 */
export function drillAnnouncement(code: string | null, names: ReadonlyMap<string, string>): string {
	const level = code === null ? null : levelOf(code);
	if (code === null || level === null) return '功能分类：全部科目，显示各类';
	const label = names.has(code) ? `${code} ${names.get(code)}` : code;
	const below = level === '类' ? '款' : level === '款' ? '项' : null;
	return below ? `功能分类：已进入 ${label}（${level}），显示其下各${below}` : `功能分类：已进入 ${label}（项），为最末一级`;
}

/** One line of the treemap's data table: a tile, its depth (0 = the level, 1 = inside it) and share. */
export interface LevelRow {
	code: string;
	/** `201 一般公共服务支出`; a `未细分` remainder is named alone. */
	label: string;
	/** The name alone (`一般公共服务支出`, `未细分`). */
	name: string;
	depth: 0 | 1;
	total: number;
	/** Share of the tile's parent (the level's total for depth 0), 0–1; null when the parent is 0. */
	share: number | null;
	drillable: boolean;
}

/**
 * The tiles the treemap draws for `nodes` — each node of the level, then the nodes inside it — as
 * table rows, in the chart's order: the chart's accessible alternative and the keyboard's way down.
 */
export function levelRows(nodes: readonly FunctionNode[]): LevelRow[] {
	const total = nodes.reduce((s, n) => s + n.total, 0);
	const row = (n: FunctionNode, depth: 0 | 1, whole: number): LevelRow => ({
		code: n.code,
		label: n.code.endsWith('*') ? n.name : `${n.code} ${n.name}`,
		name: n.name,
		depth,
		total: n.total,
		share: whole ? n.total / whole : null,
		drillable: canDrill(n)
	});
	return nodes.flatMap((n) => [row(n, 0, total), ...n.children.map((c) => row(c, 1, n.total))]);
}
