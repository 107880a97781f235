/**
 * One text measurement of `npm run bench:extract` in a process of its own (a fresh heap at Node's
 * default size): `run-bundled.mjs scripts/lib/bench-text-child.ts DIR JOBS` prints the TextRun as
 * the last line of its output.
 */
import { measureText } from './bench-measure';

const [dir, jobs] = process.argv.slice(-2);
measureText(dir as string, Number(jobs)).then(
	(run) => console.log(JSON.stringify(run)),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
