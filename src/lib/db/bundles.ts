/**
 * Which DuckDB-WASM build the browser runs. Both builds are served by the site (Vite `?url`
 * assets, so nothing is fetched elsewhere) and only the chosen one is downloaded:
 * - `eh` uses WebAssembly exception handling: smaller and faster, in current browsers;
 * - `mvp` needs only the first WebAssembly standard, for older intranet browsers without it.
 * The `coi` build (threads) is not shipped: it needs a cross-origin-isolated page, which a static
 * intranet site cannot count on.
 */
import { getPlatformFeatures, type DuckDBBundle, type DuckDBBundles, type PlatformFeatures } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

/** The site's own copies of the two builds. */
export const SITE_BUNDLES = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
} satisfies DuckDBBundles;

/** What the choice depends on; duckdb-wasm's `getPlatformFeatures` probes it with tiny wasm modules. */
export type BundleFeatures = Pick<PlatformFeatures, 'wasmExceptions'>;

/**
 * The build for a browser with `features`: eh where WebAssembly exceptions are supported, else
 * mvp (as duckdb-wasm's `selectBundle` decides, without its coi branch).
 */
export function chooseBundle(bundles: DuckDBBundles, features: BundleFeatures): DuckDBBundle {
	const b = features.wasmExceptions && bundles.eh ? bundles.eh : bundles.mvp;
	return { mainModule: b.mainModule, mainWorker: b.mainWorker, pthreadWorker: null };
}

/** The site's bundle for this browser; `detect` is replaceable for tests. */
export async function siteBundle(detect: () => Promise<BundleFeatures> = getPlatformFeatures): Promise<DuckDBBundle> {
	return chooseBundle(SITE_BUNDLES, await detect());
}
