/**
 * A large disclosure folder for benchmarks and profiling, made from the seeds: each copy names
 * another district and department, so every copy is a distinct document (own doc_id, own
 * metadata) with the same tables and arithmetic as its seed.
 *
 * Run directly to make one: `npx tsx scripts/lib/bench-corpus.ts OUT_DIR [MB]`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listDisclosures } from './extract-folder';

const DISTRICTS = ['九龙坡区', '江津区', '北碚区', '綦江区', '渝北区', '巴南区', '沙坪坝区', '南岸区', '大渡口区', '长寿区', '合川区', '永川区'];
const DEPARTMENTS = ['政务服务管理办公室', '人民政府办公室', '机关事务管理局', '统计局', '档案馆', '信访办公室', '民族宗教事务委员会', '审计局'];
// Words that make further department names once the plain ones are used up (城乡统计局, 数字档案馆 …).
const QUALIFIERS = ['城乡', '数字', '综合', '公共', '应急', '区域', '产业', '科技', '社会', '生态', '文化', '水利', '交通', '农业', '商务', '卫生'];

/** The department of the `i`-th unit: plain names first, then qualified, then doubly qualified. */
function departmentOf(i: number): string {
	const department = DEPARTMENTS[i % DEPARTMENTS.length] as string;
	const q = Math.floor(i / DEPARTMENTS.length);
	if (q === 0) return department;
	const first = QUALIFIERS[(q - 1) % QUALIFIERS.length] as string;
	const second = q > QUALIFIERS.length ? (QUALIFIERS[Math.floor((q - 1) / QUALIFIERS.length) % QUALIFIERS.length] as string) : '';
	return second + first + department;
}

/** Seed text with its district and department names swapped for the `copy`-th pair. */
export function variant(text: string, copy: number): string {
	const district = DISTRICTS[copy % DISTRICTS.length] as string;
	const unit = departmentOf(Math.floor(copy / DISTRICTS.length));
	let out = text;
	for (const d of DISTRICTS.slice(0, 4)) out = out.replaceAll(d, district);
	for (const d of DEPARTMENTS.slice(0, 2)) out = out.replaceAll(d, unit);
	return out;
}

export interface Corpus {
	dir: string;
	files: number;
	bytes: number;
}

/** Writes copies of every seed in `rawDir` into `outDir` until about `targetBytes` are written. */
export async function makeCorpus(rawDir: string, outDir: string, targetBytes: number): Promise<Corpus> {
	mkdirSync(outDir, { recursive: true });
	const seeds = (await listDisclosures(rawDir)).map((f) => ({ file: f, text: readFileSync(join(rawDir, f), 'utf8') }));
	let bytes = 0;
	let files = 0;
	for (let copy = 0; bytes < targetBytes; copy++) {
		for (const seed of seeds) {
			const data = Buffer.from(variant(seed.text, copy), 'utf8');
			writeFileSync(join(outDir, `${String(copy).padStart(5, '0')}_${seed.file}`), data);
			bytes += data.length;
			files++;
		}
	}
	return { dir: outDir, files, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const [out, mb] = process.argv.slice(2);
	if (!out) throw new Error('usage: tsx scripts/lib/bench-corpus.ts OUT_DIR [MB]');
	makeCorpus('data/raw', out, Number(mb ?? 50) * 2 ** 20).then((c) => console.log(`${c.files} files, ${(c.bytes / 2 ** 20).toFixed(1)} MB in ${c.dir}`));
}
