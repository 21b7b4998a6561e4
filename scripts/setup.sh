#!/usr/bin/env bash
# Installs the project's own dependencies (Node >= 22 and npm packages). Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SVODKA_ROOT"
stamp="node_modules/.svodka-lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "[svodka] npm ci (Node $(node --version))…"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
