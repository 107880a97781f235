/**
 * What a run interrupted by Ctrl-C or `kill` leaves behind: nothing. The writer's spools, the
 * folder's spill and the Parquet files not yet renamed into place are hidden temporary files in the
 * output folder (a 30,000-document run's spools are gigabytes); whoever makes one registers it here,
 * and a CLI that {@link exitCleanlyOnSignals} removes them before it exits. The Parquet files already
 * in place are never touched: they are replaced only by the renames at the end of a run, which a
 * signal waits for ({@link uninterrupted}), so the output is the previous run's or this one's, whole.
 * Without the handlers (a library user, a test), registering does nothing else.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:os';

const temporary = new Set<string>();
let installed = false;
/** Sections a signal waits for (the renames), and the signal that came meanwhile. */
let holding = 0;
let pending: NodeJS.Signals | null = null;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Removes `path` (a file or folder) if the process is interrupted; call the returned function once it is gone or kept. */
export function removeOnInterrupt(path: string): () => void {
	temporary.add(path);
	return () => void temporary.delete(path);
}

/** Runs `work` with signals held until it ends (renaming a run's files into place: all of them or none). */
export async function uninterrupted<T>(work: () => Promise<T>): Promise<T> {
	holding++;
	try {
		return await work();
	} finally {
		holding--;
		if (holding === 0 && pending) exitOn(pending, true);
	}
}

/** Told, before the exit, which signal stopped the run and whether a held section (the renames) had completed first. */
type OnInterrupt = (signal: NodeJS.Signals, heldSectionDone: boolean) => void;
let announce: OnInterrupt = () => {};

/** For a CLI: on SIGINT, SIGTERM or SIGHUP, removes what was registered, calls `onInterrupt`, and exits 128 + the signal's number. */
export function exitCleanlyOnSignals(onInterrupt: OnInterrupt = () => {}): void {
	announce = onInterrupt;
	if (installed) return;
	installed = true;
	for (const signal of SIGNALS)
		process.on(signal, () => {
			if (holding > 0) pending = signal;
			else exitOn(signal, false);
		});
}

function exitOn(signal: NodeJS.Signals, heldSectionDone: boolean): never {
	for (const path of temporary) rmSync(path, { recursive: true, force: true });
	temporary.clear();
	announce(signal, heldSectionDone);
	process.exit(128 + (constants.signals[signal] ?? 0));
}

/** The temporary names a run gives in its output folder, each with its process's pid. */
const TEMPORARY_NAME = [/^\..+\.(\d+)\.(?:ndjson|tmp)$/, /^\.spill\.(\d+)$/, /^\.budget-lens-spill-(\d+)-/];

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists, as another user's.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes what runs that died without cleaning up (killed with SIGKILL, out of memory, a power cut)
 * left in `dir`: temporary names whose pid is no running process. A live run's files are left alone.
 * Returns the names removed.
 */
export function removeStaleTemporaries(dir: string): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const name of names) {
		const pid = TEMPORARY_NAME.map((re) => re.exec(name)?.[1]).find((p) => p !== undefined);
		if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
		rmSync(join(dir, name), { recursive: true, force: true });
		removed.push(name);
	}
	return removed;
}
