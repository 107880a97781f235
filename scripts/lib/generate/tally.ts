/**
 * Totals over a round trip, kept as counts only (memory flat in corpus size): figures recovered,
 * documents fully recovered, metadata right, faults flagged per type, and the misses grouped by
 * what the document was (format/layout/kind, quirks) with a few examples each.
 */
import { mustRecoverAll, type Comparison } from './compare';
import type { TruthRecord } from './truth';

export interface Tally {
	documents: number;
	wellFormed: number;
	wellFormedExact: number;
	figures: number;
	recovered: number;
	metadataOk: number;
	wellFormedWithFailedChecks: number;
	/** Failed check rules on documents without a planted fault, codes replaced by `*` (`economic.children_sum:*.personnel`). */
	failedRules: Record<string, number>;
	faults: Record<string, { planted: number; flagged: number }>;
	/** `final pdf/tabs [quirk]` → documents with a miss, and a few examples. */
	missGroups: Record<string, { documents: number; examples: string[] }>;
}

export function emptyTally(): Tally {
	return { documents: 0, wellFormed: 0, wellFormedExact: 0, figures: 0, recovered: 0, metadataOk: 0, wellFormedWithFailedChecks: 0, failedRules: {}, faults: {}, missGroups: {} };
}

export function groupOf(t: TruthRecord): string {
	return `${t.kind} ${t.format}/${t.layout}${t.unit === '元' ? ' 元' : ''}${t.quirks.length ? ` [${t.quirks.join(',')}]` : ''}`;
}

export function addToTally(tally: Tally, truth: TruthRecord, c: Comparison): void {
	tally.documents++;
	if (c.metadataOk) tally.metadataOk++;
	if (truth.fault) {
		const f = (tally.faults[truth.fault.type] ??= { planted: 0, flagged: 0 });
		f.planted++;
		if (c.faultFlagged) f.flagged++;
	}
	if (!mustRecoverAll(truth)) return;
	tally.wellFormed++;
	tally.figures += c.figures;
	tally.recovered += c.recovered;
	if (!truth.fault && c.failedChecks.length > 0) {
		tally.wellFormedWithFailedChecks++;
		for (const rule of new Set(c.failedChecks.map((r) => r.replace(/:[^.]+/, ':*')))) tally.failedRules[rule] = (tally.failedRules[rule] ?? 0) + 1;
	}
	if (c.misses.length === 0 && c.recovered === c.figures) {
		tally.wellFormedExact++;
		return;
	}
	const g = (tally.missGroups[groupOf(truth)] ??= { documents: 0, examples: [] });
	g.documents++;
	if (g.examples.length < 3) g.examples.push(`${c.file}: ${c.misses.slice(0, 3).join('; ')}`);
}

export function formatTally(t: Tally): string[] {
	const pct = (a: number, b: number) => (b === 0 ? '—' : `${((a / b) * 100).toFixed(2)} %`);
	const lines = [
		`documents ${t.documents}; metadata right ${t.metadataOk} (${pct(t.metadataOk, t.documents)})`,
		`well-formed documents ${t.wellFormed}: every figure recovered in ${t.wellFormedExact} (${pct(t.wellFormedExact, t.wellFormed)}); figures ${t.recovered} / ${t.figures} (${pct(t.recovered, t.figures)})`,
		`well-formed documents without a planted fault but with a failed check: ${t.wellFormedWithFailedChecks}` +
			(t.wellFormedWithFailedChecks ? ` (${Object.entries(t.failedRules).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ×${n}`).join(', ')})` : ''),
		`faults caught: ${Object.entries(t.faults).map(([k, v]) => `${k} ${v.flagged}/${v.planted}`).join(', ') || 'none planted'}`
	];
	for (const [group, g] of Object.entries(t.missGroups).sort((a, b) => b[1].documents - a[1].documents)) {
		lines.push(`misses in ${g.documents} × ${group}`);
		for (const e of g.examples) lines.push(`    ${e}`);
	}
	return lines;
}
