#!/usr/bin/env bash
# `npm test` (and so CI's `.ci/run`): everything a fresh machine needs, then every test.
#   1. npm ci if node_modules is missing or stale
#   2. Debian's Chromium for the browser tests (scripts/ensure-chromium.sh)
#   3. npm run build (extraction, then the static site in build/)
#   4. svelte-check (types of the components and routes; an error counts as one failure)
#   5. vitest: projects `unit` and `e2e` in one run
#   6. a closing line "N passed, N failed[, N skipped]" computed from vitest's JSON report
# Exits non-zero if the build or any test failed. Extra arguments go to vitest
# (e.g. `npm test -- test/e2e/smoke.test.ts`); SKIP_BUILD=1 reuses an existing build/.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

REPORT=test-results/vitest.json

step() { printf '\n== test: %s\n' "$*"; }

# --- 1. dependencies ------------------------------------------------------------------------
# npm writes node_modules/.package-lock.json on every install, so its age tells whether the lock
# file changed since.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
	step "installing dependencies (npm ci)"
	npm ci --no-audit --no-fund || { echo "test: npm ci failed" >&2; exit 1; }
fi

# --- 2. browser -----------------------------------------------------------------------------
step "chromium"
bash scripts/ensure-chromium.sh || { echo "test: could not install chromium" >&2; exit 1; }

# --- 3. build -------------------------------------------------------------------------------
build_failed=0
if [[ "${SKIP_BUILD:-}" == 1 ]]; then
	# For quick local reruns against an existing build/; CI never sets it.
	step "build skipped (SKIP_BUILD=1): testing the existing build/"
elif step "build (npm run build)" && ! npm run build; then
	build_failed=1
	echo "test: BUILD FAILED — running the unit tests only; the e2e tests need build/" >&2
fi

# --- 4. types ------------------------------------------------------------------------------
step "svelte-check"
check_failed=0
npx svelte-check --tsconfig ./tsconfig.json --threshold error --output human || check_failed=1

# --- 5. tests -------------------------------------------------------------------------------
mkdir -p "$(dirname "$REPORT")"
rm -f "$REPORT"
projects=(--project unit --project e2e)
[[ $build_failed -eq 1 ]] && projects=(--project unit)
step "vitest run ${projects[*]}"
npx vitest run "${projects[@]}" --reporter=default --reporter=json --outputFile="$REPORT" "$@"
vitest_status=$?

# --- 6. summary -----------------------------------------------------------------------------
# Counts come from the JSON report, not from vitest's own console summary, so the closing line has
# exactly the plain form CI reads. A test file that failed to load has no failed test in it, so it
# counts as one failure; a missing report (vitest crashed) counts as one failure too; so does a
# failed build.
summary=$(CHECK_FAILED=$check_failed BUILD_FAILED=$build_failed VITEST_STATUS=$vitest_status node --input-type=module - "$REPORT" <<'JS'
import { existsSync, readFileSync } from 'node:fs';
const file = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
const notes = [];
if (!existsSync(file)) {
	failed += 1;
	notes.push(`vitest wrote no report (exit ${process.env.VITEST_STATUS}): counted as 1 failed`);
} else {
	const r = JSON.parse(readFileSync(file, 'utf8'));
	passed = r.numPassedTests ?? 0;
	failed = r.numFailedTests ?? 0;
	skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
	for (const f of r.testResults ?? []) {
		const anyFailed = (f.assertionResults ?? []).some((a) => a.status === 'failed');
		if (f.status === 'failed' && !anyFailed) {
			failed += 1;
			notes.push(`${f.name}: file failed outside any test (${String(f.message ?? '').split('\n')[0]}): counted as 1 failed`);
		}
	}
	if (failed === 0 && process.env.VITEST_STATUS !== '0') {
		failed += 1;
		notes.push(`vitest exited ${process.env.VITEST_STATUS} with no failed test: counted as 1 failed`);
	}
}
if (process.env.CHECK_FAILED === '1') {
	failed += 1;
	notes.push('svelte-check found errors: counted as 1 failed');
}
if (process.env.BUILD_FAILED === '1') {
	failed += 1;
	notes.push('the build failed (e2e tests not run): counted as 1 failed');
}
for (const n of notes) console.log(`note: ${n}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
JS
)
summary_status=$?
echo
if [[ $summary_status -ne 0 ]]; then
	echo "test: could not read $REPORT" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
echo "$summary"

# The closing line's failed count decides, so exit status and line never disagree.
last=$(printf '%s\n' "$summary" | tail -n 1)
[[ "$last" =~ ^[0-9]+\ passed,\ 0\ failed ]] && exit 0
exit 1
