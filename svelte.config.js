import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * $BUDGET_LENS_SITE builds a second copy of the site from other data without touching the usual
 * folders: its Parquet in `$BUDGET_LENS_SITE/static/data`, the site written to
 * `$BUDGET_LENS_SITE/build`, SvelteKit's generated files in `$BUDGET_LENS_SITE/.svelte-kit` (the
 * browser tests build the views' fixture corpus this way, next to the seeds' build/).
 */
const site = process.env.BUDGET_LENS_SITE;
/** Where adapter-static writes the site (vite.config.ts precompresses it there). */
export const siteOut = site ? `${site}/build` : 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered but /documents/[doc_id] (prerender = false): the fallback page
		// serves every document, which renders in the browser from its rows. The crawler still
		// follows the coverage matrix's links to it, and SvelteKit answers each with an empty 204
		// at once (no load runs, no file is written).
		adapter: adapter({ pages: siteOut, assets: siteOut, fallback: '404.html', strict: true }),
		...(site ? { outDir: `${site}/.svelte-kit`, files: { assets: `${site}/static` } } : {})
	}
};

export default config;
