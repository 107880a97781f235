/**
 * `node scripts/lib/run-bundled.mjs ENTRY.ts ARGS…`: runs a TypeScript entry from its cached
 * JavaScript bundle (bundle-cache.mjs), as `npm run extract` runs the CLI — so that a benchmark's
 * child measures the code users run, without tsx's loader hooks (a thread of their own) and the
 * name-keeping wrappers of its transform. ENTRY reads its arguments from the end of process.argv.
 * Where esbuild cannot build it, the TypeScript runs through tsx.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedBundleAsync } from './bundle-cache.mjs';

const source = process.argv[2];
if (!source) {
	console.error('usage: node scripts/lib/run-bundled.mjs ENTRY.ts [ARGS…]');
	process.exit(2);
}
const entry = pathToFileURL(resolve(source));
const name = source.replace(/^.*\//, '').replace(/\.[mc]?ts$/, '');
const bundle = await cachedBundleAsync(entry, name);
if (bundle) await import(bundle.url.href);
else {
	const { register } = await import('tsx/esm/api');
	register();
	await import(entry.href);
}
