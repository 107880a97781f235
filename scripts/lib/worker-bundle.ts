/**
 * The extractor worker as plain JavaScript (bundle-cache.mjs): each worker thread starts by loading
 * one module instead of compiling and resolving a hundred through tsx's loader hooks (≈1.5 s of CPU
 * per worker under tsx). Rebuilt only when a source file changed.
 */
import { cachedBundle, type CachedBundle } from './bundle-cache.mjs';

export type WorkerBundle = CachedBundle;

/** The bundled worker for `entry` (a TypeScript file URL), built if missing or stale; null when esbuild cannot build it. */
export function workerBundle(entry: URL): WorkerBundle | null {
	return cachedBundle(entry, 'worker');
}
