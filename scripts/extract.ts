/**
 * `npm run extract [-- --in DIR --out DIR]`: every disclosure in data/raw → the Parquet tables of
 * the data contract in static/data. Prints one line per document, the problems found, and a total.
 * Exits non-zero only when an input could not be read at all.
 */
import { performance } from 'node:perf_hooks';
import { formatDiagnostic, type Diagnostic, type ExtractedDocument } from '../src/lib/extract/index';
import { sourceRef } from '../src/lib/extract/source';
import { extractFolder, type FolderResult } from './lib/extract-folder';
import { writeParquetTables } from './lib/parquet-write';

const KIND_LABEL = { budget: '预算', final: '决算' } as const;

function parseArgs(argv: string[]): { inDir: string; outDir: string; quiet: boolean } {
	const get = (flag: string, fallback: string) => {
		const i = argv.indexOf(flag);
		return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
	};
	return { inDir: get('--in', 'data/raw'), outDir: get('--out', 'static/data'), quiet: argv.includes('--quiet') };
}

function report(result: FolderResult, quiet: boolean): void {
	for (const doc of result.documents) {
		const d = doc.document;
		const failed = doc.checks.filter((c) => !c.ok).length;
		console.log(
			`${d.source_file}: ${d.district ?? '?'} | ${d.department ?? '?'} | ${d.year ?? '?'} | ${d.kind ? KIND_LABEL[d.kind] : '?'} | ` +
				`功能分类 ${doc.functionRows.length} 行, 经济分类 ${doc.economicRows.length} 行, 三公 ${doc.threePublic.length} 行, 汇总 ${doc.summary.length} 项 | ` +
				`核对 ${doc.checks.length - failed} 通过, ${failed} 未通过`
		);
		if (quiet) continue;
		for (const diag of doc.diagnostics.filter((x) => x.severity !== 'info')) console.log(`  ${located(doc, diag)}`);
	}
	for (const w of result.warnings) console.log(`warning: ${w}`);
	for (const f of result.failures) console.error(`error: ${f.message}`);
}

/**
 * A diagnostic as printed, at its place in the original file: for a disclosure read from two
 * files the file the line is in, for a PDF its page (`file:p3:12`).
 */
function located(doc: ExtractedDocument, diag: Diagnostic): string {
	if (diag.line === null || !doc.pagedLines) return formatDiagnostic(doc.document.source_file, diag);
	const ref = sourceRef(doc.pagedLines, diag.line);
	const file = ref.file ?? doc.document.source_file;
	return formatDiagnostic(ref.page === null ? file : `${file}:p${ref.page}`, { ...diag, line: ref.line });
}

async function main(): Promise<number> {
	const { inDir, outDir, quiet } = parseArgs(process.argv.slice(2));
	const started = performance.now();
	const result = await extractFolder(inDir);
	report(result, quiet);
	await writeParquetTables(outDir, result.rows);
	const checks = result.rows.checks;
	const failed = checks.filter((c) => c.ok === false).length;
	const ms = Math.round(performance.now() - started);
	console.log(
		`total: ${result.documents.length} documents extracted, ${result.failures.length} files failed; ` +
			`checks ${checks.length - failed} passed, ${failed} failed; written to ${outDir} in ${ms} ms`
	);
	return result.failures.some((f) => f.unreadable) ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`extract: fatal: ${error instanceof Error ? error.stack : String(error)}`);
		process.exit(2);
	}
);
