/**
 * pdf.js's legacy build brings polyfills that replace built-ins Node already has (Array.prototype.push,
 * JSON.stringify …) with slower JavaScript, for the whole thread. The Node engine loads it with those
 * kept: these tests check the guard itself, and the engine as the CLI and the workers use it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKeepingBuiltins } from '../../../scripts/lib/keep-builtins';
import { isTextItem } from '../../../src/lib/extract/pdf/engine';

const nativePush = Array.prototype.push;
const nativeStringify = JSON.stringify;
const nativeParse = JSON.parse;
const nativeToString = Function.prototype.toString;

describe('loadKeepingBuiltins', () => {
	afterEach(() => {
		// A failing guard would leave these behind for the other tests of the file.
		Array.prototype.push = nativePush;
		JSON.stringify = nativeStringify;
		delete (Map.prototype as { zzAdded?: unknown }).zzAdded;
	});

	it('puts back what the load replaced and keeps what it added', async () => {
		const replacement = function (this: unknown[], ...items: unknown[]) {
			return nativePush.apply(this, items);
		};
		const loaded = await loadKeepingBuiltins(async () => {
			Array.prototype.push = replacement;
			JSON.stringify = () => 'replaced';
			Object.defineProperty(Map.prototype, 'zzAdded', { value: 1, configurable: true });
			return 'module';
		});
		expect(loaded).toBe('module');
		expect(Array.prototype.push).toBe(nativePush);
		expect(JSON.stringify({ a: 1 })).toBe('{"a":1}');
		expect((Map.prototype as { zzAdded?: unknown }).zzAdded).toBe(1);
	});

	it('puts them back when the load fails, and the failure still reaches the caller', async () => {
		const failing = loadKeepingBuiltins(async () => {
			JSON.stringify = () => 'replaced';
			throw new Error('no such module');
		});
		await expect(failing).rejects.toThrow('no such module');
		expect(JSON.stringify).toBe(nativeStringify);
	});
});

describe('the Node pdf.js engine', () => {
	it("reads a PDF and leaves Node's own push, JSON and Function.prototype.toString in place", async () => {
		const { createNodePdfEngine } = await import('../../../scripts/lib/pdf-node');
		const bytes = new Uint8Array(await readFile(join(import.meta.dirname, '../../fixtures/pdf/jiangsu-rendachangweihui-2019-budget-tables.pdf')));
		const doc = await createNodePdfEngine().open(bytes);
		try {
			const page = await doc.getPage(1);
			const text = (await page.getTextContent()).items.filter(isTextItem).map((item) => item.str);
			// Read from the rendered page: 公开表一, the 收支总表 with 财政拨款 of 18,330.37 万元.
			expect(text).toContain('公开表一');
			expect(text.some((s) => s.startsWith('18,330.37'))).toBe(true);
		} finally {
			await doc.destroy();
		}
		expect(Array.prototype.push).toBe(nativePush);
		expect(JSON.stringify).toBe(nativeStringify);
		expect(JSON.parse).toBe(nativeParse);
		expect(Function.prototype.toString).toBe(nativeToString);
		// What Node 20 lacks and pdf.js needs is still installed.
		expect(typeof Promise.withResolvers).toBe('function');
	});
});
