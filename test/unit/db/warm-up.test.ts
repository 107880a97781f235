import { describe, expect, it } from 'vitest';
import { warmUpQueries } from '../../../src/lib/components/warm-up';
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
