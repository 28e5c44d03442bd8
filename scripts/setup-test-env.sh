#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine (run as root, or with sudo for apt-get):
# system parts from Debian, planlint with its test extras from PyPI, and the Node tools the browser and
# SARIF tests use from the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

retry() {  # a registry that hiccups once should not fail the whole setup
  "$@" || { sleep 15; "$@"; } || { sleep 45; "$@"; }
}

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  retry $SUDO apt-get update -qq
  # chromium: the HTML report's browser tests; libreoffice-writer: opening annotated .docx files.
  retry $SUDO apt-get install -y -qq --no-install-recommends \
    chromium libreoffice-writer-nogui fonts-dejavu-core >/dev/null
  # Node.js for axe-core and the SARIF validator, unless the machine already has it.
  command -v npm >/dev/null 2>&1 || $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

retry python3 -m pip install -q -e ".[test]"

# axe-core and playwright-core (no browser download) for the HTML report; the SARIF Multitool.
for tool in tests/html tests/sarif; do
  retry npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error
done
