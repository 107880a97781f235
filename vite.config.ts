import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { siteOut } from './svelte.config.js';
import { precompressDir } from './scripts/lib/precompress.mjs';

/**
 * Writes .br/.gz copies of the built site's files (scripts/lib/precompress.mjs). SvelteKit runs the
 * adapter in the SSR build's closeBundle; this hook comes after it in plugin order and is
 * sequential, so it sees the finished site. The nested client build is skipped.
 */
function precompress(): Plugin {
	let ssr = false;
	return {
		name: 'budget-lens:precompress',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		closeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				if (!ssr) return;
				const started = Date.now();
				const r = await precompressDir(siteOut);
				const mb = (n: number) => (n / 1048576).toFixed(1);
				console.log(
					`precompress: ${r.written.length} files written in ${siteOut}/ (${mb(r.bytesIn)} MB → ${mb(r.bytesBrotli)} MB brotli), ` +
						`${r.incompressible.length} left as they are, ${((Date.now() - started) / 1000).toFixed(1)} s`
				);
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), precompress()],
	build: {
		// DuckDB-WASM's worker and wasm are emitted as separate same-origin assets via `?url`.
		chunkSizeWarningLimit: 900
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// One browser, one static server: run files one after another.
					fileParallelism: false
				}
			}
		]
	}
});
