/** A worker thread of the extractor: answers the tasks of extract-worker-tasks.ts (started by extract-worker-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { serveTasks } from './extract-worker-tasks';

if (!parentPort) throw new Error('extract-worker: run as a worker thread (see extract-worker-pool.ts)');
serveTasks(parentPort);
