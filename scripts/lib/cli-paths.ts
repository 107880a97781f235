/**
 * The paths a CLI is given, checked before anything is written: what is wrong with one is said in a
 * line naming it (a {@link PathError}, which the CLI prints without a stack trace).
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A path given on the command line that cannot be used; its message is the whole report. */
export class PathError extends Error {
	override name = 'PathError';
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Whether an input path is a folder or one file; a PathError when it is neither. */
export async function inputKind(path: string): Promise<'folder' | 'file'> {
	const info = await stat(path).catch((error: unknown) => {
		if (codeOf(error) === 'ENOENT') throw new PathError(`输入目录或文件不存在：${path} (no such folder or file)`);
		throw new PathError(`无法读取输入：${path}（${codeOf(error)}）(cannot read the input)`);
	});
	if (info.isDirectory()) return 'folder';
	if (info.isFile()) return 'file';
	throw new PathError(`输入既不是目录也不是文件：${path} (not a folder or a file)`);
}

/**
 * Makes the output folder and any missing parent, one level at a time: Node's recursive mkdir loops
 * forever where a parent exists but refuses children (under /proc). A PathError when it is a file or
 * cannot be made.
 */
export async function ensureFolder(path: string): Promise<void> {
	const missing: string[] = [];
	for (let p = path; ; p = dirname(p)) {
		const info = await stat(p).catch((error: unknown) => {
			if (codeOf(error) === 'ENOENT' && dirname(p) !== p) return null;
			throw new PathError(`无法创建输出目录：${path}（${codeOf(error)}）(cannot make the output folder)`);
		});
		if (info === null) {
			missing.push(p);
			continue;
		}
		if (!info.isDirectory()) {
			if (p === path) throw new PathError(`输出路径不是目录：${path} (not a folder)`);
			throw new PathError(`无法创建输出目录：${path}（ENOTDIR）(cannot make the output folder)`);
		}
		break;
	}
	for (const p of missing.reverse()) {
		await mkdir(p).catch((error: unknown) => {
			if (codeOf(error) !== 'EEXIST') throw new PathError(`无法创建输出目录：${path}（${codeOf(error)}）(cannot make the output folder)`);
		});
	}
}
