#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the report's browser test
# (apps/compare/test/report/report.browser.test.ts, driven by playwright-core).
# Runs as root in CI; does nothing when Chromium is already there. Every apt step is time-bounded.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  echo "install-browser: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: must run as root (apt-get install chromium)" >&2
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
