#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests and the app bench.
# Idempotent: does nothing when it is already there. CI runs on a fresh machine where nothing was
# installed by hand, so `npm test` calls this before the e2e project. Playwright's own browser
# download cannot work here (no internet but the npm registry and Debian's archive).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
	echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo 'chromium') already installed at $CHROMIUM"
	exit 0
fi

# apt-get needs root; use sudo only if we are not root and it exists.
SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=(sudo -n)
	else
		echo "ensure-chromium: $CHROMIUM is missing and we are not root (no sudo): install Debian's 'chromium' package" >&2
		exit 1
	fi
fi

echo "ensure-chromium: $CHROMIUM missing; installing Debian's chromium package (apt-get update && apt-get install -y chromium)"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
# fonts-noto-cjk: the UI is Chinese; without a CJK font screenshots show boxes (tests still pass).
"${SUDO[@]}" apt-get install -y -q chromium fonts-noto-cjk </dev/null

if [[ ! -x "$CHROMIUM" ]]; then
	echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
	exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo 'chromium')"
