/**
 * scripts/serve.mjs over a small folder laid out like a build (with .br/.gz copies written by the
 * precompression step), read with node:http so that the bytes and headers are exactly as sent
 * (fetch would decompress).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, startServer } from '../../../scripts/serve.mjs';
import { precompressDir } from '../../../scripts/lib/precompress.mjs';

interface Got {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
	return new Promise((ok, fail) => {
		const req = request(new URL(path, server.origin), { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', fail);
		});
		req.on('error', fail);
		req.end();
	});
}

// Bytes that compress, with every offset distinguishable: a range must return exactly these.
const parquet = Buffer.from(Array.from({ length: 4000 }, (_, i) => `row ${i};`).join(''));
const js = Buffer.from('export const x = "预算";\n'.repeat(200));
const shell = '<!doctype html><html><body><div id="svelte">app shell</div></body></html>\n'.repeat(30);

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'serve-'));
	mkdirSync(join(dir, 'data'));
	mkdirSync(join(dir, '_app/immutable'), { recursive: true });
	mkdirSync(join(dir, 'documents'));
	writeFileSync(join(dir, 'data/t.parquet'), parquet);
	writeFileSync(join(dir, '_app/immutable/a.js'), js);
	writeFileSync(join(dir, 'index.html'), '<p>overview</p>'.repeat(100));
	writeFileSync(join(dir, 'compare.html'), '<p>compare</p>');
	writeFileSync(join(dir, 'documents/abc.html'), '<p>doc abc</p>');
	writeFileSync(join(dir, '404.html'), shell);
	await precompressDir(dir);
	server = await startServer(dir, 0);
});

afterAll(async () => {
	await server?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('serve: compressed copies', () => {
	it('sends the brotli copy when accepted, with Content-Encoding and Vary, typed as the original', async () => {
		const r = await get('/_app/immutable/a.js', { 'Accept-Encoding': 'gzip, deflate, br' });
		expect(r.status).toBe(200);
		expect(r.headers['content-encoding']).toBe('br');
		expect(r.headers.vary).toMatch(/Accept-Encoding/i);
		expect(r.headers['content-type']).toMatch(/^text\/javascript/);
		expect(r.headers['cache-control']).toMatch(/immutable/);
		expect(r.body.length).toBeLessThan(js.length);
		expect(brotliDecompressSync(r.body).equals(js)).toBe(true);
	});

	it('sends gzip to a client that takes only gzip, and the file itself to one that takes neither', async () => {
		const gz = await get('/data/t.parquet', { 'Accept-Encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gz.headers['content-type']).toBe('application/octet-stream');
		const plain = await get('/data/t.parquet');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.equals(parquet)).toBe(true);
	});
});

describe('serve: ranges and HEAD describe the file itself', () => {
	it('answers a range with 206 and exactly those bytes, even when brotli is accepted', async () => {
		const r = await get('/data/t.parquet', { Range: 'bytes=100-199', 'Accept-Encoding': 'br, gzip' });
		expect(r.status).toBe(206);
		expect(r.headers['content-encoding']).toBeUndefined();
		expect(r.headers['content-range']).toBe(`bytes 100-199/${parquet.length}`);
		expect(r.body.equals(parquet.subarray(100, 200))).toBe(true);
	});

	it('answers a suffix range with the last bytes, and a range past the end with 416', async () => {
		const tail = await get('/data/t.parquet', { Range: 'bytes=-8' });
		expect(tail.status).toBe(206);
		expect(tail.body.equals(parquet.subarray(parquet.length - 8))).toBe(true);
		const past = await get('/data/t.parquet', { Range: `bytes=${parquet.length}-` });
		expect(past.status).toBe(416);
		expect(past.headers['content-range']).toBe(`bytes */${parquet.length}`);
	});

	it("gives a HEAD the file's own length, not a compressed copy's", async () => {
		const r = await get('/data/t.parquet', { 'Accept-Encoding': 'br' }, 'HEAD');
		expect(r.status).toBe(200);
		expect(r.headers['content-encoding']).toBeUndefined();
		expect(Number(r.headers['content-length'])).toBe(parquet.length);
	});
});

describe('serve: pages and fallback', () => {
	it('serves prerendered pages by their path', async () => {
		expect((await get('/compare')).body.toString()).toBe('<p>compare</p>');
		expect((await get('/documents/abc')).body.toString()).toBe('<p>doc abc</p>');
		expect((await get('/?district=x')).status).toBe(200);
	});

	it('answers an unknown document with the app shell and 200 (rendered on demand)', async () => {
		const r = await get('/documents/0123456789ab');
		expect(r.status).toBe(200);
		expect(r.body.toString()).toBe(shell);
	});

	it('answers an unknown page elsewhere with the app shell and 404, and a missing file with a plain 404', async () => {
		const page = await get('/no-such-page');
		expect(page.status).toBe(404);
		expect(page.body.toString()).toBe(shell);
		const file = await get('/_app/immutable/missing.js');
		expect(file.status).toBe(404);
		expect(file.body.toString()).not.toContain('app shell');
	});

	it('refuses methods other than GET and HEAD', async () => {
		expect((await get('/', {}, 'POST')).status).toBe(405);
	});
});

describe('parseRange', () => {
	it('reads single ranges, suffixes and open ends against the size', () => {
		expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
		expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
		expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
		expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
		expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
	});

	it('ignores what it does not support and says when nothing can be sent', () => {
		expect(parseRange(undefined, 100)).toBeNull();
		expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
		expect(parseRange('bytes=9-3', 100)).toBeNull();
		expect(parseRange('items=0-1', 100)).toBeNull();
		expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
		expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
	});
});
