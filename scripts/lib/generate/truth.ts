/**
 * The truth beside a generated corpus (truth.jsonl, one line per file): the metadata and every
 * figure the file must yield in the data contract's terms (万元, as printed), and the planted fault
 * with what the extractor must report for it.
 */
export type FaultType = 'reconcile' | 'missing_table' | 'split_table' | 'unit_mismatch';

export interface FaultTruth {
	type: FaultType;
	/** What was planted, in words (the 类 code, the table, the unit). */
	detail: string;
	/** A failed check whose rule starts with this must be recorded. */
	failedCheck: string | null;
	/** A diagnostic whose message contains this must be recorded. */
	diagnostic: string | null;
	/** Whether the figures must still all be recovered (a split or a unit mismatch spoils none). */
	figuresExact: boolean;
}

export interface TruthRecord {
	file: string;
	district: string;
	department: string;
	year: number;
	kind: 'budget' | 'final';
	format: 'text' | 'pdf' | 'html';
	layout: 'tabs' | 'cells' | 'aligned' | 'narrative';
	unit: '万元' | '元';
	fault: FaultTruth | null;
	/** Layout features of this file worth naming when the extractor misreads it (e.g. `national06_bare_third_group`). */
	quirks: string[];
	function: { code: string; name: string; level: number; total: number; basic: number | null; project: number | null }[];
	economic: { code: string; name: string; level: number; total: number; personnel: number; public: number }[];
	three_public: { item: string; budget: number | null; actual: number | null }[];
	summary: Record<string, number>;
}
