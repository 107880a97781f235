/**
 * `npm run generate -- --districts N --departments M --years Y --out DIR [--seed S] [--pdf-share 0.1]
 * [--html-share 0.03] [--fault-share 0.05] [--narrative-share 0.08] [--last-year 2025]`: realistic
 * Chongqing disclosures (预算 and 决算, text layouts, PDFs, saved web pages) into DIR/raw/ with
 * DIR/truth.jsonl beside them — every figure each file must yield and each planted fault. Same seed, same bytes.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseGenerateArgs } from './lib/generate/args';
import { closeStream, openTruth, writeDistricts } from './lib/generate/corpus';

async function main(): Promise<void> {
	const args = parseGenerateArgs(process.argv.slice(2));
	const started = performance.now();
	await mkdir(args.out, { recursive: true });
	const truth = openTruth(join(args.out, 'truth.jsonl'));
	const districts = Array.from({ length: args.districts }, (_, i) => i);
	const s = await writeDistricts(args, districts, join(args.out, 'raw'), truth);
	await closeStream(truth);
	const secs = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`generate: ${s.files} files (${s.pdfs} PDF, ${s.faults} with a planted fault), ${(s.bytes / 1e6).toFixed(1)} MB in ${join(args.out, 'raw')}, ` +
			`truth in ${join(args.out, 'truth.jsonl')}, ${secs} s (extract with: npm run extract -- --in ${join(args.out, 'raw')} --out DIR)`
	);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
