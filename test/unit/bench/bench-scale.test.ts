import { describe, expect, it } from 'vitest';
import { SCALE_HEADERS, parseScaleRows, scaleSectionBody, sectionText, upsertScaleRow } from '../../../scripts/lib/bench-scale';
import { replaceSection } from '../../../scripts/lib/benchmarks-md';

const row = (docs: string, mark: string) => [docs, ...SCALE_HEADERS.slice(1).map(() => mark)];

describe('the corpus-size table', () => {
	it('keeps one row per corpus size, replacing the size measured again, sorted by size', () => {
		let rows = upsertScaleRow([], row('3,000', 'a'));
		rows = upsertScaleRow(rows, row('5', 'b'));
		rows = upsertScaleRow(rows, row('30,000', 'c'));
		rows = upsertScaleRow(rows, row('3,000', 'd'));
		expect(rows.map((r) => [r[0], r[1]])).toEqual([['5', 'b'], ['3,000', 'd'], ['30,000', 'c']]);
	});

	it('reads back the rows it wrote, through BENCHMARKS.md, with other sections left alone', () => {
		const rows = [row('5', '1 s | x'), row('3,000', '2 s')];
		const md = replaceSection('# Benchmarks\n\n## Other\n\nkept\n', 'Scale', scaleSectionBody(rows, ['note']));
		expect(md).toContain('## Other\n\nkept\n');
		expect(parseScaleRows(sectionText(md, 'Scale'))).toEqual(rows);
		expect(sectionText(md, 'Missing')).toBe('');
	});
});
