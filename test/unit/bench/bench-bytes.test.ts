import { describe, expect, it } from 'vitest';
import { formatBytes, summariseTransfer, transferKind, transferLine } from '../../../scripts/lib/bench-bytes';

const o = 'http://127.0.0.1:4173';

describe('transferKind', () => {
	it('tells DuckDB files, JavaScript, Parquet and pages apart', () => {
		expect(transferKind(`${o}/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm`)).toBe('DuckDB (wasm + worker)');
		expect(transferKind(`${o}/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js`)).toBe('DuckDB (wasm + worker)');
		expect(transferKind(`${o}/_app/immutable/chunks/D7lwr-WF.js`)).toBe('JavaScript');
		expect(transferKind(`${o}/data/summary.parquet`)).toBe('Parquet');
		expect(transferKind(`${o}/data/corpus.duckdb`)).toBe('database file');
		expect(transferKind(`${o}/documents/abc`)).toBe('HTML / JSON');
		expect(transferKind(`${o}/?district=x`)).toBe('HTML / JSON');
		expect(transferKind(`${o}/_app/immutable/assets/0.css`)).toBe('other');
	});
});

describe('summariseTransfer', () => {
	it('adds headers and bodies as sent, per kind', () => {
		const t = summariseTransfer([
			{ url: `${o}/`, body: 5000, headers: 300 },
			{ url: `${o}/a.js`, body: 2000, headers: 200 },
			{ url: `${o}/b.js`, body: 1000, headers: 200 },
			{ url: `${o}/_app/duckdb-eh.x.wasm`, body: 6_000_000, headers: 250 }
		]);
		expect(t.requests).toBe(4);
		expect(t.bytes).toBe(6_008_950);
		expect(t.byKind).toEqual({ 'HTML / JSON': 5300, JavaScript: 3400, 'DuckDB (wasm + worker)': 6_000_250 });
		expect(transferLine('first visit of `/`', t)).toBe(
			'first visit of `/`: **6,009 KB** in 4 responses (DuckDB (wasm + worker) 6,000 KB, HTML / JSON 5 KB, JavaScript 3 KB)'
		);
	});

	it('formats large totals in MB', () => {
		expect(formatBytes(12_345_678)).toBe('12.3 MB');
		expect(formatBytes(999)).toBe('1 KB');
	});
});
