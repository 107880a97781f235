import { describe, expect, it } from 'vitest';
import { backgroundWarmUpFilters, backgroundWarmUpQueries, warmUpQueries } from '../../../src/lib/components/warm-up';
import { kpiQuery, yearStackQuery, functionTreeQuery } from '../../../src/lib/queries';
import { EMPTY_FILTERS, type KnownValues } from '../../../src/lib/filters/model';

const known: KnownValues = { districts: ['北碚区', '綦江区'], departments: ['政务服务管理办公室'], years: [2021, 2024], codes: ['201'] };
const oneDistrict = { ...EMPTY_FILTERS, districts: ['北碚区'] };
const everyFilter = { districts: ['北碚区'], years: { from: 2021, to: 2024 }, kind: 'budget' as const, departments: ['政务服务管理办公室'], code: '201' };

describe('warmUpQueries', () => {
	it("warms the overview's own queries only, with every filter set and with one district", () => {
		const got = warmUpQueries(known, '/').map((q) => [q.sql, q.params]);
		// the coverage matrix is drawn from the trend rows: no query of its own
		const want = [kpiQuery(everyFilter), yearStackQuery(everyFilter), kpiQuery(oneDistrict), yearStackQuery(oneDistrict)];
		expect(got).toEqual(want.map((q) => [q.sql, q.params]));
	});

	it('warms every listed query for a page without a list of its own', () => {
		const all = warmUpQueries(known, null);
		expect(all.length).toBe(24);
		expect(all.some((q) => q.sql === functionTreeQuery(oneDistrict).sql)).toBe(true);
		expect(warmUpQueries(known, '/no-such-route')).toEqual(all);
	});
});

describe('backgroundWarmUpFilters', () => {
	const wide: KnownValues = { districts: ['北碚区', '綦江区', '巫山县'], departments: ['教育委员会', '财政局'], years: [2021, 2022, 2024], codes: ['201', '205', '20101'] };
	const shape = (f: ReturnType<typeof backgroundWarmUpFilters>[number]) =>
		[f.districts.length > 0, f.kind !== EMPTY_FILTERS.kind, f.departments.length > 0, f.years !== null, f.code !== null].map(Number).join('');

	it('sets every non-empty subset of the five filters once per round', () => {
		const filters = backgroundWarmUpFilters(wide, 2);
		expect(filters).toHaveLength(62);
		for (const round of [filters.slice(0, 31), filters.slice(31)]) {
			expect(new Set(round.map(shape)).size).toBe(31);
			expect(round.map(shape)).not.toContain('00000');
		}
	});

	it('takes its values from the known ones, in turn, with year ranges that end at the last year', () => {
		const filters = backgroundWarmUpFilters(wide, 2);
		expect(new Set(filters.flatMap((f) => f.districts))).toEqual(new Set(wide.districts));
		expect(new Set(filters.flatMap((f) => (f.code ? [f.code] : [])))).toEqual(new Set(wide.codes));
		for (const f of filters) {
			if (f.years) expect(f.years.to).toBe(2024);
			if (f.years) expect(wide.years).toContain(f.years.from);
		}
	});

	it('leaves out a filter that has no known value', () => {
		const none: KnownValues = { districts: [], departments: [], years: [], codes: [] };
		for (const f of backgroundWarmUpFilters(none, 1)) {
			expect(f.districts).toEqual([]);
			expect(f.departments).toEqual([]);
			expect(f.years).toBeNull();
			expect(f.code).toBeNull();
		}
	});

	it("gives the overview two rounds of its two statements, and a page with more statements fewer rounds", () => {
		expect(backgroundWarmUpQueries(wide, '/')).toHaveLength(124);
		expect(backgroundWarmUpQueries(wide, '/compare')).toHaveLength(31 * 6);
		expect(backgroundWarmUpQueries(wide, '/')[0].sql).toBe(kpiQuery({ ...EMPTY_FILTERS, districts: ['綦江区'] }).sql);
	});
});
