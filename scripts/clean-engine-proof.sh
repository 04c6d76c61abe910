#!/usr/bin/env bash
# Clean-engine proof (issue #7): `kubelab bundle create` on this machine's engine, then
# `kubelab bundle load` into a throwaway second Docker engine that has never seen a lab image,
# then every image of the bundle must be there with the very same image ID and the bundle's
# scenarios must be in that machine's catalogue. A truncated copy of the bundle must be refused
# with the second engine left as it was.
#
# The second engine never disturbs the shared one: its own dockerd with its own data-root,
# exec-root and socket, no iptables rules, no ip forwarding change, and its OWN default bridge
# (kl-clean0, created and removed here). NOT `--bridge=none`: a dockerd started with it deletes
# the host's docker0 (moby's removeDefaultBridgeInterface, "--bridge=none use case"), which is
# the shared engine's default bridge — builds then fail with "could not find bridge docker0".
# Only the dockerd started here is stopped (by its pid); its data-root is removed afterwards.
#
# usage: scripts/clean-engine-proof.sh [--keep-bundle FILE] [--images A,B] [--scenarios A,B]
#   (defaults: every lab image and every scenario, i.e. the real workshop bundle)
set -euo pipefail
cd "$(dirname "$0")/.."
data_root=/var/lib/kubelab-clean-engine
run_dir=/run/kubelab-clean-engine
socket="$run_dir/docker.sock"
engine_log=/tmp/kubelab-clean-engine.log
bridge=kl-clean0
bridge_cidr=172.31.254.1/24
work=$(mktemp -d /var/tmp/kubelab-clean-proof.XXXXXX)
bundle="$work/workshop.kubelab"
create_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --keep-bundle) bundle=$2; shift 2 ;;
    --images | --scenarios) create_args+=("$1" "$2"); shift 2 ;;
    *) echo "usage: $0 [--keep-bundle FILE] [--images A,B] [--scenarios A,B]" >&2; exit 2 ;;
  esac
done
kubelab() { node bin/kubelab.js "$@"; }
clean() { DOCKER_HOST="unix://$socket" KUBELAB_HOME="$work/learner-home" node bin/kubelab.js "$@"; }
log() { printf '[clean-engine-proof] %s\n' "$*" >&2; }
started=$(date +%s)
dockerd_pid=

[ "$(id -u)" = 0 ] || { log "needs root (a second dockerd)"; exit 2; }
if [ -S "$socket" ]; then log "$socket exists: another clean-engine proof is running?"; exit 2; fi
if ip link show "$bridge" >/dev/null 2>&1; then log "$bridge exists: another clean-engine proof is running?"; exit 2; fi

cleanup() {
  local status=$?
  if [ -n "$dockerd_pid" ] && kill -0 "$dockerd_pid" 2>/dev/null; then
    kill -TERM "$dockerd_pid"
    for _ in $(seq 60); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$dockerd_pid" 2>/dev/null && kill -KILL "$dockerd_pid"
  fi
  ip link del "$bridge" 2>/dev/null || true
  rm -rf "$data_root" "$run_dir" "$work"
  log "second engine stopped and removed; $(( $(date +%s) - started )) s in all"
  exit "$status"
}
trap cleanup EXIT

ip link show docker0 >/dev/null 2>&1 || log "note: the host has no docker0 before this proof started"
ip link add "$bridge" type bridge
ip addr add "$bridge_cidr" dev "$bridge"
ip link set "$bridge" up
rm -rf "$data_root"
mkdir -p "$data_root" "$run_dir"
dockerd --data-root="$data_root" --exec-root="$run_dir/exec" --pidfile="$run_dir/dockerd.pid" \
  --host="unix://$socket" --bridge="$bridge" --iptables=false --ip6tables=false --ip-masq=false \
  --ip-forward=false --containerd-namespace=kubelab-clean \
  --containerd-plugins-namespace=kubelab-clean-plugins >"$engine_log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 120); do
  DOCKER_HOST="unix://$socket" docker info >/dev/null 2>&1 && break
  kill -0 "$dockerd_pid" 2>/dev/null || { log "dockerd exited; see $engine_log"; exit 1; }
  sleep 0.5
done
log "second engine up ($(DOCKER_HOST="unix://$socket" docker version -f '{{.Server.Version}}')), $(DOCKER_HOST="unix://$socket" docker images -q | wc -l) images"

t=$(date +%s)
kubelab bundle create "$bundle" "${create_args[@]}"
create_seconds=$(( $(date +%s) - t ))
size=$(stat -c %s "$bundle")
log "bundle create: $create_seconds s, $(( size / 1024 / 1024 )) MiB"

# A damaged copy first: refused, nothing imported.
head -c $(( size * 3 / 4 )) "$bundle" >"$work/truncated.kubelab"
if clean bundle load "$work/truncated.kubelab"; then log "FAIL: a truncated bundle was loaded"; exit 1; fi
[ "$(DOCKER_HOST="unix://$socket" docker images -q | wc -l)" = 0 ] ||
  { log "FAIL: the refused bundle left images behind"; exit 1; }
[ ! -d "$work/learner-home/scenarios" ] || [ -z "$(ls -A "$work/learner-home/scenarios")" ] ||
  { log "FAIL: the refused bundle left scenarios behind"; exit 1; }
log "truncated copy refused, second engine still empty"

t=$(date +%s)
clean bundle load "$bundle"
load_seconds=$(( $(date +%s) - t ))
log "bundle load into the second engine: $load_seconds s"

kubelab bundle inspect "$bundle" --json >"$work/manifest.json"
clean images list --json >"$work/clean-images.json"
clean scenarios --json >"$work/clean-scenarios.json"
node - "$work" <<'NODE'
// Every bundled image on the second engine under its ref with the bundled image ID; every
// bundled scenario in the learner's catalogue there.
const { readFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const work = process.argv[2];
const manifest = JSON.parse(readFileSync(`${work}/manifest.json`, 'utf8'));
const listed = JSON.parse(readFileSync(`${work}/clean-images.json`, 'utf8'));
const catalogue = JSON.parse(readFileSync(`${work}/clean-scenarios.json`, 'utf8'));
let failed = 0;
for (const image of manifest.images) {
  const row = listed.find((r) => r.name === image.name);
  const id = execFileSync('docker', ['image', 'inspect', '-f', '{{.Id}}', image.ref], {
    env: { ...process.env, DOCKER_HOST: `unix:///run/kubelab-clean-engine/docker.sock` },
  }).toString().trim();
  const ok = row?.present && row.upToDate && id === image.imageId;
  if (!ok) failed++;
  console.error(`${ok ? 'ok  ' : 'FAIL'} ${image.name.padEnd(12)} ${id.slice(7, 19)} ${ok ? '' : `(expected ${image.imageId.slice(7, 19)}, listed ${JSON.stringify(row)})`}`);
}
const ids = catalogue.scenarios.map((s) => s.id);
for (const { id } of manifest.scenarios) {
  const ok = ids.includes(id);
  if (!ok) failed++;
  console.error(`${ok ? 'ok  ' : 'FAIL'} scenario ${id}`);
}
console.error(`${manifest.images.length} images, ${manifest.scenarios.length} scenarios checked, ${failed} failed`);
process.exit(failed ? 1 : 0);
NODE
ip link show docker0 >/dev/null 2>&1 || { log "FAIL: docker0 of the shared engine is gone"; exit 1; }
log "PASS: create $create_seconds s, load $load_seconds s, $(( size / 1024 / 1024 )) MiB; every image and scenario present on the clean engine ($(( $(date +%s) - started )) s in all)"
