#!/usr/bin/env node
/**
 * A tiny dependency-free static file server for the built site (`build/`), used by `npm start`,
 * `npm run preview`, the e2e tests and the app benchmark.
 *
 *   node scripts/serve.mjs [dir=build] [port]        (port also from $PORT; 0 = a random free port)
 *
 * It listens on 127.0.0.1 only and prints the URL. What it does beyond "send the file":
 * - MIME types the app needs: `application/wasm` (so `WebAssembly.instantiateStreaming` works),
 *   `.parquet` as `application/octet-stream`, `.js`/`.mjs` as JavaScript (module workers refuse
 *   anything else).
 * - Prerendered pages: `/foo` → `foo.html`, `/foo/` → `foo/index.html` or `foo.html`.
 * - SPA fallback as adapter-static expects: an unknown page path gets `404.html` (else
 *   `index.html`) with status 200, so SvelteKit's client router renders it — a 404 status would log a
 *   console error in the browser. Unknown paths that look like files (have an extension other than
 *   .html) get a plain 404, so a missing asset fails loudly instead of parsing HTML as JS.
 * - Single `Range: bytes=…` requests (206), because Parquet readers such as hyparquet fetch byte
 *   ranges; HEAD works too. Query strings are ignored for the file lookup.
 * - Precompressed `.br`/`.gz` siblings are served when the browser accepts them and no range is asked.
 *
 * Exports `startServer(dir, port)` for tests and benchmarks.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const UTF8 = '; charset=utf-8';

/** @type {Record<string, string>} */
export const MIME_TYPES = {
	'.html': 'text/html' + UTF8,
	'.js': 'text/javascript' + UTF8,
	'.mjs': 'text/javascript' + UTF8,
	'.cjs': 'text/javascript' + UTF8,
	'.css': 'text/css' + UTF8,
	'.json': 'application/json' + UTF8,
	'.webmanifest': 'application/manifest+json' + UTF8,
	'.map': 'application/json' + UTF8,
	'.txt': 'text/plain' + UTF8,
	'.csv': 'text/csv' + UTF8,
	'.xml': 'application/xml' + UTF8,
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.wasm': 'application/wasm',
	'.parquet': 'application/octet-stream',
	'.arrow': 'application/vnd.apache.arrow.file',
	'.pdf': 'application/pdf',
	'.zip': 'application/zip'
};

