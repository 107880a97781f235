/**
 * `npm run extract`: runs scripts/extract.ts (the CLI; its arguments are this script's) from a
 * JavaScript bundle of it, cached in node_modules/.cache and rebuilt when a source file changed
 * (lib/bundle-cache.mjs), rather than through tsx, whose loader costs ≈0.9 s of CPU per run.
 * Where esbuild cannot build it, the TypeScript runs through tsx as before.
 */
import { cachedBundleAsync } from './lib/bundle-cache.mjs';

const entry = new URL('./extract.ts', import.meta.url);
const bundle = await cachedBundleAsync(entry, 'extract');
if (bundle) await import(bundle.url.href);
else {
	const { register } = await import('tsx/esm/api');
	register();
	await import(entry.href);
}
