/**
 * Page metrics for `bench:app` beyond timings: the longest main-thread task (PerformanceObserver
 * `longtask`, ≥ 50 ms by definition; workers' tasks are not on the main thread and not counted)
 * and the tab's peak memory — the renderer process's peak resident set (VmHWM in /proc), which
 * holds the page's JS heap, DuckDB-WASM's memory and every worker of the page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Installed before any page script: records every long task from navigation start. */
export const LONGTASK_INIT_SCRIPT = String.raw`(() => {
	const t = { longest: 0, over200: 0, count: 0, totalMs: 0 };
	window.__benchLongTasks = t;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				t.count++;
				t.totalMs += e.duration;
				if (e.duration > t.longest) t.longest = e.duration;
				if (e.duration > 200) t.over200++;
			}
		}).observe({ type: 'longtask', buffered: true });
	} catch (err) { t.unsupported = String(err); }
})();`;

export interface LongTasks {
	/** Longest main-thread task in ms (0 when none reached 50 ms). */
	longest: number;
	/** Tasks over 200 ms. */
	over200: number;
	count: number;
	totalMs: number;
}

export async function readLongTasks(page: Page): Promise<LongTasks | null> {
	return page.evaluate(() => (window as unknown as { __benchLongTasks?: LongTasks }).__benchLongTasks ?? null);
}

interface Proc {
	pid: number;
	ppid: number;
	cmdline: string;
}

function processes(): Proc[] {
	const out: Proc[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			out.push({ pid: Number(name), ppid, cmdline });
		} catch {
			// the process ended meanwhile
		}
	}
	return out;
}

/** A /proc/<pid>/status field in bytes (VmHWM, VmRSS), or null. */
function statusBytes(pid: number, field: string): number | null {
	try {
		const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : null;
	} catch {
		return null;
	}
}

/**
 * Peak resident memory (bytes) of the largest renderer of the Chromium whose profile is
 * `profileDir` — the tab — or null where /proc is not available. Call before closing the browser.
 */
export function rendererPeakBytes(profileDir: string): number | null {
	let all: Proc[];
	try {
		all = processes();
	} catch {
		return null;
	}
	const roots = all.filter((p) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && !p.cmdline.includes('--type='));
	if (roots.length === 0) return null;
	const family = new Set(roots.map((p) => p.pid));
	// descendants (zygotes sit between the browser and its renderers)
	for (let grown = true; grown; ) {
		grown = false;
		for (const p of all) if (!family.has(p.pid) && family.has(p.ppid)) (family.add(p.pid), (grown = true));
	}
	const peaks = all
		.filter((p) => family.has(p.pid) && p.cmdline.includes('--type=renderer'))
		.map((p) => statusBytes(p.pid, 'VmHWM'))
		.filter((b): b is number => b !== null);
	return peaks.length ? Math.max(...peaks) : null;
}
