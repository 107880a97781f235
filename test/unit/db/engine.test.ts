/**
 * The loader and client in DuckDB-WASM (Node build, browser settings): tables arrive with the
 * contract's types, nothing can be fetched, and connections and prepared statements are always closed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryClient, StatementClient, type DbConnection } from '../../../src/lib/db/connection';
import { toPlain } from '../../../src/lib/db/rows';
import { sql } from '../../../src/lib/queries/sql';
import { TABLES, TABLE_NAMES } from '../../../src/lib/storage/schema';
import { ALL_TABLES, openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { rowsOf, writeFixtureParquet } from '../../helpers/fixtures';

let db: WasmNodeDb;

beforeAll(async () => {
	const dir = await writeFixtureParquet({
		documents: rowsOf('documents', ['doc_id', 'district', 'year', 'kind', 'department_kind'], [
			['d1', '九龙坡区', 2021, 'final', null],
			['d2', '北碚区', 2023, 'budget', '政务服务管理办公室']
		]),
		checks: rowsOf('checks', ['doc_id', 'rule', 'ok', 'expected'], [['d1', 'r', true, 1.25]])
	});
	db = await openWasmNodeDb(dir);
}, 60_000);

describe('loaded tables', () => {
	it('reports rows per table, empty tables included', () => {
		expect(db.report.documents).toBe(2);
		expect(db.report.checks).toBe(1);
		expect(db.report.diagnostics).toBe(0);
		expect(db.report.document_figures).toBe(2); // pre-aggregated: one row per document
		expect(Object.keys(db.report).sort()).toEqual([...ALL_TABLES].sort());
	});

	it('has every contract table with the contract column types', async () => {
		for (const name of TABLE_NAMES) {
			const described = await db.raw(`DESCRIBE "${name}"`);
			expect(described.map((c) => [c.column_name, c.column_type])).toEqual(TABLES[name].columns.map((c) => [c.name, c.type]));
		}
	});

	it('returns plain JS values: integers, nulls, booleans, counts as numbers', async () => {
		const rows = await db.client.query<Record<string, unknown>>(sql`SELECT year, department_kind, count(*) OVER () AS n FROM documents ORDER BY year`);
		expect(rows).toEqual([
			{ year: 2021, department_kind: null, n: 2 },
			{ year: 2023, department_kind: '政务服务管理办公室', n: 2 }
		]);
		const [check] = await db.client.query<Record<string, unknown>>(sql`SELECT ok, expected, list(rule) OVER () AS rules FROM checks`);
		expect(check).toEqual({ ok: true, expected: 1.25, rules: ['r'] });
	});

	it('binds parameters of every kind', async () => {
		const row = await db.client.queryRow(sql`SELECT ${'九龙坡区'} AS s, ${2021} AS i, ${1.5} AS f, ${true} AS b, ${null}::VARCHAR AS n`);
		expect(row).toEqual({ s: '九龙坡区', i: 2021, f: 1.5, b: true, n: null });
		expect(await db.client.queryRow(sql`SELECT 1 AS x WHERE false`)).toBeNull();
	});
});

describe('no request can leave the site', () => {
	it('refuses read_parquet instead of downloading the parquet extension', async () => {
		const started = Date.now();
		await expect(db.raw(`SELECT * FROM read_parquet('https://example.invalid/x.parquet')`)).rejects.toThrow(/parquet extension/);
		await expect(db.raw(`SELECT * FROM 'https://example.invalid/x.csv'`)).rejects.toThrow(/disabled by configuration/);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('refuses to install or load extensions and to re-enable autoloading', async () => {
		await expect(db.raw(`LOAD httpfs`)).rejects.toThrow(/disabled through configuration/);
		await expect(db.raw(`SET autoload_known_extensions = true`)).rejects.toThrow(/lock/i);
		await expect(db.raw(`SET enable_external_access = true`)).rejects.toThrow();
		const [settings] = await db.raw(
			`SELECT current_setting('autoload_known_extensions') AS autoload, current_setting('autoinstall_known_extensions') AS autoinstall`
		);
		expect(settings).toEqual({ autoload: false, autoinstall: false });
	});
});

describe('QueryClient', () => {
	function fakeConnect(result: () => Promise<Record<string, never>[]>) {
		const log: string[] = [];
		const connect = async (): Promise<DbConnection> => {
			log.push('open');
			return {
				query: async () => result(),
				insertArrowIpc: async () => undefined,
				close: async () => void log.push('close')
			};
		};
		return { connect, log };
	}

	it('closes the connection after a query', async () => {
		const { connect, log } = fakeConnect(async () => []);
		await new QueryClient(connect).query(sql`SELECT 1`);
		expect(log).toEqual(['open', 'close']);
	});

	it('closes the connection when the query fails, and passes the error on', async () => {
		const { connect, log } = fakeConnect(async () => Promise.reject(new Error('boom')));
		await expect(new QueryClient(connect).query(sql`SELECT 1`)).rejects.toThrow('boom');
		expect(log).toEqual(['open', 'close']);
	});

	it('a failed real query leaves the client usable', async () => {
		await expect(db.client.query(sql`SELECT * FROM no_such_table`)).rejects.toThrow(/no_such_table/);
		expect(await db.client.queryRow(sql`SELECT count(*) AS n FROM documents`)).toEqual({ n: 2 });
	});
});

describe('StatementClient', () => {
	/** A fake engine that logs connections and statements; `fail(text)` decides which runs reject. */
	function fakeEngine(fail: (text: string) => boolean = () => false) {
		const log: string[] = [];
		let connections = 0;
		let statements = 0;
		const connect = async (): Promise<DbConnection> => {
			const c = ++connections;
			log.push(`open ${c}`);
			return {
				query: async () => [],
				async prepare(text) {
					const id = ++statements;
					log.push(`prepare ${id} ${text}`);
					return {
						async query(params) {
							log.push(`run ${id}`);
							if (fail(text)) throw new Error(`boom ${text}`);
							return [{ text, params: [...params] }];
						},
						close: async () => void log.push(`close statement ${id}`)
					};
				},
				insertArrowIpc: async () => undefined,
				close: async () => void log.push(`close ${c}`)
			};
		};
		return { connect, log };
	}

	it('runs every query on one connection and prepares each SQL text once', async () => {
		const { connect, log } = fakeEngine();
		const client = new StatementClient(connect);
		const [a, b] = await Promise.all([client.query(sql`SELECT ${1}`), client.query(sql`SELECT ${2}`)]);
		expect(a).toEqual([{ text: 'SELECT ?', params: [1] }]);
		expect(b).toEqual([{ text: 'SELECT ?', params: [2] }]);
		await client.query(sql`SELECT ${3} AS x`);
		expect(log).toEqual(['open 1', 'prepare 1 SELECT ?', 'run 1', 'run 1', 'prepare 2 SELECT ? AS x', 'run 2']);
		expect(client.cachedStatements).toBe(2);
		await client.close();
		expect(log.slice(-3)).toEqual(['close statement 1', 'close statement 2', 'close 1']);
		await expect(client.query(sql`SELECT 1`)).rejects.toThrow(/closed/);
	});

	it('closes a statement whose run failed, passes the error on and prepares afresh next time', async () => {
		let failing = true;
		const { connect, log } = fakeEngine(() => failing);
		const client = new StatementClient(connect);
		await expect(client.query(sql`SELECT 1`)).rejects.toThrow('boom SELECT 1');
		expect(log).toEqual(['open 1', 'prepare 1 SELECT 1', 'run 1', 'close statement 1']);
		expect(client.cachedStatements).toBe(0);
		failing = false;
		expect(await client.queryRow(sql`SELECT 1`)).toEqual({ text: 'SELECT 1', params: [] });
		expect(log.slice(4)).toEqual(['prepare 2 SELECT 1', 'run 2']);
	});

	it('keeps at most maxStatements, closing the least recently used once no run needs it', async () => {
		const { connect, log } = fakeEngine();
		const client = new StatementClient(connect, { maxStatements: 2 });
		await client.query(sql`SELECT 1`);
		await client.query(sql`SELECT 2`);
		await client.query(sql`SELECT 1`); // now SELECT 2 is the least recently used
		await client.query(sql`SELECT 3`);
		expect(log).toContain('close statement 2');
		expect(log).not.toContain('close statement 1');
		expect(client.cachedStatements).toBe(2);
		// evicted while in flight: closed after its run, not before
		const slow = client.query(sql`SELECT 4`);
		const evicting = [client.query(sql`SELECT 5`), client.query(sql`SELECT 6`)];
		await Promise.all([slow, ...evicting]);
		const closedAt = log.indexOf('close statement 4');
		expect(closedAt).toBeGreaterThan(log.indexOf('run 4'));
	});

	it('retries the connection after a failure to connect', async () => {
		let attempts = 0;
		const { connect: ok } = fakeEngine();
		const client = new StatementClient(async () => {
			if (++attempts === 1) throw new Error('no worker');
			return ok();
		});
		await expect(client.query(sql`SELECT 1`)).rejects.toThrow('no worker');
		expect(await client.query(sql`SELECT 1`)).toHaveLength(1);
		expect(attempts).toBe(2);
	});

	it('refuses a connection that cannot keep statements', async () => {
		const client = new StatementClient(async () => ({
			query: async () => [],
			insertArrowIpc: async () => undefined,
			close: async () => undefined
		}));
		await expect(client.query(sql`SELECT 1`)).rejects.toThrow(/prepared statements/);
	});

	it('a failed real query leaves the client usable, its statement not kept', async () => {
		const before = db.client.cachedStatements;
		await expect(db.client.query(sql`SELECT * FROM documents WHERE year = ${'not a year'}`)).rejects.toThrow();
		expect(db.client.cachedStatements).toBe(before);
		expect(await db.client.queryRow(sql`SELECT count(*) AS n FROM documents WHERE year > ${2000}`)).toEqual({ n: 2 });
	});
});

describe('toPlain', () => {
	it('converts BigInt, typed arrays, nested objects and dates', () => {
		expect(toPlain(12n)).toBe(12);
		expect(toPlain(new Int32Array([1, 2]))).toEqual([1, 2]);
		expect(toPlain({ a: 1n, b: [2n] })).toEqual({ a: 1, b: [2] });
		expect(toPlain(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02T00:00:00.000Z');
		expect(toPlain(undefined)).toBeNull();
	});
});
