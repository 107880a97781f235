/**
 * What a folder's extraction keeps until the end is kept on disk (scripts/lib/folder-spill.ts): the
 * first pass's outcomes until the plan, and the corpus check's facts, checked one bucket of units at
 * a time — with the same checks as the corpus in memory, batch by batch, and nothing left behind.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factsLine, HeldFacts, HeldSpill, openFolderSpill, SpilledNarrativeCorpus } from '../../../scripts/lib/folder-spill';
import { extractFolderPacked } from '../../../scripts/lib/extract-folder';
import { NarrativeCorpus, type DocumentFacts } from '../../../src/lib/extract/narrative-corpus';
import type { ContractRows } from '../../../src/lib/extract/index';

/** One document's facts: it prints `project` for its year, and its prose implies last year's. */
function facts(district: string, unit: string, year: number, printed: number, impliedPrior: number, docId = `${district}-${unit}-${year}`): DocumentFacts {
	return {
		printed: [{ key: `${district}|${unit}|${year}|budget`, docId, file: `${docId}.txt`, measures: ['project'], values: [printed] }],
		derived: [{ docId, measure: 'project', relation: 'prior_year', figureYear: year - 1, figureKind: 'budget', value: impliedPrior, line: 7, page: null, file: `${docId}.txt` }],
		units: [{ docId, district, unit }]
	};
}

/** Six units over four years; every third implied figure off by one. */
function corpusFacts(): DocumentFacts[] {
	const all: DocumentFacts[] = [];
	for (const district of ['渝中区', '万州区', '大足区'])
		for (const unit of ['教育委员会', '财政局'])
			for (let year = 2020; year < 2024; year++) all.push(facts(district, unit, year, 100 + year, 100 + year - 1 + (all.length % 3 === 0 ? 1 : 0)));
	return all;
}

/** A fresh temporary folder for each test of the describe it is called in (removed after): its getter. */
function tempFolderEachTest(): () => string {
	let dir = '';
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'folder-spill-test-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));
	return () => dir;
}

const checkKey = (c: ContractRows['checks'][number]) => `${c.doc_id} ${c.rule} ${c.expected} ${c.actual} ${c.ok}`;

describe('SpilledNarrativeCorpus', () => {
	const dir = tempFolderEachTest();

	it('gives the checks the corpus in memory gives, split over many buckets', () => {
		const inMemory = new NarrativeCorpus();
		// as many buckets as 60,000 documents get (the most there are) for 24 documents: most units in a bucket of their own
		const spilled = new SpilledNarrativeCorpus(dir(), 60_000);
		for (const f of corpusFacts()) {
			inMemory.addFacts(f);
			spilled.add(factsLine(f));
		}
		const expected = [...inMemory.checkBatches()].flatMap((b) => b.checks);
		const got = [...spilled.checkBatches()].flatMap((b) => b.checks);
		spilled.close();
		// 6 units × 3 later years; 2020's prior year is not in the corpus
		expect(expected).toHaveLength(18);
		expect(expected.filter((c) => !c.ok).length).toBeGreaterThan(0);
		expect(got.map(checkKey).sort()).toEqual(expected.map(checkKey).sort());
	});

	it('gives the same checks for facts held meanwhile (HeldFacts) as for facts added at once', () => {
		const [directDir, heldDir] = ['direct', 'held'].map((name) => mkdirSync(join(dir(), name), { recursive: true }) as string);
		const direct = new SpilledNarrativeCorpus(directDir as string, 60_000);
		const viaHeld = new SpilledNarrativeCorpus(heldDir as string, 60_000);
		const held = new HeldFacts(heldDir as string);
		// put in one order (a folder's first pass), added in another (its plan's), some never added (revoked)
		const all = corpusFacts();
		const refs = all.map((f) => held.put(factsLine(f)));
		const kept = all.map((_, i) => i).filter((i) => i % 5 !== 4);
		for (const i of [...kept].reverse()) {
			direct.add(factsLine(all[i] as DocumentFacts));
			viaHeld.addHeld(refs[i]!, held);
		}
		const expected = [...direct.checkBatches()].flatMap((b) => b.checks);
		const got = [...viaHeld.checkBatches()].flatMap((b) => b.checks);
		direct.close();
		viaHeld.close();
		held.close();
		expect(expected.length).toBeGreaterThan(0);
		expect(got).toEqual(expected);
	});

	it('counts the first document of a unit, year and kind, as the corpus in memory does', () => {
		const spilled = new SpilledNarrativeCorpus(dir(), 60_000);
		spilled.add(factsLine(facts('渝中区', '财政局', 2023, 500, 0, 'first-2023')));
		spilled.add(factsLine(facts('渝中区', '财政局', 2023, 999, 0, 'second-2023')));
		spilled.add(factsLine(facts('渝中区', '财政局', 2024, 600, 500, 'only-2024')));
		const checks = [...spilled.checkBatches()].flatMap((b) => b.checks).filter((c) => c.doc_id === 'only-2024');
		spilled.close();
		expect(checks).toMatchObject([{ expected: 500, actual: 500, ok: true }]);
		expect(checks[0]?.detail).toContain('first-2023.txt');
	});
});

