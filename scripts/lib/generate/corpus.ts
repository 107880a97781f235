/**
 * A corpus: districts × department kinds × years × {预算, 决算}, written file by file as it is made
 * (texts at once, PDFs typeset in batches with one browser), with truth.jsonl beside them. Each
 * unit's documents come from their own PRNG stream, so a corpus can also be made one district at a
 * time (generate:check does) and the files are the same.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { generateDoc, type GeneratedDoc, type Shares } from './document';
import { CHONGQING_DISTRICTS, DEPARTMENT_KINDS, unitName } from './places';
import { launchPrinter, printAll } from './pdf';
import { subRng } from './prng';
import { unitYears } from './series';
import type { TruthRecord } from './truth';

export interface CorpusOptions {
	districts: number;
	departments: number;
	years: number;
	/** The last year generated (the first is lastYear - years + 1). */
	lastYear: number;
	seed: number;
	shares: Shares;
}

export const DEFAULT_SHARES: Shares = { pdf: 0.1, html: 0.03, fault: 0.05, narrative: 0.08 };

export function corpusYears(o: Pick<CorpusOptions, 'years' | 'lastYear'>): number[] {
	return Array.from({ length: o.years }, (_, i) => o.lastYear - o.years + 1 + i);
}

/** Every document of one district, in a fixed order (department kind, year, budget then final). */
export function* districtDocuments(o: CorpusOptions, districtIndex: number): Generator<GeneratedDoc> {
	const district = CHONGQING_DISTRICTS[districtIndex];
	const years = corpusYears(o);
	for (const kind of DEPARTMENT_KINDS.slice(0, o.departments)) {
		const unit = unitName(district, kind);
		for (const uy of unitYears(o.seed, district, kind, years)) {
			for (const docKind of ['budget', 'final'] as const) {
				const rng = subRng(o.seed, `${district}|${kind.name}|${uy.year}|${docKind}|doc`);
				const figures = docKind === 'budget' ? uy.budget : uy.final;
				const prior = docKind === 'budget' ? uy.priorBudget : uy.priorFinal;
				yield generateDoc(rng, { district, districtIndex, kind, unit, year: uy.year, docKind, figures, prior }, o.shares);
			}
		}
	}
}

export interface WriteSummary {
	files: number;
	pdfs: number;
	faults: number;
	bytes: number;
}

/** Writes the documents of the given districts into `dir` and their truth to `truth` (a stream or a file path). */
export async function writeDistricts(o: CorpusOptions, districtIndexes: readonly number[], dir: string, truth: WriteStream, printer?: () => Promise<Browser>): Promise<WriteSummary> {
	await mkdir(dir, { recursive: true });
	const summary: WriteSummary = { files: 0, pdfs: 0, faults: 0, bytes: 0 };
	let pending: GeneratedDoc[] = [];
	let browser: Browser | null = null;
	const flushPdfs = async () => {
		if (pending.length === 0) return;
		browser ??= await (printer ?? launchPrinter)();
		const batch = pending;
		pending = [];
		await printAll(
			browser,
			batch.map((doc) => ({
				html: doc.content,
				done: async (pdf: Uint8Array) => {
					await writeFile(join(dir, doc.file), pdf);
					summary.bytes += pdf.byteLength;
					writeTruth(truth, doc.truth);
				}
			}))
		);
	};
	try {
		for (const i of districtIndexes) {
			for (const doc of districtDocuments(o, i)) {
				summary.files++;
				if (doc.truth.fault) summary.faults++;
				if (doc.pdf) {
					summary.pdfs++;
					pending.push(doc);
					if (pending.length >= 16) await flushPdfs();
					continue;
				}
				const bytes = Buffer.from(doc.content, 'utf8');
				await writeFile(join(dir, doc.file), bytes);
				summary.bytes += bytes.byteLength;
				writeTruth(truth, doc.truth);
			}
		}
		await flushPdfs();
	} finally {
		if (browser && !printer) await (browser as Browser).close();
	}
	return summary;
}

function writeTruth(stream: WriteStream, record: TruthRecord): void {
	stream.write(JSON.stringify(record) + '\n');
}

export function openTruth(path: string): WriteStream {
	return createWriteStream(path, { encoding: 'utf8' });
}

export async function closeStream(stream: WriteStream): Promise<void> {
	await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
