#!/usr/bin/env bash
# Installs npm dependencies when package-lock.json changed since the last install (or never ran).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.kubelab-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "[kubelab] npm ci" >&2
  npm ci --no-fund --no-audit --loglevel=error
  echo "$want" > "$stamp"
fi
