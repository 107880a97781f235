/**
 * Shared helpers for the benchmark scripts (`bench:app`, `bench:extract`): BENCHMARKS.md keeps one
 * `## ` section per benchmark, and each script replaces only its own, so results from different
 * scripts (and hand-written notes in other sections) survive each other's runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';

const FILE_TITLE = '# Benchmarks\n\nWritten by the benchmark scripts; each replaces only its own `##` section.\n';

/** True for a line that starts a section at level ≤ 2 (`# ` or `## `), where a `##` section ends. */
function isSectionBoundary(line: string): boolean {
	return /^#{1,2}\s/.test(line);
}

/**
 * Returns `markdown` with the `## {heading}` section's body replaced by `body` (the section runs to
 * the next `#`/`##` heading or the end). A missing section is appended at the end. Headings inside
 * fenced code blocks are ignored.
 */
export function replaceSection(markdown: string, heading: string, body: string): string {
	const lines = markdown.split('\n');
	const headingLine = `## ${heading}`;
	const section = [headingLine, '', ...body.trimEnd().split('\n'), ''];
	let inFence = false;
	let start = -1;
	let end = lines.length;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? '';
		if (/^(```|~~~)/.test(line)) inFence = !inFence;
		if (inFence) continue;
		if (start === -1 && line.trimEnd() === headingLine) {
			start = i;
		} else if (start !== -1 && isSectionBoundary(line)) {
			end = i;
			break;
		}
	}
	if (start === -1) {
		const trimmed = markdown.trimEnd();
		return (trimmed === '' ? FILE_TITLE.trimEnd() : trimmed) + '\n\n' + section.join('\n');
	}
	return [...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n').replace(/\n*$/, '\n');
}

/** Reads `file` (or starts a new one), replaces the `## {heading}` section, writes it back. */
export function updateSection(file: string, heading: string, body: string): void {
	const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
	writeFileSync(file, replaceSection(current, heading, body));
}

export interface MachineInfo {
	cores: number;
	cpu: string;
	memoryGiB: number;
	os: string;
	node: string;
}

export function machineInfo(): MachineInfo {
	const list = cpus();
	return {
		cores: list.length,
		cpu: list[0]?.model.trim() ?? 'unknown',
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		os: `${osType()} ${release()}`,
		node: process.version
	};
}

/** `chromium --version` of a binary, or 'unknown' (the bench also asks the browser itself). */
export function chromiumVersion(path: string): string {
	try {
		return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
	} catch {
		return 'unknown';
	}
}

export function describeMachine(m: MachineInfo): string {
	return `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}`;
}

/** The 1-minute load average now (0 where the OS does not report one). */
export function loadAverage(): number {
	return loadavg()[0] ?? 0;
}

/**
 * "1-minute load average 0.7 before, 1.4 after (2 cores)", with a warning when the machine was
 * busier than its cores: figures taken then are pessimistic. `own`: threads the benchmark itself
 * keeps busy (an extraction's workers and main thread), which the load after counts too — without
 * it, a benchmark that uses every core would always call the machine busy.
 */
export function describeLoad(before: number, after: number, cores: number, own = 0): string {
	const busy = wasBusy(before, after, cores, own);
	const mine = own > 0 ? `; the benchmark keeps ${own} threads busy itself` : '';
	return (
		`1-minute load average ${before.toFixed(1)} before, ${after.toFixed(1)} after (${cores} cores${mine})` +
		(busy ? ': **the machine was busy with other work; treat these numbers as pessimistic.**' : '.')
	);
}

/** Whether the load before or after, less the benchmark's own threads, was above the cores ({@link describeLoad}). */
export function wasBusy(before: number, after: number, cores: number, own = 0): boolean {
	return Math.max(before, after - own) > cores;
}

/** `850 ms`, `1.23 s`; `n/a` for a figure not measured (NaN). */
export function formatMs(ms: number): string {
	return Number.isFinite(ms) ? (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`) : 'n/a';
}

/** Nearest-rank percentile (p in 0–100) of a non-empty list; NaN for an empty one. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** A GitHub-flavoured Markdown table. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
	const escape = (cell: string) => cell.replace(/\|/g, '\\|');
	const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
	return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Today as YYYY-MM-DD (UTC), for "measured on" lines. */
export function today(): string {
	return new Date().toISOString().slice(0, 10);
}
