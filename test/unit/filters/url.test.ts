import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters, type KnownValues } from '../../../src/lib/filters/model';
import { filtersToSearch, isEmptyFilters, parseFilters } from '../../../src/lib/filters/url';

const params = (s: string) => new URLSearchParams(s);

const KNOWN: KnownValues = {
	districts: ['九龙坡区', '北碚区', '江津区', '綦江区'],
	departments: ['政务服务管理办公室', '人民政府办公室'],
	years: [2020, 2021, 2023, 2024, 2025],
	codes: ['201', '20103', '2010301', '208']
};

describe('parseFilters', () => {
	it('reads the documented example', () => {
		const { filters, notices } = parseFilters(
			params('district=九龙坡区,北碚区&year=2021-2025&kind=budget&dept=政务服务管理办公室&code=201'),
			KNOWN
		);
		expect(notices).toEqual([]);
		expect(filters).toEqual({
			districts: ['九龙坡区', '北碚区'],
			years: { from: 2021, to: 2025 },
			kind: 'budget',
			departments: ['政务服务管理办公室'],
			code: '201'
		});
	});

	it('gives the empty filter for an empty query', () => {
		expect(parseFilters(params(''))).toEqual({ filters: EMPTY_FILTERS, notices: [] });
	});

	it('reads a single year as a one-year range and orders a reversed range', () => {
		expect(parseFilters(params('year=2023')).filters.years).toEqual({ from: 2023, to: 2023 });
		expect(parseFilters(params('year=2025-2021')).filters.years).toEqual({ from: 2021, to: 2025 });
	});

	it('accepts percent-encoding, full-width commas, repeats, spaces and duplicates', () => {
		const { filters } = parseFilters(params('district=%E4%B9%9D%E9%BE%99%E5%9D%A1%E5%8C%BA，北碚区&district= 江津区 ,北碚区,'));
		expect(filters.districts).toEqual(['九龙坡区', '北碚区', '江津区']);
	});

	it('drops unknown districts and departments with a Chinese notice', () => {
		const { filters, notices } = parseFilters(params('district=九龙坡区,某某区&dept=财政局'), KNOWN);
		expect(filters.districts).toEqual(['九龙坡区']);
		expect(filters.departments).toEqual([]);
		expect(notices).toEqual([
			{ param: 'district', value: '某某区', message: '未知地区“某某区”，已忽略' },
			{ param: 'dept', value: '财政局', message: '未知部门“财政局”，已忽略' }
		]);
	});

	it('without known values keeps any district (the data decides later)', () => {
		expect(parseFilters(params('district=某某区')).filters.districts).toEqual(['某某区']);
	});

	it.each([['abc'], ['20'], ['2021-20x'], ['1800'], ['2021-2025-2026'], ['３０２３']])('rejects year=%s', (value) => {
		const { filters, notices } = parseFilters(params(`year=${encodeURIComponent(value)}`));
		expect(filters.years).toBeNull();
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatchObject({ param: 'year', value });
		expect(notices[0].message).toContain('无效');
	});

	it('keeps a year range with no data, saying so, rather than showing other years', () => {
		const { filters, notices } = parseFilters(params('year=2010-2012'), KNOWN);
		expect(filters.years).toEqual({ from: 2010, to: 2012 });
		expect(notices).toEqual([{ param: 'year', value: '2010-2012', message: '2010–2012年没有公开，各视图为“暂无数据”', kept: true }]);
		expect(parseFilters(params('year=2019-2020'), KNOWN)).toEqual({ filters: { ...EMPTY_FILTERS, years: { from: 2019, to: 2020 } }, notices: [] });
	});

	it('rejects an unknown kind', () => {
		const { filters, notices } = parseFilters(params('kind=xyz'));
		expect(filters.kind).toBe('both');
		expect(notices[0]).toMatchObject({ param: 'kind', value: 'xyz' });
		expect(notices[0].message).toMatch(/^未知类型“xyz”，已忽略/);
	});

	it.each([['20'], ['2010'], ['201030'], ['20103011'], ['2o1'], ['201;--']])('rejects code=%s', (value) => {
		const { filters, notices } = parseFilters(params(`code=${encodeURIComponent(value)}`));
		expect(filters.code).toBeNull();
		expect(notices[0].message).toContain('应为 3、5 或 7 位数字');
	});

	it('rejects a well-formed code not in the data', () => {
		const { filters, notices } = parseFilters(params('code=213'), KNOWN);
		expect(filters.code).toBeNull();
		expect(notices[0].message).toBe('未知科目编码“213”，已忽略');
		expect(parseFilters(params('code=2010301'), KNOWN).filters.code).toBe('2010301');
	});

	it('never throws on hostile input and keeps it only as data', () => {
		const hostile = "九龙坡区'); DROP TABLE documents; --";
		const { filters, notices } = parseFilters(params(`district=${encodeURIComponent(hostile)}&year=%FF&kind=&code=%00`), KNOWN);
		expect(filters.districts).toEqual([]);
		expect(notices.map((n) => n.param)).toEqual(['district', 'year', 'code']);
	});

	it('ignores parameters it does not own', () => {
		expect(parseFilters(params('sort=total&page=2'))).toEqual({ filters: EMPTY_FILTERS, notices: [] });
	});
});

describe('filtersToSearch', () => {
	it('writes parameters in a fixed order and omits defaults', () => {
		const f: Filters = { districts: ['北碚区'], years: { from: 2023, to: 2023 }, kind: 'final', departments: [], code: '201' };
		expect(filtersToSearch(f)).toBe(`?district=${encodeURIComponent('北碚区')}&year=2023&kind=final&code=201`);
		expect(filtersToSearch(EMPTY_FILTERS)).toBe('');
	});

	it('keeps commas between list items literal and encodes the rest', () => {
		const s = filtersToSearch({ ...EMPTY_FILTERS, districts: ['九龙坡区', 'a&b=c'] });
		expect(s).toBe(`?district=${encodeURIComponent('九龙坡区')},a%26b%3Dc`);
	});

	const cases: Filters[] = [
		EMPTY_FILTERS,
		{ districts: ['九龙坡区', '北碚区'], years: { from: 2021, to: 2025 }, kind: 'budget', departments: ['政务服务管理办公室'], code: '201' },
		{ districts: ['a&b=c', '100% 区', '#x'], years: { from: 2024, to: 2024 }, kind: 'both', departments: ['人民政府办公室（本级）'], code: null }
	];
	it.each(cases.map((c) => [filtersToSearch(c) || '(empty)', c]))('round-trips %s', (_label, f) => {
		const parsed = parseFilters(new URLSearchParams(filtersToSearch(f as Filters)));
		expect(parsed.notices).toEqual([]);
		expect(parsed.filters).toEqual(f);
	});

	it('isEmptyFilters tells the empty filter apart', () => {
		expect(isEmptyFilters(EMPTY_FILTERS)).toBe(true);
		expect(isEmptyFilters({ ...EMPTY_FILTERS, kind: 'final' })).toBe(false);
	});
});
