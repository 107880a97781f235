/** Grouping and labels for the document page. Pure. */

const SCHEME: Record<string, string> = { department: '部门预算支出经济分类', government: '政府预算支出经济分类' };
const SCOPE: Record<string, string> = { basic: '基本支出', project: '项目支出' };

/** The economic breakdown rows split into one table per scheme and scope, in the rows' order. */
export function breakdownGroups<R extends { scheme: string | null; scope: string | null }>(rows: readonly R[]): { key: string; title: string; rows: R[] }[] {
	const groups = new Map<string, { key: string; title: string; rows: R[] }>();
	for (const r of rows) {
		const key = `${r.scheme}|${r.scope}`;
		let g = groups.get(key);
		if (!g) {
			g = { key, title: `${SCOPE[r.scope ?? ''] ?? r.scope}（${SCHEME[r.scheme ?? ''] ?? r.scheme}）`, rows: [] };
			groups.set(key, g);
		}
		g.rows.push(r);
	}
	return [...groups.values()];
}

const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

/** 错误 / 警告 / 提示 (NULL stays NULL: shown as —). */
export function severityLabel<S extends string | null>(s: S): string | S {
	return s === null ? s : (SEVERITY[s] ?? s);
}
