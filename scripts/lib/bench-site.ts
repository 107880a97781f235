/**
 * The site `bench:app` measures when given a corpus: `--data DIR` (a folder of contract Parquet)
 * or `--docs N` (the seeds' extract replicated to N documents, bench-replicate.ts). The Parquet goes
 * to `<site>/static/data` and `vite build` runs with $BUDGET_LENS_SITE=<site> (svelte.config.js),
 * so build/, static/data and .svelte-kit are never touched; the site is `<site>/build`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PRE_AGGREGATED_NAMES, TABLES, TABLE_NAMES, specOf } from '../../src/lib/storage/schema';
import { CORPUS_FILE } from '../../src/lib/db/corpus-file';
import { corpusDbForDir } from './corpus-db';
import { replicateParquet } from './bench-replicate';

export interface BenchSite {
	/** The built site to serve. */
	buildDir: string;
	/** Where its Parquet came from, for the report. */
	source: string;
	documents: number;
	/** Bytes of the database file the browser loads (corpus.duckdb), and of all the Parquet files. */
	browserDataBytes: number;
	allParquetBytes: number;
	buildMs: number;
}

export interface BenchSiteOptions {
	repoRoot: string;
	/** A folder of contract Parquet files. */
	data?: string;
	/** Replicate the seeds' extract (`seedData`, default static/data) to this many documents. */
	docs?: number;
	seedData?: string;
}

const sizeOf = (dir: string, files: readonly string[]) => files.reduce((n, f) => n + (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0), 0);

/** Builds the site over the corpus asked for; null when neither `data` nor `docs` is given. */
export async function prepareBenchSite(opts: BenchSiteOptions): Promise<BenchSite | null> {
	if (!opts.data && !opts.docs) return null;
	const name = opts.docs ? `docs-${opts.docs}` : `data-${resolve(opts.data!).replace(/[^A-Za-z0-9]+/g, '-').slice(-60)}`;
	const site = resolve(opts.repoRoot, 'test-results', 'bench-site', name);
	const dataDir = join(site, 'static', 'data');
	rmSync(site, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	let source: string;
	if (opts.docs) {
		const seeds = resolve(opts.repoRoot, opts.seedData ?? 'static/data');
		if (!existsSync(join(seeds, TABLES.documents.file))) throw new Error(`bench:app: ${seeds} holds no extract: run \`npm run extract\` first`);
		const r = await replicateParquet(seeds, dataDir, opts.docs);
		source = `the seeds' extract replicated to ${r.documents} documents (scripts/lib/bench-replicate.ts)`;
	} else {
		const from = resolve(opts.data!);
		for (const f of readdirSync(from).filter((f) => f.endsWith('.parquet'))) copyFileSync(join(from, f), join(dataDir, f));
		source = `\`${opts.data}\``;
	}
	// the browser's database file, as the extractor writes it beside the Parquet
	await corpusDbForDir(dataDir);
	const started = Date.now();
	execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
		cwd: opts.repoRoot,
		env: { ...process.env, BUDGET_LENS_SITE: site },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const buildMs = Date.now() - started;
	const documents = await countDocuments(join(dataDir, TABLES.documents.file));
	return {
		buildDir: join(site, 'build'),
		source,
		documents,
		browserDataBytes: sizeOf(dataDir, [CORPUS_FILE]),
		allParquetBytes: sizeOf(dataDir, [...TABLE_NAMES, ...PRE_AGGREGATED_NAMES].map((t) => specOf(t).file)),
		buildMs
	};
}

async function countDocuments(file: string): Promise<number> {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const r = await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${file.replace(/'/g, "''")}')`);
		return Number(r.getRowObjectsJS()[0]?.n ?? 0);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/** The corpus figures of an already built site (the seeds' build/): its data/ folder. */
export async function seedSiteFigures(buildDir: string): Promise<Pick<BenchSite, 'documents' | 'browserDataBytes' | 'allParquetBytes'>> {
	const dataDir = join(buildDir, 'data');
	return {
		documents: await countDocuments(join(dataDir, TABLES.documents.file)),
		browserDataBytes: sizeOf(dataDir, [CORPUS_FILE]),
		allParquetBytes: sizeOf(dataDir, [...TABLE_NAMES, ...PRE_AGGREGATED_NAMES].map((t) => specOf(t).file))
	};
}
