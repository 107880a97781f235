/**
 * data/raw/manifest.csv (optional): `file,district,department,year,kind` rows that override the
 * metadata the extractor infers, for a document whose title cannot be read.
 */
import type { DocumentMetadata } from './metadata';

export interface ManifestResult {
	entries: Map<string, Partial<DocumentMetadata>>;
	problems: { line: number; message: string }[];
}

const KIND: Record<string, 'budget' | 'final'> = { budget: 'budget', final: 'final', 预算: 'budget', 决算: 'final' };

/** Parses the manifest text; bad rows are reported with their line and skipped. */
export function parseManifest(text: string): ManifestResult {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim());
	const entries = new Map<string, Partial<DocumentMetadata>>();
	const problems: ManifestResult['problems'] = [];
	if (!header.includes('file')) return { entries, problems: [{ line: 1, message: 'manifest.csv 缺少 file 列 (missing header)' }] };
	lines.slice(1).forEach((raw, i) => {
		if (raw.trim() === '') return;
		const cells = splitCsvLine(raw);
		const get = (name: string) => cells[header.indexOf(name)]?.trim() || undefined;
		const year = get('year');
		const kind = get('kind');
		if ((year && !/^\d{4}$/.test(year)) || (kind && !KIND[kind])) {
			problems.push({ line: i + 2, message: `manifest.csv 第 ${i + 2} 行：年度或类型无效（year=${year ?? ''} kind=${kind ?? ''}）` });
			return;
		}
		entries.set(get('file') ?? '', {
			district: get('district'),
			department: get('department'),
			year: year ? Number(year) : undefined,
			kind: kind ? KIND[kind] : undefined
		} as Partial<DocumentMetadata>);
	});
	return { entries, problems };
}

function splitCsvLine(line: string): string[] {
	const out: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted && c === '"' && line[i + 1] === '"') (cell += '"'), i++;
		else if (c === '"') quoted = !quoted;
		else if (c === ',' && !quoted) out.push(cell), (cell = '');
		else cell += c;
	}
	out.push(cell);
	return out;
}
