/**
 * Round trip: a small generated corpus (2 districts × 3 departments × 2 years, 预算 and 决算; tabs,
 * cells, aligned, narrative-only, saved web pages, 2 PDFs; 元 tables; prose as copied from a PDF;
 * every kind of planted fault)
 * is written once to a temporary folder, extracted with the CLI's folder extraction
 * (scripts/lib/extract-folder.ts), and every document compared with its truth: metadata, every
 * figure of every well-formed document, every planted fault flagged.
 *
 * Shapes the extractor once misread (SHAPES: a blank third group in the 基本支出决算表, its
 * 公用经费 header centred over two groups in a PDF, the 机构运行信息表's 预算数 column in a PDF)
 * must each be in the corpus and be read exactly like the rest. The seed was chosen so the corpus
 * holds each of them.
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

/** Shapes the extractor once misread: each must be in the corpus (and, like every document, read exactly). */
const SHAPES: { name: string; matches: (t: TruthRecord) => boolean }[] = [
	{
		name: '公开06 whose third column group is blank (no 资本性支出, no template rows): the 公用经费 block was read as 人员经费',
		matches: (t) => t.quirks.includes('national06_bare_third_group')
	},
	{
		name: '公开06 read from positions (PDF, pdftotext -layout text) with three column groups: the 公用经费 header, centred over groups 2–3, made group 2 人员经费',
		matches: (t) => t.kind === 'final' && (t.format === 'pdf' || t.layout === 'aligned') && t.economic.length > 0
	},
	{
		name: '公开09 in a PDF: the 三公 预算数 column was read as 决算数 (budget NULL, actual = the budget)',
		matches: (t) => t.kind === 'final' && t.format === 'pdf'
	}
];

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

	it('recovers every figure of every well-formed document exactly', () => {
		const wellFormed = results.filter((r) => mustRecoverAll(r.truth));
		expect(wellFormed.length).toBeGreaterThan(18);
		expect(wellFormed.filter((r) => r.comparison.misses.length > 0).map((r) => listed(r, r.comparison.misses))).toEqual([]);
		for (const r of wellFormed) expect(r.comparison.recovered, r.truth.file).toBe(r.comparison.figures);
	});

	it('passes every reconciliation on a document without a planted fault', () => {
		const clean = results.filter((r) => !r.truth.fault);
		expect(clean.filter((r) => r.comparison.failedChecks.length > 0).map((r) => `${r.truth.file}: ${r.comparison.failedChecks.join(' ')}`)).toEqual([]);
	});

	it('flags every planted fault: a failed check or a diagnostic, as the truth says', () => {
		const planted = results.filter((r) => r.truth.fault);
		expect(planted.length).toBeGreaterThan(3);
		expect(planted.filter((r) => !r.comparison.faultFlagged).map((r) => `${r.truth.file}: ${r.truth.fault!.type} (${r.truth.fault!.failedCheck ?? r.truth.fault!.diagnostic})`)).toEqual([]);
	});

	it('holds well-formed documents of each shape the extractor once misread', () => {
		for (const shape of SHAPES) expect(results.filter((r) => shape.matches(r.truth) && mustRecoverAll(r.truth)).length, shape.name).toBeGreaterThan(0);
	});
});

