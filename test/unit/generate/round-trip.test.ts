/**
 * Round trip: a small generated corpus (2 districts × 3 departments × 2 years, 预算 and 决算; tabs,
 * cells, aligned, narrative-only, saved web pages, 2 PDFs; 元 tables; prose as copied from a PDF;
 * every kind of planted fault)
 * is written once to a temporary folder, extracted with the CLI's folder extraction
 * (scripts/lib/extract-folder.ts), and every document compared with its truth: metadata, every
 * figure of every well-formed document, every planted fault flagged.
 *
 * Known extractor misses (findings, left to the extraction engineers — src/lib/extract is not
 * this generator's to change) are listed in KNOWN_MISSES and asserted with it.fails, so the suite
 * says so the day they are fixed. The seed was chosen so the corpus holds each of them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFolder } from '../../../scripts/lib/extract-folder';
import { compareDocument, mustRecoverAll, type Comparison } from '../../../scripts/lib/generate/compare';
import { closeStream, openTruth, writeDistricts, type CorpusOptions } from '../../../scripts/lib/generate/corpus';
import type { TruthRecord } from '../../../scripts/lib/generate/truth';

const OPTIONS: CorpusOptions = { districts: 2, departments: 3, years: 2, lastYear: 2025, seed: 1320, shares: { pdf: 0.08, html: 0.1, fault: 0.25, narrative: 0.1 } };

/**
 * What the extractor misreads today: which documents (by what they are), which of their figures
 * (`miss`, matched against the comparison's miss lines) and which of their checks fail for it.
 * Only those figures and checks are set aside; the rest of such a document is still asserted.
 */
const KNOWN_MISSES: { name: string; matches: (t: TruthRecord) => boolean; miss: RegExp; checks: RegExp }[] = [
	{
		name: '公开06 whose third column group is blank (no 资本性支出, no template rows): the 公用经费 block is read as 人员经费',
		matches: (t) => t.quirks.includes('national06_bare_third_group'),
		miss: /^economic \d+\.(personnel|public):/,
		checks: /^economic\.children_sum:合计\.(personnel|public)$/
	},
	{
		name: '公开06 read from positions (PDF, pdftotext -layout text) with three column groups: the 公用经费 block, its header centred over groups 2–3, is read as 人员经费',
		matches: (t) => t.kind === 'final' && (t.format === 'pdf' || t.layout === 'aligned') && t.economic.length > 0,
		miss: /^economic \d+\.(personnel|public):/,
		checks: /^economic\.children_sum:合计\.(personnel|public)$/
	},
	{
		name: '公开09 in a PDF: the 三公 预算数 column is read as 决算数 (budget NULL, actual = the budget)',
		matches: (t) => t.kind === 'final' && t.format === 'pdf',
		miss: /^three_public \w+\.(budget|actual):/,
		checks: /^narrative\.three_public:/
	}
];
const knownFor = (t: TruthRecord) => KNOWN_MISSES.filter((k) => k.matches(t));
const unexplainedMisses = (r: Result) => r.comparison.misses.filter((m) => !knownFor(r.truth).some((k) => k.miss.test(m)));
const unexplainedChecks = (r: Result) => r.comparison.failedChecks.filter((rule) => !knownFor(r.truth).some((k) => k.checks.test(rule)));

interface Result {
	truth: TruthRecord;
	comparison: Comparison;
}

let dir = '';
const results: Result[] = [];

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'budget-lens-roundtrip-'));
	const truthPath = join(dir, 'truth.jsonl');
	const stream = openTruth(truthPath);
	await writeDistricts(OPTIONS, [0, 1], join(dir, 'raw'), stream);
	await closeStream(stream);
	const truths = new Map<string, TruthRecord>();
	for (const line of (await readFile(truthPath, 'utf8')).split('\n').filter(Boolean)) {
		const t = JSON.parse(line) as TruthRecord;
		truths.set(t.file, t);
	}
	await extractFolder(join(dir, 'raw'), (_rows, doc) => {
		const truth = doc ? truths.get(doc.document.source_file) : undefined;
		if (!doc || !truth) return;
		truths.delete(truth.file);
		results.push({ truth, comparison: compareDocument(truth, doc) });
	});
	for (const truth of truths.values()) results.push({ truth, comparison: compareDocument(truth, null) });
}, 600_000);

