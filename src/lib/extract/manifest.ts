/**
 * data/raw/manifest.csv (optional): `file,district,department,year,kind` rows that override the
 * metadata the extractor infers, for a document whose title cannot be read.
 */
import { decodeDisclosure } from './decode';
import type { DocumentMetadata } from './metadata';

export interface ManifestResult {
	entries: Map<string, Partial<DocumentMetadata>>;
	/** The line of each file's row (1-based), to name it in what is said later (a file not in the folder). */
	lines: Map<string, number>;
	problems: { line: number; message: string }[];
}

const KIND: Record<string, 'budget' | 'final'> = { budget: 'budget', final: 'final', 预算: 'budget', 决算: 'final' };

/**
 * Parses the manifest text — comma-separated, or tab-separated as Excel saves "Unicode text"; bad
 * rows are reported with their line and skipped (a file named twice: the first row stands).
 */
export function parseManifest(text: string): ManifestResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const first = lines[0] ?? '';
	const separator = first.includes('\t') && !first.includes(',') ? '\t' : ',';
	const header = splitCsvLine(first, separator).map((h) => h.trim());
	const entries = new Map<string, Partial<DocumentMetadata>>();
	const lineOf = new Map<string, number>();
	const problems: ManifestResult['problems'] = [];
	if (!header.includes('file')) return { entries, lines: lineOf, problems: [{ line: 1, message: 'manifest.csv 缺少 file 列 (missing header)' }] };
	lines.slice(1).forEach((raw, i) => {
		if (raw.trim() === '') return;
		const line = i + 2;
		const cells = splitCsvLine(raw, separator);
		const get = (name: string) => cells[header.indexOf(name)]?.trim() || undefined;
		const file = get('file');
		const year = get('year');
		const kind = get('kind');
		if (file === undefined) return void problems.push({ line, message: `manifest.csv 第 ${line} 行：没有文件名，此行未用 (no file)` });
		const earlier = lineOf.get(file);
		if (earlier !== undefined) return void problems.push({ line, message: `manifest.csv 第 ${line} 行：文件 ${file} 已在第 ${earlier} 行给出，此行未用 (file named twice)` });
		if ((year && !/^\d{4}$/.test(year)) || (kind && !KIND[kind])) {
			problems.push({ line, message: `manifest.csv 第 ${line} 行：年度或类型无效（year=${year ?? ''} kind=${kind ?? ''}）` });
			return;
		}
		lineOf.set(file, line);
		entries.set(file, {
			district: get('district'),
			department: get('department'),
			year: year ? Number(year) : undefined,
			kind: kind ? KIND[kind] : undefined
		} as Partial<DocumentMetadata>);
	});
	return { entries, lines: lineOf, problems };
}

/**
 * Decodes and parses the manifest's bytes, in any encoding a disclosure may come in (Excel saves CSV
 * as GB18030 on a Chinese Windows: read as UTF-8, its names would be garbled); throws ExtractError
 * when they are not text.
 */
export function parseManifestBytes(bytes: Uint8Array): ManifestResult {
	return parseManifest(decodeDisclosure('manifest.csv', bytes).text);
}

function splitCsvLine(line: string, separator: string): string[] {
	const out: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted && c === '"' && line[i + 1] === '"') (cell += '"'), i++;
		else if (c === '"') quoted = !quoted;
		else if (c === separator && !quoted) out.push(cell), (cell = '');
		else cell += c;
	}
	out.push(cell);
	return out;
}
