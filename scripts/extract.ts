/**
 * `npm run extract [-- --in DIR|FILE --out DIR --jobs N]`: every disclosure in data/raw (or the one
 * file given) → the Parquet tables of the data contract in static/data. Prints a progress line every few seconds while files
 * are read and extracted, then one line per document (in file-name order, however many workers ran:
 * once every file is read, the folder's plan says which documents are kept), the problems found, and
 * a total; with `--quiet`, only the progress lines and the total. Exits non-zero only when an input
 * could not be read at all. `--jobs N` runs N worker threads (0: none); by default a large folder
 * uses one per core (64 files or more; the main thread's own work is light), a small one none (starting
 * workers would cost more than they save).
 */
import { performance } from 'node:perf_hooks';
import type { DocumentReport } from './lib/document-report';
import { extractFolderPacked, type FolderOptions, type FolderResult } from './lib/extract-folder';
import { ensureFolder, inputKind, PathError } from './lib/cli-paths';
import { exitCleanlyOnSignals, removeStaleTemporaries } from './lib/interrupt-cleanup';
import { openParquetSink } from './lib/parquet-write';
import { Progress } from './lib/progress';

const KIND_LABEL = { budget: '预算', final: '决算' } as const;
const ABOVE_DISTRICT = { city: '（市级）', province: '（省级）' } as const;

interface Args {
	inDir: string;
	outDir: string;
	quiet: boolean;
	jobs: FolderOptions['jobs'];
}

function parseArgs(argv: string[]): Args {
	const get = (flag: string, fallback: string) => {
		const i = argv.indexOf(flag);
		return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
	};
	const jobs = get('--jobs', 'auto');
	if (jobs !== 'auto' && !/^\d+$/.test(jobs)) throw new Error(`--jobs takes a number of worker threads (0 for none), not "${jobs}"`);
	return { inDir: get('--in', 'data/raw'), outDir: get('--out', 'static/data'), quiet: argv.includes('--quiet'), jobs: jobs === 'auto' ? 'auto' : Number(jobs) };
}

/** One line per document as it is extracted, then its problems. */
function reportDocument(report: DocumentReport): void {
	const d = report.document;
	const { rows, checks } = report;
	console.log(
		`${d.source_file}: ${placeOf(d)} | ${d.department ?? '?'} | ${d.year ?? '?'} | ${d.kind ? KIND_LABEL[d.kind] : '?'} | ` +
			`功能分类 ${rows.function} 行, 经济分类 ${rows.economic} 行, 三公 ${rows.threePublic} 行, 汇总 ${rows.summary} 项 | ` +
			`核对 ${checks.passed} 通过, ${checks.failed} 未通过`
	);
	for (const problem of report.problems) console.log(`  ${problem}`);
}

/** The district, or for a city or province unit its level: it has no district to name. */
function placeOf(d: DocumentReport['document']): string {
	if (d.district) return d.district;
	return d.level === 'city' || d.level === 'province' ? ABOVE_DISTRICT[d.level] : '?';
}

function reportFolder(result: FolderResult): void {
	for (const w of result.warnings) console.log(`warning: ${w}`);
	for (const f of result.failures) console.error(`error: ${f.message}`);
}

async function main(): Promise<number> {
	const { inDir, outDir, quiet, jobs } = parseArgs(process.argv.slice(2));
	// Ctrl-C or kill: the temporary files go, the Parquet in place stays as it was (interrupt-cleanup.ts).
	exitCleanlyOnSignals((signal, written) =>
		console.error(`extract: 已中断 (${signal})：临时文件已删除，${written ? `${outDir} 已写完本次结果` : `${outDir} 中原有文件未改动`} (interrupted)`)
	);
	const started = performance.now();
	const progress = new Progress(started);
	// Rows go to the Parquet writer document by document; files are renamed into place at close.
	// Paths first: a wrong one is said before anything is written.
	await inputKind(inDir);
	await ensureFolder(outDir);
	const stale = removeStaleTemporaries(outDir);
	if (stale.length > 0) console.log(`removed ${stale.length} temporary files left in ${outDir} by runs that did not finish`);
	const sink = await openParquetSink(outDir, { warn: (message) => console.log(`warning: ${message}`) });
	let result: FolderResult;
	try {
		result = await extractFolderPacked(
			inDir,
			{
				rows: (rows) => sink.append(rows),
				revoke: (docIds) => sink.revoke(docIds),
				// Quiet: no line per document.
				document: quiet ? () => {} : reportDocument,
				extracted: () => {
					const line = progress.tick(performance.now());
					if (line) console.log(line);
				}
			},
			// What waits for the folder's plan is kept beside the output (not in /tmp, which may be memory).
			{ jobs, spillDir: outDir, exclude: [outDir] }
		);
	} catch (error) {
		await sink.abort();
		throw error;
	}
	reportFolder(result);
	await sink.close();
	const { passed, failed } = result.checks;
	const ms = Math.round(performance.now() - started);
	console.log(
		`total: ${result.documents} documents extracted, ${result.failures.length} files failed; ` +
			`checks ${passed} passed, ${failed} failed; written to ${outDir} in ${ms} ms`
	);
	return result.failures.some((f) => f.unreadable) ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		if (error instanceof PathError) console.error(`extract: ${error.message}`);
		else console.error(`extract: fatal: ${error instanceof Error ? error.stack : String(error)}`);
		process.exit(2);
	}
);