afterAll(async () => {
	if (dir) await rm(dir, { recursive: true, force: true });
});

const listed = (r: Result, misses: string[]) => `${r.truth.file}: ${misses.slice(0, 4).join('; ')}`;

describe('round trip: generated corpus → extractor → truth', () => {
	it('holds every layout, both kinds, PDFs, 元 tables and every planted fault', () => {
		expect(results).toHaveLength(24);
		const kinds = new Set(results.map((r) => `${r.truth.format}/${r.truth.layout}`));
		expect(kinds).toEqual(new Set(['text/tabs', 'text/cells', 'text/aligned', 'text/narrative', 'html/tabs', 'pdf/tabs']));
		expect(new Set(results.map((r) => r.truth.kind))).toEqual(new Set(['budget', 'final']));
		expect(results.some((r) => r.truth.unit === '元')).toBe(true);
		expect(results.some((r) => r.truth.quirks.includes('prose_pdf_copied'))).toBe(true);
		expect(new Set(results.map((r) => r.truth.fault?.type).filter(Boolean))).toEqual(new Set(['reconcile', 'missing_table', 'split_table', 'unit_mismatch']));
	});

	it('reads every document’s district, department, year and kind', () => {
		expect(results.flatMap((r) => r.comparison.metadataMisses.map((m) => `${r.truth.file}: ${m}`))).toEqual([]);
	});

	it('recovers every figure of every well-formed document exactly (known misses aside)', () => {
		const wellFormed = results.filter((r) => mustRecoverAll(r.truth));
		expect(wellFormed.length).toBeGreaterThan(18);
		expect(wellFormed.filter((r) => unexplainedMisses(r).length > 0).map((r) => listed(r, unexplainedMisses(r)))).toEqual([]);
		const exact = wellFormed.filter((r) => knownFor(r.truth).length === 0);
		expect(exact.length).toBeGreaterThan(12);
		for (const r of exact) expect(r.comparison.recovered).toBe(r.comparison.figures);
	});

	it('passes every reconciliation on a document without a planted fault (known misses aside)', () => {
		const clean = results.filter((r) => !r.truth.fault);
		expect(clean.filter((r) => unexplainedChecks(r).length > 0).map((r) => `${r.truth.file}: ${unexplainedChecks(r).join(' ')}`)).toEqual([]);
	});

	it('flags every planted fault: a failed check or a diagnostic, as the truth says', () => {
		const planted = results.filter((r) => r.truth.fault);
		expect(planted.length).toBeGreaterThan(3);
		expect(planted.filter((r) => !r.comparison.faultFlagged).map((r) => `${r.truth.file}: ${r.truth.fault!.type} (${r.truth.fault!.failedCheck ?? r.truth.fault!.diagnostic})`)).toEqual([]);
	});

	it('holds documents of each known miss (so that each it.fails below fails for the reason it names)', () => {
		for (const known of KNOWN_MISSES) expect(results.filter((r) => known.matches(r.truth) && mustRecoverAll(r.truth)).length, known.name).toBeGreaterThan(0);
	});

	for (const known of KNOWN_MISSES) {
		it.fails(`known extractor miss: ${known.name}`, () => {
			const affected = results.filter((r) => known.matches(r.truth) && mustRecoverAll(r.truth));
			const missed = affected.map((r) => listed(r, r.comparison.misses.filter((m) => known.miss.test(m)))).filter((line) => !line.endsWith(': '));
			expect(missed).toEqual([]);
		});
	}
});