describe('NarrativeCorpus.checkBatches', () => {
	it('gives the checks and their diagnostics in batches of at most the size asked for', () => {
		const corpus = new NarrativeCorpus();
		for (const f of corpusFacts()) corpus.addFacts(f);
		const all = [...corpus.checkBatches()];
		const batches = [...corpus.checkBatches(4)];
		expect(batches.map((b) => b.checks.length)).toEqual([4, 4, 4, 4, 2]);
		expect(batches.flatMap((b) => b.checks)).toEqual(all.flatMap((b) => b.checks));
		// a failed check's warning comes in the batch of its check
		for (const b of batches) expect(b.diagnostics.map((d) => d.doc_id)).toEqual(b.checks.filter((c) => !c.ok).map((c) => c.doc_id));
	});
});

describe('HeldSpill', () => {
	const dir = tempFolderEachTest();

	it('gives back what was put, once, and the rest in the order put', () => {
		const held = new HeldSpill<{ n: number; text: string }>(dir());
		for (let n = 0; n < 5000; n++) held.put(`f${n}.txt`, { n, text: `第${n}号 “三公”经费` });
		expect(held.take('f4321.txt')).toEqual({ n: 4321, text: '第4321号 “三公”经费' });
		expect(held.take('f4321.txt')).toBeUndefined();
		expect(held.take('nowhere.txt')).toBeUndefined();
		held.put('late.txt', { n: -1, text: '' });
		const rest = [...held.takeAll()];
		held.close();
		expect(rest).toHaveLength(5000);
		expect(rest.slice(4319, 4321).map((r) => r.n)).toEqual([4319, 4320]);
		expect(rest[4321]?.n).toBe(4322);
		expect(rest.at(-1)).toEqual({ n: -1, text: '' });
	});
});

describe('openFolderSpill', () => {
	it('makes one folder in the one given, and its close removes it with all that was spilled', () => {
		const parent = mkdtempSync(join(tmpdir(), 'folder-spill-parent-'));
		try {
			const spill = openFolderSpill<{ n: number }>(5000, parent);
			spill.held.put('a.txt', { n: 1 });
			spill.corpus.add(factsLine(facts('渝中区', '财政局', 2023, 1, 0)));
			expect(readdirSync(parent)).toHaveLength(1);
			expect(readdirSync(join(parent, readdirSync(parent)[0] as string)).length).toBeGreaterThan(1);
			spill.close();
			expect(readdirSync(parent)).toEqual([]);
		} finally {
			rmSync(parent, { recursive: true, force: true });
		}
	});
});

describe('a folder run leaves no spill behind', () => {
	const DIR = join(import.meta.dirname, '../../fixtures/narrative-years/raw');
	let tmp: string;
	let saved: string | undefined;
	beforeEach(() => {
		tmp = mkdtempSync(join(tmpdir(), 'spill-test-'));
		saved = process.env.TMPDIR;
		process.env.TMPDIR = tmp;
	});
	afterEach(() => {
		if (saved === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = saved;
		rmSync(tmp, { recursive: true, force: true });
	});

	it('when it ends, and when a handler throws', async () => {
		const checks: string[] = [];
		await extractFolderPacked(DIR, { rows: (rows) => void ('checks' in rows && checks.push(...rows.checks.map((c) => c.rule as string))), revoke: () => {}, document: () => {} });
		expect(checks.some((rule) => rule.startsWith('narrative_derived.figure:'))).toBe(true);
		expect(readdirSync(tmp)).toEqual([]);
		const failing = extractFolderPacked(DIR, {
			rows: () => {},
			revoke: () => {},
			document: () => {
				throw new Error('stop');
			}
		});
		await expect(failing).rejects.toThrow('stop');
		expect(readdirSync(tmp)).toEqual([]);
	});

	it('in the folder it is given (the CLI gives its output folder), and not in the temporary one', async () => {
		const given = mkdtempSync(join(tmp, 'out-'));
		const seen = new Set<string>();
		await extractFolderPacked(DIR, { rows: () => {}, revoke: () => {}, document: () => readdirSync(given).forEach((f) => seen.add(f)) }, { spillDir: given });
		expect([...seen]).toHaveLength(1);
		expect([...seen][0]).toMatch(/^\.budget-lens-spill-/);
		expect(readdirSync(given)).toEqual([]);
		expect(readdirSync(tmp)).toEqual([basename(given)]);
	});
});
