#!/usr/bin/env bash
# `npm start`: install dependencies if needed, build the site (extraction first), serve it.
#   PORT=8080 npm start      (default 4173; 0 picks a free port)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# npm ci when node_modules is missing or older than the lock file (someone pulled new deps).
# npm writes node_modules/.package-lock.json on every install, so its age tells.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
	echo "start: installing dependencies (npm ci)"
	npm ci --no-audit --no-fund
fi

npm run build

PORT="${PORT:-4173}"
echo "start: serving build/ — open the URL below (Ctrl-C to stop)"
exec node scripts/serve.mjs build "$PORT"
