#!/usr/bin/env node
/**
 * Static server for the built site (`build/`), used by `npm start`, `npm run preview`, the e2e
 * tests and the app benchmark. Files are served by sirv; this module adds what the site needs:
 *
 *   node scripts/serve.mjs [dir=build] [port]        (port also from $PORT; 0 = a random free port)
 *
 * - Precompressed copies: the build writes `.br`/`.gz` beside each file worth it
 *   (scripts/lib/precompress.mjs); sirv sends one when the request's Accept-Encoding allows, with
 *   `Content-Encoding` and `Vary: Accept-Encoding`.
 * - Range requests (Parquet readers such as hyparquet read byte ranges) and HEAD are answered for
 *   the file itself, never a compressed copy: a range of a brotli stream, or a HEAD's compressed
 *   Content-Length, would be offsets into the wrong bytes. Suffix ranges (`bytes=-N`) are turned
 *   into the absolute range sirv understands; an invalid range is ignored (whole file, 200), one
 *   past the end answered 416.
 * - Types: `application/wasm` (so `WebAssembly.instantiateStreaming` works) and JavaScript for
 *   module workers come from sirv's table; `.parquet` and `.duckdb` get `application/octet-stream`.
 * - Unknown page paths: under `/documents/` the SPA fallback page (adapter-static's 404.html) with
 *   status 200, because document pages are rendered in the browser on demand; anywhere else the
 *   same page with status 404. An unknown path that looks like a file gets a plain 404.
 *
 * Exports `startServer(dir, port)` for tests and benchmarks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';

/** adapter-static's fallback page (svelte.config.js): the app shell that renders any route. */
export const FALLBACK_PAGE = '404.html';

/** Paths answered with the fallback page and status 200: pages the app renders on demand. */
const ON_DEMAND = /^\/documents\/[^/]+\/?$/;

/** Types sirv's table (mrmime) lacks or gets wrong for this site. */
const TYPES = { '.parquet': 'application/octet-stream', '.duckdb': 'application/octet-stream' };

/**
 * Parses a single-range `Range` header against a file size. Returns null to send the whole file
 * (no header, or a form not supported such as several ranges — allowed by RFC 9110), or
 * 'unsatisfiable'.
 * @param {string | undefined} header
 * @param {number} size
 * @returns {{ start: number, end: number } | null | 'unsatisfiable'}
 */
export function parseRange(header, size) {
	if (!header) return null;
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m) return null;
	const [, a, b] = m;
	if (a === '' && b === '') return null;
	let start;
	let end;
	if (a === '') {
		// suffix range: the last N bytes
		const n = Number(b);
		if (n === 0) return 'unsatisfiable';
		start = Math.max(0, size - n);
		end = size - 1;
	} else {
		start = Number(a);
		end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
		if (b !== '' && Number(b) < start) return null; // syntactically invalid: ignored
	}
	if (start >= size) return 'unsatisfiable';
	return { start, end };
}

/**
 * Rewrites `req.headers.range` into the `bytes=start-end` form sirv parses (it reads neither
 * suffix ranges nor invalid ones correctly), or removes it.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} size
 */
function normaliseRange(req, size) {
	const range = parseRange(req.headers.range, size);
	if (range === null) delete req.headers.range;
	else if (range === 'unsatisfiable') req.headers.range = `bytes=${size}-`; // sirv answers 416
	else req.headers.range = `bytes=${range.start}-${range.end}`;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function sendText(res, status, message) {
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(message) });
	res.end(message);
}

/**
 * The request handler for a built site in `root`.
 * @param {string} root absolute
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function siteHandler(root) {
	const fallbackFile = join(root, FALLBACK_PAGE);
	const fallbackBody = existsSync(fallbackFile) ? readFileSync(fallbackFile) : null;

	const files = sirv(root, {
		etag: true,
		brotli: true,
		gzip: true,
		extensions: ['html'],
		setHeaders(res, pathname, stats) {
			const req = /** @type {import('node:http').IncomingMessage} */ (res.req);
			if (req.headers.range) normaliseRange(req, stats.size);
			const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(pathname).toLowerCase())];
			if (type) res.setHeader('Content-Type', type);
			// Vite's hashed output never changes under the same name; everything else may between builds.
			res.setHeader('Cache-Control', pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache');
			res.setHeader('Accept-Ranges', 'bytes');
			res.setHeader('X-Content-Type-Options', 'nosniff');
		}
	});

	/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
	const notFound = (req, res) => {
		const pathname = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
		const ext = extname(pathname).toLowerCase();
		if ((ext !== '' && ext !== '.html') || fallbackBody === null) return sendText(res, 404, 'Not Found\n');
		if (ON_DEMAND.test(pathname)) {
			// The app shell, answered as the page itself: compressed, with ETag, status 200.
			req.url = `/${FALLBACK_PAGE}`;
			delete req.headers.range;
			return files(req, res, () => sendText(res, 404, 'Not Found\n'));
		}
		res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': fallbackBody.length, 'Cache-Control': 'no-cache' });
		res.end(req.method === 'HEAD' ? undefined : fallbackBody);
	};

	return (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.setHeader('Allow', 'GET, HEAD');
			return sendText(res, 405, 'Method Not Allowed\n');
		}
		// A byte range or a HEAD describes the file itself: no compressed copy for them.
		if (req.method === 'HEAD' || req.headers.range) delete req.headers['accept-encoding'];
		files(req, res, () => notFound(req, res));
	};
}

/**
 * Starts the server on 127.0.0.1.
 * @param {string} dir the folder to serve (e.g. `build`)
 * @param {number} [port] 0 (default) picks a free port
 * @returns {Promise<{ server: import('node:http').Server, port: number, origin: string, url: string, close: () => Promise<void> }>}
 *   `origin` is `http://127.0.0.1:PORT`, `url` the same with a trailing slash.
 */
export async function startServer(dir, port = 0) {
	const root = resolve(dir);
	const s = await stat(root).catch(() => null);
	if (s === null || !s.isDirectory()) throw new Error(`serve: ${root} is not a directory`);
	// sirv lists the folder once, here: serve a finished build.
	const handle = siteHandler(root);
	const server = createServer((req, res) => {
		try {
			handle(req, res);
		} catch (err) {
			console.error('serve: error handling', req.url, err);
			if (!res.headersSent) sendText(res, 500, 'Internal Server Error\n');
			else res.destroy();
		}
	});
	// Without this, close() waits for the browser's idle keep-alive sockets.
	server.keepAliveTimeout = 1000;
	await new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', fail);
			ok(undefined);
		});
	});
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('serve: no TCP address');
	const origin = `http://127.0.0.1:${address.port}`;
	const close = () =>
		/** @type {Promise<void>} */ (
			new Promise((ok) => {
				server.close(() => ok());
				server.closeAllConnections();
			})
		);
	return { server, port: address.port, origin, url: origin + '/', close };
}

async function main() {
	const dir = process.argv[2] ?? 'build';
	const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`serve: bad port ${process.argv[3] ?? process.env.PORT}`);
		process.exit(2);
	}
	const { url, close } = await startServer(dir, port);
	console.log(`Serving ${dir}/ at ${url}`);
	const stop = () => close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
