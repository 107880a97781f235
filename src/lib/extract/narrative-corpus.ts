/**
 * A corpus check of derived figures: a sentence of the 2024 预算 that says 项目支出 fell by 50万元
 * implies the 2023 预算's 项目支出; when the folder also holds that disclosure (same unit — district
 * and department kind — year and kind), the implied figure is compared with what it prints. The
 * check is recorded on the document whose prose implies the figure, at the sentence's line.
 *
 * Works on contract rows as each document's are produced, keeping only its key figures and derived
 * rows (a few dozen numbers per document). Since a document is only ever checked against others of
 * its unit ({@link unitOfFacts}), a large folder can be checked in parts, each unit whole in one
 * (scripts/lib/folder-spill.ts does, so that the folder's memory does not grow with it).
 */
import { compare } from './checks';
import { emptyContractRows, type ContractRows } from './contract-rows';
import { measureWords } from './narrative-derived-labels';
import type { RowOf } from '../storage/rows';

/** The figures one disclosing unit's document prints, for the derived figures of other years. */
export interface Facts {
	docId: string;
	file: string;
	/**
	 * The measures it prints, each once: one list shared by every document that prints the same ones
	 * (most of a template's), where a map a document was ≈ 1 KB of the ≈ 4 KB a folder of 30,000
	 * holds for each document until its plan is known.
	 */
	measures: readonly string[];
	/** The figure of each measure, in the order of `measures`. */
	values: readonly number[];
}

/** The figure `facts` print for `measure`, if they print it. */
function printedFigure(facts: Facts, measure: string): number | undefined {
	const at = facts.measures.indexOf(measure);
	return at < 0 ? undefined : facts.values[at];
}

/**
 * What the check of one derived figure needs of its narrative_figures row — not the row: its
 * reason clause and the stated change are not compared, and at 30,000 documents whole rows (with
 * their strings copied again in every row a worker sends) were most of the folder's memory.
 */
export interface DerivedFact {
	docId: string;
	measure: string;
	relation: string;
	figureYear: number | null;
	figureKind: string | null;
	value: number | null;
	line: number | null;
	page: number | null;
	file: string | null;
}

/**
 * What one document's rows contribute to the corpus check, as plain data: made where the document
 * is extracted (a worker thread sends this, a few dozen numbers, instead of the rows it is read from).
 */
export interface DocumentFacts {
	/** Per documents row with a unit, year and kind: the figures it prints, each measure once, and their values. */
	printed: { key: string; docId: string; file: string; measures: string[]; values: number[] }[];
	derived: DerivedFact[];
	units: { docId: string; district: string | null; unit: string | null }[];
}

const KIND_WORDS: Record<string, string> = { budget: '预算', final: '决算' };

/** The facts of one document's rows (see {@link DocumentFacts}). */
export function documentFacts(rows: ContractRows): DocumentFacts {
	const facts: DocumentFacts = { printed: [], derived: [], units: [] };
	for (const doc of rows.documents) {
		const key = unitKey(doc.district, doc.department_kind ?? doc.department, doc.year, doc.kind);
		if (key) {
			const printed = printedValues(rows, doc);
			facts.printed.push({ key, docId: doc.doc_id as string, file: doc.source_file ?? '', measures: [...printed.keys()], values: [...printed.values()] });
		}
		facts.units.push({ docId: doc.doc_id as string, district: doc.district, unit: doc.department_kind ?? doc.department });
	}
	for (const f of rows.narrative_figures) {
		facts.derived.push({
			docId: f.doc_id as string,
			measure: f.measure as string,
			relation: f.relation as string,
			figureYear: f.figure_year,
			figureKind: f.figure_kind,
			value: f.value,
			line: f.source_line,
			page: f.source_page,
			file: f.source_file
		});
	}
	return facts;
}

export class NarrativeCorpus {
	private readonly byKey = new Map<string, Facts>();
	private readonly derived: DerivedFact[] = [];
	/** doc_id → its unit, for the derived facts (which carry only doc_id). */
	private readonly unitOf = new Map<string, { district: string | null; unit: string | null }>();
	/**
	 * One copy of each string kept: measure names, relations and kinds repeat in every document, and a
	 * document's doc_id and file in each of its rows (facts from a worker arrive with copies of each).
	 */
	private readonly strings = new Map<string, string>();
	private readonly measureLists = new Map<string, readonly string[]>();

