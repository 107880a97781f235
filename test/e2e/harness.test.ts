/**
 * Tests of the harness itself, on the built `/`: that it really sees what the other e2e tests rely
 * on it to see. Each problem is provoked from the test through `page.evaluate`, not by the app.
 */
import { describe, expect, it } from 'vitest';
import { useE2E } from './harness';

const e2e = useE2E();

describe('e2e harness', () => {
	it('records and blocks a request to another origin', async () => {
		const t = await e2e.open('/');
		const outcome = await t.page.evaluate(() =>
			fetch('http://example.invalid/leak').then(
				() => 'sent',
				() => 'blocked'
			)
		);
		expect(outcome).toBe('blocked');
		expect(t.foreignRequests().map((r) => r.url)).toEqual(['http://example.invalid/leak']);
		expect(() => t.expectClean()).toThrow(/request left the origin: GET http:\/\/example\.invalid\/leak/);
	});

	it('sees requests from workers, and blob: URLs of the page count as its own origin', async () => {
		const t = await e2e.open('/');
		await t.page.evaluate(
			() =>
				new Promise<void>((done) => {
					const src = `fetch(${JSON.stringify(location.origin + '/?from-worker')}).then(() => postMessage(1))`;
					const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
					w.onmessage = () => done();
				})
		);
		expect(t.requests.some((r) => r.url.endsWith('/?from-worker'))).toBe(true);
		expect(t.foreignRequests()).toEqual([]);
	});

	it('collects console errors, page errors and same-origin HTTP errors', async () => {
		const t = await e2e.open('/');
		const errorSeen = t.page.waitForEvent('pageerror');
		await t.page.evaluate(() => {
			console.error('harness-test console error');
			setTimeout(() => {
				throw new Error('harness-test page error');
			});
			return fetch('/no-such-file.js').then((r) => r.status);
		});
		await errorSeen;
		expect(t.consoleErrors.some((e) => e.includes('harness-test console error'))).toBe(true);
		expect(t.pageErrors.some((e) => e.includes('harness-test page error'))).toBe(true);
		expect(t.httpErrors.some((e) => e.includes('/no-such-file.js → 404'))).toBe(true);
	});

	it('waits for charts to settle and for a filtered render', async () => {
		// A blank page with one synthetic chart the test controls, so the app's own charts (which
		// render on their own schedule) cannot interfere.
		const t = await e2e.newPage();
		await t.page.setContent('<div data-chart="harness-test" data-chart-state="pending"></div>');
		await t.page.evaluate(() => {
			const el = document.querySelector<HTMLElement>('[data-chart]')!;
			(window as unknown as { settle: () => void }).settle = () => {
				el.dataset.chartState = 'ready';
				const seq = Number(document.documentElement.dataset.renderSeq ?? 0);
				document.documentElement.dataset.renderSeq = String(seq + 1);
			};
		});
		expect(await t.chartStates()).toEqual([{ name: 'harness-test', state: 'pending' }]);
		const states = await t.afterRender(() =>
			t.page.evaluate(() => {
				requestAnimationFrame(() => (window as unknown as { settle: () => void }).settle());
			})
		);
		expect(states).toEqual([{ name: 'harness-test', state: 'ready' }]);
		expect(await t.renderSeq()).toBe(1);
	});

	it('accepts a download and returns its bytes', async () => {
		const t = await e2e.open('/');
		const text = '区县,金额\n北碚区,1.5\n';
		const got = await t.download(() =>
			t.page.evaluate((body) => {
				const a = document.createElement('a');
				a.href = URL.createObjectURL(new Blob([body], { type: 'text/csv' }));
				a.download = '预决算透视-harness-test.csv';
				document.body.appendChild(a);
				a.click();
			}, text)
		);
		// A Chinese name, as the app's downloads have: it survives only under a UTF-8 locale.
		expect(got.filename).toBe('预决算透视-harness-test.csv');
		expect(got.bytes.toString('utf8')).toBe(text);
	});
});
