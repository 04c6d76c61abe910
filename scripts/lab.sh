#!/usr/bin/env bash
# THE main job (README): sets the machine up and opens kubelab (desktop window, or browser mode).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh
bash scripts/ensure-npm.sh
npm run -s build
node bin/kubelab.js doctor || true
exec node bin/kubelab.js desktop "$@"