/** @param {string} file */
export function mimeType(file) {
	return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * @param {string} file
 * @returns {Promise<import('node:fs').Stats | null>}
 */
async function statOrNull(file) {
	try {
		return await stat(file);
	} catch {
		return null;
	}
}

/** @param {string} file */
async function isFile(file) {
	const s = await statOrNull(file);
	return s !== null && s.isFile();
}

/**
 * Decodes the URL path (query string dropped) to a relative path, or null if it is malformed or
 * tries to climb out of the root.
 * @param {string} rawUrl
 * @returns {string | null}
 */
export function urlToRelativePath(rawUrl) {
	const pathname = rawUrl.split(/[?#]/, 1)[0] ?? '/';
	let decoded;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	if (decoded.includes('\0')) return null;
	const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
	if (parts.includes('..')) return null;
	return parts.join('/') + (decoded.endsWith('/') && parts.length > 0 ? '/' : '');
}

/**
 * Finds the file to send for a request path: the exact file, a directory's index.html, a
 * prerendered page's `.html`, or the SPA fallback. `fallback` is true when the result is the
 * fallback page rather than what was asked for.
 * @param {string} root absolute, resolved
 * @param {string} rel from urlToRelativePath
 * @returns {Promise<{ file: string, fallback: boolean } | null>}
 */
export async function resolveFile(root, rel) {
	const trimmed = rel.replace(/\/$/, '');
	const base = join(root, trimmed);
	const candidates = [
		base,
		join(base, 'index.html'),
		...(trimmed === '' ? [] : [base + '.html'])
	];
	for (const c of candidates) {
		// join() already normalised; this guards against anything odd slipping through.
		if (c !== root && !c.startsWith(root + sep)) continue;
		if (await isFile(c)) return { file: c, fallback: false };
	}
	const ext = extname(trimmed).toLowerCase();
	if (ext !== '' && ext !== '.html') return null; // a missing asset, not a page
	for (const name of ['404.html', 'index.html']) {
		const c = join(root, name);
		if (await isFile(c)) return { file: c, fallback: true };
	}
	return null;
}

/**
 * Parses a single-range `Range` header against a file size. Returns null to send the whole file
 * (no header, or a form we don't support such as multiple ranges — allowed by RFC 9110), or
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
	}
	if (start >= size || start > end) return 'unsatisfiable';
	return { start, end };
}

/** @param {string} file */
function cacheControl(file) {
	// Vite's hashed output never changes under the same name; everything else may between builds.
	return file.includes(`${sep}_app${sep}immutable${sep}`)
		? 'public, max-age=31536000, immutable'
		: 'no-cache';
}

/**
 * Picks a precompressed sibling (`.br`, `.gz`) the client accepts, if one exists.
 * @param {string} file
 * @param {string | undefined} acceptEncoding
 * @returns {Promise<{ file: string, encoding: string } | null>}
 */
async function precompressed(file, acceptEncoding) {
	if (!acceptEncoding) return null;
	for (const [encoding, suffix] of [
		['br', '.br'],
		['gzip', '.gz']
	]) {
		if (acceptEncoding.includes(encoding) && (await isFile(file + suffix))) {
			return { file: file + suffix, encoding };
		}
	}
	return null;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function sendText(res, status, message) {
	res.writeHead(status, { 'Content-Type': 'text/plain' + UTF8, 'Content-Length': Buffer.byteLength(message) });
	res.end(message);
}

/**
 * @param {string} root
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function handle(root, req, res) {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.setHeader('Allow', 'GET, HEAD');
		return sendText(res, 405, 'Method Not Allowed\n');
	}
	const rel = urlToRelativePath(req.url ?? '/');
	if (rel === null) return sendText(res, 400, 'Bad Request\n');
	const found = await resolveFile(root, rel);
	if (found === null) return sendText(res, 404, 'Not Found\n');

	const size = (await stat(found.file)).size;
	const headers = {
		'Content-Type': mimeType(found.file),
		'Cache-Control': found.fallback ? 'no-cache' : cacheControl(found.file),
		'Accept-Ranges': 'bytes',
		'X-Content-Type-Options': 'nosniff'
	};
	const range = parseRange(req.headers.range, size);
	if (range === 'unsatisfiable') {
		res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
		return res.end();
	}
	if (range !== null) {
		res.writeHead(206, {
			...headers,
			'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
			'Content-Length': range.end - range.start + 1
		});
		return pipeFile(req, res, found.file, range);
	}
	const encoded = await precompressed(found.file, /** @type {string|undefined} */ (req.headers['accept-encoding']));
	const sendFile = encoded ? encoded.file : found.file;
	const sendSize = encoded ? (await stat(encoded.file)).size : size;
	res.writeHead(200, {
		...headers,
		'Content-Length': sendSize,
		...(encoded ? { 'Content-Encoding': encoded.encoding, Vary: 'Accept-Encoding' } : {})
	});
	return pipeFile(req, res, sendFile);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 * @param {{ start: number, end: number }} [range]
 */
function pipeFile(req, res, file, range) {
	if (req.method === 'HEAD') return res.end();
	const stream = createReadStream(file, range);
	stream.on('error', () => res.destroy());
	stream.pipe(res);
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
	const s = await statOrNull(root);
	if (s === null || !s.isDirectory()) throw new Error(`serve: ${root} is not a directory`);
	const server = createServer((req, res) => {
		handle(root, req, res).catch((err) => {
			console.error('serve: error handling', req.url, err);
			if (!res.headersSent) sendText(res, 500, 'Internal Server Error\n');
			else res.destroy();
		});
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
