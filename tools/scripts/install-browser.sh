#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the report's browser test
# (apps/compare/test/report/report.browser.test.ts, driven by playwright-core).
# Runs before `npm test`; does nothing when Chromium is already there or browser tests are skipped
# (SYNTHGRAD_SKIP_BROWSER_TESTS=1). Needs root to install. Every apt step is time-bounded.
set -euo pipefail

if [ "${SYNTHGRAD_SKIP_BROWSER_TESTS:-}" = "1" ]; then
  echo "install-browser: SYNTHGRAD_SKIP_BROWSER_TESTS=1, browser tests will be skipped"
  exit 0
fi

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  echo "install-browser: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: /usr/bin/chromium is missing and installing it needs root (apt-get install chromium)." >&2
  echo "install-browser: install Chromium yourself, or run the tests without the browser test: SYNTHGRAD_SKIP_BROWSER_TESTS=1 npm test" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
APT_OPTIONS=(-q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

timeout 600 apt-get update -q
# fonts-dejavu-core: a font for the report's text in headless screenshots.
timeout 1200 apt-get install "${APT_OPTIONS[@]}" --no-install-recommends chromium fonts-dejavu-core

if [ ! -x "$CHROMIUM" ]; then
  echo "install-browser: apt-get finished but $CHROMIUM is missing" >&2
  exit 1
fi
echo "install-browser: installed $("$CHROMIUM" --version 2>/dev/null)"
