/**
 * Errors and diagnostics of the extraction stages. Every message names its stage, the file and,
 * where it applies, the 1-based line, e.g. `extract: 002_x.txt:238: 表二 row 2010302 …`.
 */

export type Severity = 'error' | 'warning' | 'info';

export type Stage = 'decode' | 'layout' | 'tables' | 'solve' | 'narrative' | 'metadata' | 'check' | 'write';

export interface Diagnostic {
	severity: Severity;
	stage: Stage;
	/** 1-based source line, or null when the message is about the whole file. */
	line: number | null;
	message: string;
}

/** Thrown when a file cannot be read as a disclosure at all; the CLI reports it and goes on. */
export class ExtractError extends Error {
	constructor(
		readonly file: string,
		readonly stage: Stage,
		readonly line: number | null,
		detail: string
	) {
		super(`extract: ${file}${line === null ? '' : `:${line}`}: ${detail}`);
		this.name = 'ExtractError';
	}
}

/** Formats a diagnostic the way the CLI prints it. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
	const where = d.line === null ? file : `${file}:${d.line}`;
	return `${d.severity}: ${d.stage}: ${where}: ${d.message}`;
}
