/**
 * A corpus of N documents for `bench:app`, replicated from a folder of contract Parquet (the seeds'
 * extract): copy c of every document gets its own doc_id, a district and a department kind that
 * make it another unit, and, once every unit has a copy, years shifted back — so the views see
 * N documents of many units and years, each with its seed's tables and arithmetic. Native DuckDB
 * writes the files (every contract table; fewer than N when N is not a multiple of the seeds) in
 * the extractor's layout — by doc_id, ROW_GROUP_ROWS per row group — and the pre-aggregated tables.
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

/** Writes ⌈documents / seeds⌉ copies of every document in `dataDir` to `outDir`. */
export async function replicateParquet(dataDir: string, outDir: string, documents: number): Promise<Replicated> {
	await mkdir(outDir, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const seeds = await count(conn, join(dataDir, TABLES.documents.file));
		if (seeds === 0) throw new Error(`bench-replicate: ${dataDir} holds no document`);
		const copies = Math.max(1, Math.ceil(documents / seeds));
		const units = PLACES.length * UNIT_KINDS.length;
		// copy → place, unit kind, year shift; the map of old to new doc_id per copy
		await conn.run(`CREATE TABLE copies AS SELECT c,
			${list(PLACES)}[c % ${PLACES.length} + 1] AS place,
			${list(UNIT_KINDS)}[(c // ${PLACES.length}) % ${UNIT_KINDS.length} + 1] AS unit_kind,
			(c // ${units}) * 6 AS year_back
			FROM range(${copies}) r(c)`);
		await conn.run(`CREATE TABLE seed_docs AS SELECT * FROM read_parquet(${sqlLiteral(join(dataDir, TABLES.documents.file))})`);
		await conn.run(`CREATE TABLE ids AS SELECT d.doc_id AS seed_id, k.c,
			CASE WHEN k.c = 0 THEN d.doc_id ELSE substr(md5(d.doc_id || ':' || k.c), 1, length(d.doc_id)) END AS doc_id
			FROM seed_docs d CROSS JOIN copies k`);
		const rows: Record<string, number> = {};
		for (const name of TABLE_NAMES) {
			const spec = TABLES[name];
			const file = join(dataDir, spec.file);
			const target = join(outDir, spec.file);
			let select: string;
			if (name === 'documents') {
				// the copy's place and unit replace the seed's in district, department and title
				const swap = (col: string) => `replace(replace(d.${col}, coalesce(d.district, chr(1)), k.place), coalesce(d.department_kind, chr(1)), k.unit_kind)`;
				select = `SELECT d.* REPLACE (i.doc_id AS doc_id,
						CASE WHEN d.district IS NULL THEN NULL ELSE k.place END AS district,
						${swap('department')} AS department, ${swap('title')} AS title,
						CASE WHEN d.department_kind IS NULL THEN NULL ELSE k.unit_kind END AS department_kind,
						d.year - k.year_back AS year)
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
