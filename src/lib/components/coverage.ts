/**
 * The coverage matrix's layout: districts × a continuous run of years, so a missing year shows
 * as a gap rather than vanishing; each cell holds counts (预算 n / 决算 n), never the documents
 * themselves, so the matrix stays the same size however many disclosures there are. Pure.
 */
import type { CoverageRow } from '$lib/queries/documents';
import type { YearStackRow } from '$lib/queries/year-stack';
import { byPinyin } from '$lib/filters/order';

/** The counts of one district's year. */
export interface CoverageCounts {
	budget: number;
	final: number;
}

export interface CoverageGrid {
	districts: string[];
	years: number[];
	/** Disclosures counted in the grid, per kind. */
	totals: CoverageCounts;
	/** A cell's counts; null where the district has no disclosure that year. */
	cell(district: string, year: number): CoverageCounts | null;
}

/**
 * The coverage rows of some filters from the same filters' year-stack rows (per district, year
 * and kind, with how many documents each adds up; the per-unit trend rows would do as well): they count the documents the filters
 * select, so the overview draws its matrix from the year-stack query it runs anyway — one
 * statement fewer per filter change in DuckDB's single worker. Same rows and order as
 * `coverageQuery` (test/unit/queries).
 */
export function coverageFromYearRows(rows: readonly Pick<YearStackRow, 'district' | 'year' | 'kind' | 'documents'>[]): CoverageRow[] {
	const cells = new Map<string, CoverageRow>();
	for (const r of rows) {
		const key = `${r.district}\u0000${r.year}`;
		let cell = cells.get(key);
		if (!cell) cells.set(key, (cell = { district: r.district, year: r.year, budget: 0, final: 0 }));
		cell[r.kind] += Number(r.documents);
	}
	return [...cells.values()].sort((a, b) => (a.district === b.district ? a.year - b.year : a.district < b.district ? -1 : 1));
}

/** Lays count rows out as a grid (districts in pinyin order, years ascending and gap-free). */
export function coverageGrid(rows: readonly CoverageRow[]): CoverageGrid {
	const byKey = new Map<string, CoverageCounts>();
	const totals = { budget: 0, final: 0 };
	for (const r of rows) {
		const key = `${r.district}|${r.year}`;
		const c = byKey.get(key) ?? { budget: 0, final: 0 };
		c.budget += Number(r.budget);
		c.final += Number(r.final);
		totals.budget += Number(r.budget);
		totals.final += Number(r.final);
		byKey.set(key, c);
	}
	const districts = [...new Set(rows.map((r) => r.district))].sort(byPinyin);
	const ys = rows.map((r) => r.year);
	const lo = Math.min(...ys);
	const years = ys.length ? Array.from({ length: Math.max(...ys) - lo + 1 }, (_, i) => lo + i) : [];
	return {
		districts,
		years,
		totals,
		cell: (district, year) => byKey.get(`${district}|${year}`) ?? null
	};
}

/** A cell's tags, 预算 first: `预算 2`, `决算 1` — only the kinds it has. */
export function cellTags(c: CoverageCounts): { kind: 'budget' | 'final'; text: string }[] {
	const tags: { kind: 'budget' | 'final'; text: string }[] = [];
	if (c.budget) tags.push({ kind: 'budget', text: `预算 ${c.budget}` });
	if (c.final) tags.push({ kind: 'final', text: `决算 ${c.final}` });
	return tags;
}

/** The accessible name of a cell's button: `北碚区 2023年：预算 2 份，决算 1 份`. */
export function cellLabel(district: string, year: number, c: CoverageCounts): string {
	const parts = [c.budget ? `预算 ${c.budget} 份` : '', c.final ? `决算 ${c.final} 份` : ''].filter(Boolean);
	return `${district} ${year}年：${parts.join('，')}`;
}
