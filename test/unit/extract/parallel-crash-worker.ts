/**
 * A worker for parallel.test.ts: the real extractor worker, except that it dies (an uncaught
 * exception, as a native crash or a bug outside the per-file error handling would) on the task of
 * any file whose name contains `crash-on-profile` (first pass) or `crash-on-extract` (second pass;
 * in a folder extracted as it is read, where the first pass extracts too, both die in the first).
 */
import { parentPort } from 'node:worker_threads';
import { runTask, serveTasks, type WorkerTask } from '../../../scripts/lib/extract-worker-tasks';

function diesOn(task: WorkerTask): boolean {
	// A first-pass task of several files dies if any of them would.
	if (task.kind === 'profile') return task.files.some(({ file }) => file.includes('crash-on-profile'));
	if (task.kind === 'first') return task.files.some(({ file }) => /crash-on-(profile|extract)/.test(file));
	return task.task.step.files.some((f) => f.includes('crash-on-extract'));
}

if (!parentPort) throw new Error('parallel-crash-worker: run as a worker thread');
serveTasks(parentPort, (task, options) => {
	if (!diesOn(task)) return runTask(task, options);
	setImmediate(() => {
		throw new Error('simulated crash');
	});
	return new Promise(() => {}); // never answers: the thread dies first
});
