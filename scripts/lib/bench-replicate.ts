/**
 * A corpus of N documents for `bench:app`, replicated from a folder of contract Parquet (the seeds'
 * extract), in the shape the issue measured: Chongqing's 38 districts × 40 departments, then 预算 and
 * 决算, then years back from the seeds' latest — 30,000 documents are 10 years of both kinds for every
 * unit. Each slot (unit, kind, year) is a copy of a seed document of that kind, with its own doc_id,
 * the unit's district and department and the slot's year, so the views see N documents of many units
 * and years, each with its seed's tables and arithmetic, and no unit has two disclosures of a kind
 * and year. Native DuckDB writes the files (every contract table) in the extractor's layout — by
 * doc_id, ROW_GROUP_ROWS per row group — and the pre-aggregated tables.
 *
 *   npx tsx scripts/lib/bench-replicate.ts --data static/data --docs 3000 --out DIR
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, TABLE_NAMES } from '../../src/lib/storage/schema';
import { ROW_GROUP_ROWS } from './parquet-write';
import { preAggregateDir } from './pre-aggregate';
import { sqlLiteral } from './sql-text';

/** Chongqing's 38 districts and counties: the place names a copy takes, in turn. */
export const PLACES = [
	'万州区', '涪陵区', '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '綦江区',
	'大足区', '渝北区', '巴南区', '黔江区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区',
	'铜梁区', '潼南区', '荣昌区', '开州区', '梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县',
	'云阳县', '奉节县', '巫山县', '巫溪县', '石柱土家族自治县', '秀山土家族苗族自治县', '酉阳土家族苗族自治县', '彭水苗族土家族自治县'
];

/** Department kinds a copy takes (with a numbered qualifier once they are used up). */
export const UNIT_KINDS = [
	'政务服务管理办公室', '人民政府办公室', '机关事务管理局', '统计局', '档案馆', '信访办公室', '民族宗教事务委员会', '审计局',
	'财政局', '教育委员会', '科学技术局', '司法局', '民政局', '人力资源和社会保障局', '规划和自然资源局', '生态环境局',
	'住房和城乡建设委员会', '交通局', '水利局', '农业农村委员会', '商务委员会', '文化和旅游发展委员会', '卫生健康委员会', '应急管理局',
	'市场监督管理局', '体育局', '医疗保障局', '林业局', '城市管理局', '退役军人事务局', '发展和改革委员会', '经济和信息化委员会',
	'公安局', '消防救援支队', '供销合作社', '残疾人联合会', '妇女联合会', '共青团委员会', '工商业联合会', '科学技术协会'
];

export interface Replicated {
	dir: string;
	documents: number;
	/** Rows per table. */
	rows: Record<string, number>;
}

const list = (values: readonly string[]) => `[${values.map(sqlLiteral).join(', ')}]`;

