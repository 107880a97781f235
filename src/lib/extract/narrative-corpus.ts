/**
 * A corpus check of derived figures: a sentence of the 2024 预算 that says 项目支出 fell by 50万元
 * implies the 2023 预算's 项目支出; when the folder also holds that disclosure (same unit — district
 * and department kind — year and kind), the implied figure is compared with what it prints. The
 * check is recorded on the document whose prose implies the figure, at the sentence's line.
 *
 * Works on contract rows as each document's are produced, keeping only its key figures and derived
 * rows (a few dozen numbers per document), so memory stays small however large the folder.
 */
import { compare } from './checks';
import { emptyContractRows, type ContractRows } from './contract-rows';
import { measureWords } from './narrative-derived-labels';
import type { RowOf } from '../storage/rows';

/** What one document contributes: its unit, year and kind, the figures it prints, what it implies. */
interface Facts {
	docId: string;
	file: string;
	values: Map<string, number>;
}

const KIND_WORDS: Record<string, string> = { budget: '预算', final: '决算' };

export class NarrativeCorpus {
	private readonly byKey = new Map<string, Facts>();
	private readonly derived: RowOf<'narrative_figures'>[] = [];
	/** doc_id → its unit, for the derived rows (which carry only doc_id). */
	private readonly unitOf = new Map<string, { district: string | null; unit: string | null }>();

	/** Notes one document's rows (returned unchanged, so a caller can pass them straight on). */
	add(rows: ContractRows): ContractRows {
		for (const doc of rows.documents) {
			const key = unitKey(doc.district, doc.department_kind ?? doc.department, doc.year, doc.kind);
			if (key && !this.byKey.has(key)) this.byKey.set(key, { docId: doc.doc_id as string, file: doc.source_file ?? '', values: printedValues(rows, doc) });
		}
		this.derived.push(...rows.narrative_figures);
		for (const doc of rows.documents) this.unitOf.set(doc.doc_id as string, { district: doc.district, unit: doc.department_kind ?? doc.department });
		return rows;
	}

	/** The checks of every derived figure whose year and kind is disclosed in the corpus. */
	checks(): ContractRows {
		const out = emptyContractRows();
		for (const f of this.derived) {
			const unit = this.unitOf.get(f.doc_id as string);
			const other = unit ? this.byKey.get(unitKey(unit.district, unit.unit, f.figure_year, f.figure_kind) ?? '') : undefined;
			const real = other?.values.get(f.measure as string);
			if (!other || real === undefined || other.docId === f.doc_id) continue;
			const what = `${f.figure_year}年${KIND_WORDS[f.figure_kind as string] ?? ''}${measureWords(f.measure as string)}`;
			const detail = `据本文件文字推算的${what}为 ${f.value} 万元，${other.file} 所列为 ${real} 万元`;
			const c = compare(`narrative_derived.figure:${f.measure}.${f.relation}`, real, f.value, detail, f.source_line);
			out.checks.push({ doc_id: f.doc_id, rule: c.rule, expected: c.expected, actual: c.actual, ok: c.ok, detail: c.detail, source_line: f.source_line, source_page: f.source_page, source_file: f.source_file });
			if (!c.ok) {
				const message = `核对未通过 ${c.rule}：应为 ${c.expected}，实为 ${c.actual}（${detail}）`;
				out.diagnostics.push({ doc_id: f.doc_id, source_file: f.source_file, severity: 'warning', stage: 'check', source_line: f.source_line, source_page: f.source_page, message });
			}
		}
		return out;
	}
}

/**
 * The part of one document's rows that {@link NarrativeCorpus.add} reads — its documents row, summary,
 * 三公, 类 (level 1) and derived figures — so that a worker thread need send the corpus only these.
 */
export function narrativeFacts(rows: ContractRows): ContractRows {
	const facts = emptyContractRows();
	facts.documents = rows.documents;
	facts.summary = rows.summary;
	facts.three_public = rows.three_public;
	facts.function_expenditure = rows.function_expenditure.filter((r) => r.level === 1);
	facts.narrative_figures = rows.narrative_figures;
	return facts;
}

function unitKey(district: string | null, unit: string | null, year: number | null, kind: string | null): string | null {
	return unit && year !== null && kind ? `${district ?? ''}|${unit}|${year}|${kind}` : null;
}

/**
 * The figures a document prints, named as narrative_figures.measure names them: summary measures,
 * 三公 items (决算数 of a 决算, 预算数 of a 预算), 类 totals, and their sum as 一般公共预算财政拨款支出
 * when the 类 come from a table.
 */
function printedValues(rows: ContractRows, doc: RowOf<'documents'>): Map<string, number> {
	const values = new Map<string, number>();
	const id = doc.doc_id;
	for (const r of rows.summary) if (r.doc_id === id && r.value !== null) values.set(r.measure as string, r.value);
	for (const r of rows.three_public) {
		const v = doc.kind === 'final' ? r.actual : r.budget;
		if (r.doc_id === id && v !== null) values.set(`three_public.${r.item}`, v);
	}
	const classes = rows.function_expenditure.filter((r) => r.doc_id === id && r.level === 1 && r.total !== null);
	for (const r of classes) values.set(`function.${r.code}`, r.total as number);
	if (classes.length > 0 && doc.layout !== 'narrative') values.set('general_budget_expenditure', Math.round(classes.reduce((s, r) => s + (r.total as number), 0) * 100) / 100);
	return values;
}
