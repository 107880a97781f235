/**
 * `fn`, remembering its last argument (by identity) and result: called with the same argument twice
 * in a row, it computes once. For a reading asked twice of the same lines or columns — a folder's
 * first pass profiles a file and then extracts it from the same lines — where a WeakMap by argument
 * would cost more: weak keys that die young make every scavenge dearer (≈ 6 % of a corpus run).
 * The result is shared: callers must not change it.
 */
export function rememberLast<A extends object, R>(fn: (arg: A) => R): (arg: A) => R {
	let lastArg: A | null = null;
	let lastResult: R;
	return (arg) => {
		if (arg !== lastArg) {
			lastResult = fn(arg);
			lastArg = arg;
		}
		return lastResult;
	};
}
