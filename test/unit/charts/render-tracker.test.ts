/** The benchmark hook: renderSeq grows once per URL change, after every member has settled. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tick } from 'svelte';

// a minimal `document` for the tracker (the unit project runs in Node)
const root = { dataset: {} as Record<string, string> };
beforeEach(() => {
	root.dataset = {};
	(globalThis as { document?: unknown }).document = { documentElement: root };
});
afterEach(() => {
	delete (globalThis as { document?: unknown }).document;
});

const seq = () => Number(root.dataset.renderSeq ?? 0);

describe('render tracker', () => {
	it('counts a render only when every chart has settled for the new URL', async () => {
		const { expectRender, joinRender } = await import('$lib/components/render-tracker');
		const a = joinRender();
		const b = joinRender();
		expectRender();
		await tick();
		expect(seq()).toBe(0);
		a.set(true);
		expect(seq()).toBe(0);
		b.set(true);
		expect(seq()).toBe(1);
		// a chart re-rendering on its own (e.g. a resize) is not a new render
		b.set(false);
		b.set(true);
		expect(seq()).toBe(1);
		a.leave();
		b.leave();
	});

	it('counts a URL change that no chart reacts to once Svelte has flushed', async () => {
		const { expectRender, joinRender } = await import('$lib/components/render-tracker');
		const a = joinRender();
		a.set(true);
		const before = seq();
		expectRender();
		expect(seq()).toBe(before);
		await tick();
		await Promise.resolve();
		expect(seq()).toBe(before + 1);
		a.leave();
	});

	it('merges a render overtaken by another URL change into one count', async () => {
		const { expectRender, joinRender } = await import('$lib/components/render-tracker');
		const a = joinRender();
		expectRender();
		expectRender();
		await tick();
		a.set(true);
		a.set(true);
		expect(seq()).toBe(1);
		a.leave();
	});
	it('holds a render open until the navigation that started it has arrived', async () => {
		const { expectRender, holdRender, joinRender } = await import('$lib/components/render-tracker');
		const a = joinRender();
		const before = seq();
		// the views show the new filters before the router has moved the URL
		const release = holdRender();
		expectRender();
		await tick();
		a.set(true);
		expect(seq()).toBe(before);
		release();
		expect(seq()).toBe(before + 1);
		// releasing twice counts nothing more and does not unbalance later navigations
		release();
		const again = holdRender();
		expectRender();
		await tick();
		a.set(true);
		expect(seq()).toBe(before + 1);
		again();
		expect(seq()).toBe(before + 2);
		a.leave();
	});
});