	/** Notes one document's rows (returned unchanged, so a caller can pass them straight on). */
	add(rows: ContractRows): ContractRows {
		this.addFacts(documentFacts(rows));
		return rows;
	}

	/**
	 * Notes one document's facts, strings and lists of measures interned; of two documents of one unit,
	 * year and kind the first counts.
	 */
	addFacts(facts: DocumentFacts): void {
		for (const p of facts.printed) {
			if (this.byKey.has(p.key)) continue;
			this.byKey.set(p.key, { docId: this.intern(p.docId), file: this.intern(p.file), measures: this.internMeasures(p.measures), values: p.values });
		}
		for (const f of facts.derived) {
			this.derived.push({
				docId: this.intern(f.docId),
				measure: this.intern(f.measure),
				relation: this.intern(f.relation),
				figureYear: f.figureYear,
				figureKind: f.figureKind === null ? null : this.intern(f.figureKind),
				value: f.value,
				line: f.line,
				page: f.page,
				file: f.file === null ? null : this.intern(f.file)
			});
		}
		for (const u of facts.units) this.unitOf.set(this.intern(u.docId), { district: u.district === null ? null : this.intern(u.district), unit: u.unit === null ? null : this.intern(u.unit) });
	}

	/**
	 * The checks of every derived figure whose year and kind is disclosed in the corpus, in batches of
	 * at most `rowsPerBatch` checks (with their diagnostics): a folder of 30,000 documents has about
	 * 150,000, which as one batch of rows took 250 MB at once, to be encoded for the writer in one piece.
	 */
	*checkBatches(rowsPerBatch = CHECK_BATCH_ROWS): Generator<ContractRows> {
		let out = emptyContractRows();
		for (const f of this.derived) {
			const unit = this.unitOf.get(f.docId);
			const other = unit ? this.byKey.get(unitKey(unit.district, unit.unit, f.figureYear, f.figureKind) ?? '') : undefined;
			const real = other && printedFigure(other, f.measure);
			if (!other || real === undefined || other.docId === f.docId) continue;
			const what = `${f.figureYear}年${KIND_WORDS[f.figureKind as string] ?? ''}${measureWords(f.measure)}`;
			const detail = `据本文件文字推算的${what}为 ${f.value} 万元，${other.file} 所列为 ${real} 万元`;
			const c = compare(`narrative_derived.figure:${f.measure}.${f.relation}`, real, f.value, detail, f.line);
			out.checks.push({ doc_id: f.docId, rule: c.rule, expected: c.expected, actual: c.actual, ok: c.ok, detail: c.detail, source_line: f.line, source_page: f.page, source_file: f.file });
			if (!c.ok) {
				const message = `核对未通过 ${c.rule}：应为 ${c.expected}，实为 ${c.actual}（${detail}）`;
				out.diagnostics.push({ doc_id: f.docId, source_file: f.file, severity: 'warning', stage: 'check', source_line: f.line, source_page: f.page, message });
			}
			if (out.checks.length >= rowsPerBatch) {
				yield out;
				out = emptyContractRows();
			}
		}
		if (out.checks.length > 0) yield out;
	}

	/** One copy of each list of measures (`printed.measures` comes from a map's keys: no measure twice). */
	private internMeasures(measures: readonly string[]): readonly string[] {
		const key = measures.join('\u0000');
		const kept = this.measureLists.get(key);
		if (kept !== undefined) return kept;
		const list = measures.map((m) => this.intern(m));
		this.measureLists.set(key, list);
		return list;
	}

	private intern(s: string): string {
		const kept = this.strings.get(s);
		if (kept !== undefined) return kept;
		this.strings.set(s, s);
		return s;
	}
}

/** Checks a batch of {@link NarrativeCorpus.checkBatches} holds at most, by default. */
export const CHECK_BATCH_ROWS = 1024;

/**
 * The disclosing unit of a document's facts (district and department kind): the corpus check compares
 * a document only with others of its unit, so a corpus split by this key can be checked part by part.
 */
export function unitOfFacts(facts: DocumentFacts): string {
	const u = facts.units[0];
	return u ? `${u.district ?? ''}|${u.unit ?? ''}` : '';
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
