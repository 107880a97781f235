/**
 * The coverage matrix's layout: districts × a continuous run of years, so a missing year shows
 * as a gap rather than vanishing. Pure.
 */
import type { CoverageCell } from '$lib/queries/documents';
import type { DocumentKind } from '$lib/storage/schema';
import { byPinyin } from '$lib/filters/order';

export interface CoverageDoc {
	doc_id: string;
	kind: DocumentKind;
	department: string;
	department_kind: string | null;
}

export interface CoverageGrid {
	districts: string[];
	years: number[];
	/** More than one department kind present: cells then name it next to the kind. */
	manyDepartments: boolean;
	/** The documents of a cell, 预算 before 决算. */
	cell(district: string, year: number): CoverageDoc[];
}

/** Lays cells out as a grid (districts in pinyin order, years ascending and gap-free). */
export function coverageGrid(cells: readonly CoverageCell[]): CoverageGrid {
	const byKey = new Map<string, CoverageDoc[]>();
	const departments = new Set<string>();
	for (const c of cells) {
		const key = `${c.district}|${c.year}`;
		const docs = byKey.get(key) ?? [];
		for (const d of c.documents) {
			docs.push({ doc_id: d.doc_id, kind: c.kind, department: d.department, department_kind: d.department_kind });
			departments.add(d.department_kind ?? d.department);
		}
		byKey.set(key, docs);
	}
	for (const docs of byKey.values()) docs.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'budget' ? -1 : 1));
	const districts = [...new Set(cells.map((c) => c.district))].sort(byPinyin);
	const ys = cells.map((c) => c.year);
	const years = ys.length ? Array.from({ length: Math.max(...ys) - Math.min(...ys) + 1 }, (_, i) => Math.min(...ys) + i) : [];
	return {
		districts,
		years,
		manyDepartments: departments.size > 1,
		cell: (district, year) => byKey.get(`${district}|${year}`) ?? []
	};
}
