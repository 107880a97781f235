/**
 * `npm run generate:check -- --districts 38 --departments 40 --years 10 [--seed S] [--pdf-share …]
 * [--out DIR] [--keep]`: generates a corpus district by district, extracts each district's files
 * with the project's folder extraction (scripts/lib/extract-folder.ts), compares every document
 * with its truth and prints the recovery rate and the faults caught. Only counts are kept between
 * districts and each district's files are removed after (unless --keep), so memory and disk stay
 * flat in corpus size.
 */
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFolder } from './lib/extract-folder';
import { parseGenerateArgs } from './lib/generate/args';
import { compareDocument } from './lib/generate/compare';
import { closeStream, openTruth, writeDistricts } from './lib/generate/corpus';
import { launchPrinter } from './lib/generate/pdf';
import { addToTally, emptyTally, formatTally } from './lib/generate/tally';
import type { TruthRecord } from './lib/generate/truth';
import { readFile } from 'node:fs/promises';

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const args = parseGenerateArgs(argv, { out: join(tmpdir(), `budget-lens-check-${process.pid}`), districts: 38, departments: 40, years: 10 });
	const keep = argv.includes('--keep');
	const started = performance.now();
	const tally = emptyTally();
	let browser: Awaited<ReturnType<typeof launchPrinter>> | null = null;
	const printer = async () => (browser ??= await launchPrinter());
	try {
		for (let i = 0; i < args.districts; i++) {
			const dir = join(args.out, `district-${String(i + 1).padStart(2, '0')}`);
			const raw = join(dir, 'raw');
			await mkdir(dir, { recursive: true });
			const truthPath = join(dir, 'truth.jsonl');
			const stream = openTruth(truthPath);
			const written = await writeDistricts(args, [i], raw, stream, printer);
			await closeStream(stream);
			const truths = new Map<string, TruthRecord>();
			for (const line of (await readFile(truthPath, 'utf8')).split('\n')) {
				if (!line) continue;
				const t = JSON.parse(line) as TruthRecord;
				truths.set(t.file, t);
			}
			await extractFolder(raw, (_rows, doc) => {
				if (!doc) return;
				const t = truths.get(doc.document.source_file);
				if (!t) return;
				truths.delete(t.file);
				addToTally(tally, t, compareDocument(t, doc));
			});
			// A file the extractor gave nothing for still counts, as entirely missed.
			for (const t of truths.values()) addToTally(tally, t, compareDocument(t, null));
			if (!keep) await rm(dir, { recursive: true, force: true });
			const secs = ((performance.now() - started) / 1000).toFixed(0);
			console.log(`district ${i + 1}/${args.districts}: ${written.files} files (${written.pdfs} PDF); so far ${tally.recovered}/${tally.figures} figures, ${tally.wellFormedExact}/${tally.wellFormed} documents exact; ${secs} s`);
		}
	} finally {
		if (browser) await (browser as Awaited<ReturnType<typeof launchPrinter>>).close();
	}
	for (const line of formatTally(tally)) console.log(line);
	console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
