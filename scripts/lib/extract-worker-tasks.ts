/**
 * What a worker thread is asked to do, and the code that does it — the same code the main thread
 * runs when it extracts alone, so a folder gives the same results with or without workers. Tasks
 * and results are plain data (structured clone): file names and plan steps in, profiles and
 * extracted documents (whole, or packed for the writer: packed-document.ts) out.
 */
import type { MessagePort } from 'node:worker_threads';
import type { FileOptions } from '../../src/lib/extract/index';
import type { DocumentMetadata } from '../../src/lib/extract/metadata';
import type { PdfEngine } from '../../src/lib/extract/pdf/engine';
import { extractItem, readAndExtract, readAndProfile, type FileRead, type ItemOutcome, type StepTask } from './folder-corpus';
import { outcomeTransferables, packFirstRead, packOutcome, type PackedFirstRead, type PackedOutcome } from './packed-document';
import { createNodePdfEngine } from './pdf-node';
import { recycleLines } from './spool-lines';
import { nodeUtf8 } from './utf8-node';

/** A file of the first pass, with its row of manifest.csv if it has one. */
export interface FileTask {
	file: string;
	override?: Partial<DocumentMetadata>;
}

/**
 * A task: read and profile files (first pass); the same and extract each file alone, packed (the
 * first pass of a folder extracted as it is read: folder-corpus.ts); extract a step of the plan,
 * where `pack` asks for the documents packed (packed-document.ts) rather than whole. A first-pass
 * task takes a few files at once and answers them in one message: a message each way per file
 * (and the threads woken for it) cost about 7 % of the CPU of a folder of text (extract-folder.ts).
 */
export type WorkerTask =
	| { kind: 'profile'; dir: string; files: FileTask[] }
	| { kind: 'first'; dir: string; files: FileTask[] }
	| { kind: 'extract'; dir: string; task: StepTask; pack?: boolean };

/** What the main thread posts to a worker: a task, or buffers of encoded rows given back for reuse (no answer). */
export type WorkerMessage = WorkerTask | { kind: 'recycle'; buffers: ArrayBuffer[] };

/** A first-pass task's answer has the files' results in the task's order. */
export type TaskResult = FileRead[] | PackedFirstRead[] | ItemOutcome | PackedOutcome;

/** A message from a worker: the result of its oldest task, or the error that stopped it (rethrown by the caller). */
export type WorkerReply = { result: TaskResult } | { fatal: string };

/** Runs one task (see {@link WorkerTask}). */
export async function runTask(task: WorkerTask, options: FileOptions): Promise<TaskResult> {
	if (task.kind !== 'extract') {
		// A first-pass task: its files one after another, their results in its order.
		const results: (FileRead | PackedFirstRead)[] = [];
		for (const { file, override } of task.files) {
			// A file holding several disclosures gives a result for each.
			if (task.kind === 'profile') results.push(...(await readAndProfile(task.dir, file, override, options)));
			else results.push(...(await readAndExtract(task.dir, file, override, options)).map(packFirstRead));
		}
		return results as FileRead[] | PackedFirstRead[];
	}
	const outcome = await extractItem(task.dir, task.task, options);
	return task.pack ? packOutcome(outcome) : outcome;
}

/** The buffers a result moves to the main thread instead of copying them. */
function transfersOf(result: TaskResult): ArrayBuffer[] {
	if (Array.isArray(result)) return result.flatMap((r: FileRead | PackedFirstRead) => ('read' in r && r.outcome ? outcomeTransferables(r.outcome) : []));
	return (result as Partial<PackedOutcome>).packed === true ? outcomeTransferables(result as PackedOutcome) : [];
}

/**
 * Answers the tasks posted to `port`, one at a time in the order they came (a PDF's pages are
 * read asynchronously; two tasks must not interleave, so the caller knows which one a crash hit).
 */
export function serveTasks(port: MessagePort, run: (task: WorkerTask, options: FileOptions) => Promise<TaskResult> = runTask): void {
	const options = nodeFileOptions();
	let queue = Promise.resolve();
	port.on('message', (message: WorkerMessage) => {
		// Buffers the writer is done with: kept for the next rows, at once (not a task: no answer).
		if (message.kind === 'recycle') return message.buffers.forEach(recycleLines);
		const task = message;
		queue = queue.then(async () => {
			let reply: WorkerReply;
			try {
				reply = { result: await run(task, options) };
			} catch (error) {
				reply = { fatal: error instanceof Error ? (error.stack ?? error.message) : String(error) };
			}
			// A packed outcome's buffers move to the main thread instead of being copied.
			port.postMessage(reply, 'result' in reply ? transfersOf(reply.result) : []);
		});
	});
}

/** How files are read in Node, in a worker or in the main thread: pdf.js loaded at the first PDF (pdf-node.ts), Node's UTF-8 decoding. */
export function nodeFileOptions(pdf: PdfEngine = createNodePdfEngine()): FileOptions {
	return { pdf, utf8: nodeUtf8 };
}
