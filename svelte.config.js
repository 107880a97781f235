import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered; /documents/[doc_id] pages are discovered by the crawler
		// from the coverage matrix, and the fallback page serves any doc_id added later.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true })
	}
};

export default config;
