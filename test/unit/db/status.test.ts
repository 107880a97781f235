import { describe, expect, it } from 'vitest';
import { DbStatusSource, type DbStatus } from '../../../src/lib/db/status';

describe('DbStatusSource', () => {
	it('tells the first views answerable while the detail tables are still loading, and keeps it when ready', () => {
		const status = new DbStatusSource();
		const seen: DbStatus[] = [];
		status.subscribe((s) => seen.push(s));
		status.set('starting');
		status.set('loading');
		expect(status.current).toEqual({ phase: 'loading', error: null, firstViews: false });
		status.setFirstViews();
		expect(status.current).toEqual({ phase: 'loading', error: null, firstViews: true });
		status.set('ready');
		expect(status.current.firstViews).toBe(true);
		expect(seen.map((s) => `${s.phase}:${s.firstViews}`)).toEqual(['idle:false', 'starting:false', 'loading:false', 'loading:true', 'ready:true']);
	});

	it('drops it on an error and on a restart', () => {
		const status = new DbStatusSource();
		status.set('loading');
		status.setFirstViews();
		status.set('error', new Error('loader: GET function_expenditure.parquet → 404'));
		expect(status.current.firstViews).toBe(false);
		status.set('starting');
		expect(status.current.firstViews).toBe(false);
	});
});
