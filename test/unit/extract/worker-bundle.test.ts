/**
 * Extractor workers start from a JavaScript bundle of their TypeScript entry (worker-bundle.ts),
 * not through tsx: built once, reused while no source changed, rebuilt when one did.
 */
import { readFileSync, readdirSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKER_ENTRY } from '../../../scripts/lib/extract-worker-pool';
import type { WorkerReply, WorkerTask } from '../../../scripts/lib/extract-worker-tasks';
import { workerBundle } from '../../../scripts/lib/worker-bundle';
import { RAW_DIR } from './seed-helpers';

describe('workerBundle', () => {
	it('bundles the worker entry to one JavaScript module that answers a task without tsx', async () => {
		const bundle = workerBundle(DEFAULT_WORKER_ENTRY)?.url;
		expect(bundle?.href).toMatch(/\/node_modules\/\.cache\/.*\.mjs$/);
		const code = readFileSync(bundle as URL, 'utf8');
		expect(code).not.toMatch(/from ["'][^"']*\.ts["']/); // no TypeScript left to load
		const worker = new Worker(bundle as URL);
		try {
			const file = readdirSync(RAW_DIR)[0] as string;
			const reply = await new Promise<WorkerReply>((resolve, reject) => {
				worker.once('message', resolve);
				worker.once('error', reject);
				worker.postMessage({ kind: 'profile', dir: RAW_DIR, files: [{ file }] } satisfies WorkerTask);
			});
			expect(reply).toMatchObject({ result: [{ file, ok: true }] });
		} finally {
			await worker.terminate();
		}
	}, 60_000);

	it('reuses the bundle while no source changed, and rebuilds it when one did', () => {
		const first = workerBundle(DEFAULT_WORKER_ENTRY);
		expect(workerBundle(DEFAULT_WORKER_ENTRY)).toEqual({ url: first?.url, built: false });
		// A source file touched (its contents unchanged): built anew, into the same folder (named by its contents).
		const source = fileURLToPath(new URL('../../../scripts/lib/packed-document.ts', import.meta.url));
		const stamp = new Date();
		utimesSync(source, stamp, stamp);
		expect(workerBundle(DEFAULT_WORKER_ENTRY)).toEqual({ url: first?.url, built: true });
		expect(workerBundle(DEFAULT_WORKER_ENTRY)).toEqual({ url: first?.url, built: false });
	}, 60_000);
});
