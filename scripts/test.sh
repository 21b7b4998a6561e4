#!/usr/bin/env bash
# The whole test suite on a fresh machine: setup, checks, unit + integration tests,
# extension build, browser end-to-end tests in real Chromium.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
bash "$here/system-packages.sh"
source "$here/env.sh"
cd "$SVODKA_ROOT"
npm run check
npm run test:unit
npm run build
npm run build:firefox
npm run test:e2e
