import { describe, expect, it } from 'vitest';
import { limitPlaces, placeLimitNotice } from '../../../src/lib/charts/place-limit';

const row = (district: string, unit: string, year: number, value: number | null) => ({ district, unit, year, value });

describe('limitPlaces', () => {
	it('keeps every place when they fit', () => {
		const rows = [row('北碚区', '政务办', 2021, 1), row('北碚区', '政务办', 2022, 2)];
		const limit = limitPlaces(rows, (r) => r.value);
		expect(limit).toMatchObject({ places: 2, drawn: 2, rest: 0 });
		expect(rows.every(limit.keep)).toBe(true);
	});

	it('keeps the largest places by their largest figure, ties by name then the later year, and counts the rest', () => {
		const rows = [
			row('江津区', '政务办', 2021, 5),
			row('江津区', '政务办', 2021, 50), // a place's largest row decides (its 合计)
			row('北碚区', '政务办', 2021, 30),
			row('北碚区', '政务办', 2022, 30), // tie with 2021: the later year first
			row('綦江区', '政务办', 2021, null) // no figure: last
		];
		const limit = limitPlaces(rows, (r) => r.value, 2);
		expect(limit).toMatchObject({ places: 4, drawn: 2, rest: 2 });
		expect(rows.filter(limit.keep).map((r) => `${r.district}${r.year}`)).toEqual(['江津区2021', '江津区2021', '北碚区2022']);
		expect(placeLimitNotice(limit, '本')).toBe(
			`单位·年度较多：筛选范围内共 4 个，本图画出其中最大的 2 个，其余 2 个未画出（下方明细列出全部）；可按区县、部门类别或年度筛选以缩小范围。`
		);
	});
});
