#!/usr/bin/env bash
# Installs Debian's redis-server for the queue's integration test (apps/compare/test/queue.int.test.ts
# starts its own on a loopback port, with no persistence, and stops it). Runs before `npm test`; does
# nothing when redis-server is already there. Needs root to install. Every apt step is time-bounded.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  echo "install-redis: $(redis-server --version | cut -d' ' -f1-3) already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-redis: redis-server is missing and installing it needs root (apt-get install redis-server)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
timeout 600 apt-get update -q
timeout 900 apt-get install -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --no-install-recommends redis-server
# The package starts a system-wide server on port 6379; the tests start their own, so stop it.
(service redis-server stop || true) >/dev/null 2>&1
echo "install-redis: installed $(redis-server --version | cut -d' ' -f1-3)"