async function count(conn: DuckDBConnection, file: string): Promise<number> {
	const r = await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${sqlLiteral(file)})`);
	return Number(r.getRowObjectsJS()[0]?.n ?? 0);
}

/** Writes `documents` copies of the documents in `dataDir` to `outDir`, one per slot (unit, kind, year). */
export async function replicateParquet(dataDir: string, outDir: string, documents: number): Promise<Replicated> {
	await mkdir(outDir, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const seeds = await count(conn, join(dataDir, TABLES.documents.file));
		if (seeds === 0) throw new Error(`bench-replicate: ${dataDir} holds no document`);
		const units = PLACES.length * UNIT_KINDS.length;
		await conn.run(`CREATE TABLE seed_docs AS SELECT * FROM read_parquet(${sqlLiteral(join(dataDir, TABLES.documents.file))})`);
		// the seeds of each kind, numbered; the kinds the seeds have, numbered (预算 before 决算)
		await conn.run(`CREATE TABLE seed_of_kind AS SELECT doc_id, kind, year,
			row_number() OVER (PARTITION BY kind ORDER BY doc_id) - 1 AS i, count(*) OVER (PARTITION BY kind) AS n
			FROM seed_docs`);
		await conn.run(`CREATE TABLE kinds AS SELECT kind, row_number() OVER (ORDER BY kind) - 1 AS k, count(*) OVER () AS n
			FROM (SELECT DISTINCT kind FROM seed_docs)`);
		// slot s → unit (place, department kind), then kind, then years back from the latest seed year
		await conn.run(`CREATE TABLE copies AS SELECT s AS c, s % ${units} AS u,
			${list(PLACES)}[s % ${PLACES.length} + 1] AS place,
			${list(UNIT_KINDS)}[(s // ${PLACES.length}) % ${UNIT_KINDS.length} + 1] AS unit_kind,
			(s // ${units}) % (SELECT any_value(n) FROM kinds) AS k,
			(SELECT max(year) FROM seed_docs) - (s // ${units}) // (SELECT any_value(n) FROM kinds) AS year
			FROM range(${Math.max(1, Math.floor(documents))}) r(s)`);
		// each slot's seed: one of its kind, turning with unit and year; the first copy of a seed keeps its doc_id
		await conn.run(`CREATE TABLE ids AS SELECT seed_id, c,
			CASE WHEN c = min(c) OVER (PARTITION BY seed_id) THEN seed_id ELSE substr(md5(seed_id || ':' || c), 1, length(seed_id)) END AS doc_id
			FROM (SELECT sk.doc_id AS seed_id, k.c
				FROM copies k JOIN kinds USING (k) JOIN seed_of_kind sk ON sk.kind = kinds.kind AND sk.i = (k.u + k.year) % sk.n)`);
		const rows: Record<string, number> = {};
		for (const name of TABLE_NAMES) {
			const spec = TABLES[name];
			const file = join(dataDir, spec.file);
			const target = join(outDir, spec.file);
			let select: string;
			if (name === 'documents') {
				// the slot's place and unit replace the seed's in district, department and title, its year the seed's
				const swap = (col: string) => `replace(replace(d.${col}, coalesce(d.district, chr(1)), k.place), coalesce(d.department_kind, chr(1)), k.unit_kind)`;
				select = `SELECT d.* REPLACE (i.doc_id AS doc_id,
						CASE WHEN d.district IS NULL THEN NULL ELSE k.place END AS district,
						-- the unit's name ends at its kind: a seed's （本级） would make a second unit of it
						CASE WHEN d.department_kind IS NULL THEN ${swap('department')}
							ELSE left(${swap('department')}, strpos(${swap('department')}, k.unit_kind) + length(k.unit_kind) - 1) END AS department,
						replace(${swap('title')}, d.year || '年', k.year || '年') AS title,
						CASE WHEN d.department_kind IS NULL THEN NULL ELSE k.unit_kind END AS department_kind,
						k.year AS year)
					FROM seed_docs d JOIN ids i ON i.seed_id = d.doc_id JOIN copies k ON k.c = i.c
					ORDER BY i.doc_id`;
			} else {
				// the extractor's layout: by doc_id, a document's rows in their file order
				select = `SELECT t.* EXCLUDE (file_row_number) REPLACE (i.doc_id AS doc_id)
					FROM read_parquet(${sqlLiteral(file)}, file_row_number = true) t JOIN ids i ON i.seed_id = t.doc_id
					ORDER BY i.doc_id NULLS LAST, t.file_row_number`;
			}
			await conn.run(`COPY (${select}) TO ${sqlLiteral(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`);
			rows[name] = await count(conn, target);
		}
		// what the extractor's writer adds: the pre-aggregated tables of these documents
		await preAggregateDir(outDir, ROW_GROUP_ROWS);
		return { dir: outDir, documents: rows.documents ?? 0, rows };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { values } = parseArgs({ options: { data: { type: 'string', default: 'static/data' }, docs: { type: 'string' }, out: { type: 'string' } } });
	if (!values.docs || !values.out) throw new Error('usage: tsx scripts/lib/bench-replicate.ts --data static/data --docs N --out DIR');
	const r = await replicateParquet(resolve(values.data!), resolve(values.out), Number(values.docs));
	console.log(`${r.documents} documents in ${r.dir}: ${Object.entries(r.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);
}
