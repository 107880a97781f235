/** Which disclosures stand behind a view's rows. */
import { describe, expect, it } from 'vitest';
import { latestPerUnit, sourcesOfRows, type DocumentLike } from '$lib/export/sources';

const doc = (doc_id: string, district: string, kindName: string | null, year: number, kind: 'budget' | 'final'): DocumentLike => ({
	doc_id,
	district,
	department: `${district}${kindName ?? '某委员会'}`,
	department_kind: kindName,
	year,
	kind,
	title: `${district}${year}年${kind}`,
	source_file: `${doc_id}.txt`
});

const docs = [
	doc('a1', '甲区', '财政局', 2022, 'final'),
	doc('a2', '甲区', '财政局', 2023, 'budget'),
	doc('a3', '甲区', '财政局', 2023, 'final'),
	doc('b1', '甲区', '审计局', 2023, 'budget'),
	doc('c1', '乙县', null, 2021, 'budget')
];

describe('sourcesOfRows', () => {
	it('takes the documents that rows name by doc_id', () => {
		const s = sourcesOfRows([{ doc_id: 'a3', total: 1 }, { doc_id: 'a3' }, { doc_id: 'c1' }], docs);
		// sorted by place: 甲区 before 乙县 (pinyin jia < yi)
		expect(s.map((d) => d.doc_id)).toEqual(['a3', 'c1']);
	});

	it('takes the unit’s disclosure of the row’s year and kind', () => {
		const s = sourcesOfRows([{ district: '甲区', unit: '财政局', year: 2023, kind: 'budget', total: 5 }], docs);
		expect(s.map((d) => d.doc_id)).toEqual(['a2']);
		expect(s[0]).toMatchObject({ district: '甲区', unit: '财政局', year: 2023, kind: 'budget', source_file: 'a2.txt' });
	});

	it('names a unit without a department kind by its department', () => {
		const s = sourcesOfRows([{ district: '乙县', unit: '乙县某委员会', year: 2021, kind: 'budget' }], docs);
		expect(s.map((d) => d.unit)).toEqual(['乙县某委员会']);
	});

	it('takes both kinds for a row without a kind (execution: 决算 ÷ 预算 of one year)', () => {
		const s = sourcesOfRows([{ district: '甲区', unit: '财政局', year: 2023, measure: 'total' }], docs);
		expect(s.map((d) => d.doc_id).sort()).toEqual(['a2', 'a3']);
	});

	it('falls back to each unit’s latest disclosure of each kind for aggregate rows', () => {
		const s = sourcesOfRows([{ code: '201', total: 9 }], docs);
		// 甲区·财政局's 2022 决算 is older than its 2023 决算
		expect(s.map((d) => d.doc_id).sort()).toEqual(['a2', 'a3', 'b1', 'c1']);
		expect(latestPerUnit(docs)).toEqual(s);
	});

	it('takes every unit of the district’s year and kind for a row of unnamed units (the overview’s 其他 part)', () => {
		const s = sourcesOfRows(
			[
				{ district: '甲区', unit: '财政局', year: 2023, kind: 'final', total: 5 },
				{ district: '甲区', unit: null, year: 2023, kind: 'budget', total: 7, units: 2 }
			],
			docs
		);
		expect(s.map((d) => d.doc_id).sort()).toEqual(['a2', 'a3', 'b1']);
	});

	it('takes the disclosure whose prose gives a derived figure, not one of the figure’s year', () => {
		// 甲区·财政局's 2022 预算 as its 2023 预算 text implies it: no 2022 预算 in the data
		const s = sourcesOfRows([{ district: '甲区', unit: '财政局', year: 2022, kind: 'budget', value: 3, source_doc: 'a2' }], docs);
		expect(s.map((d) => d.doc_id)).toEqual(['a2']);
	});

	it('has no sources for no rows', () => {
		expect(sourcesOfRows([], docs)).toEqual([]);
	});
});
