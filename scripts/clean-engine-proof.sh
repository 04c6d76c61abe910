#!/usr/bin/env bash
# Clean-engine proof (issue #7): `kubelab bundle create` on this machine's engine, then
# `kubelab bundle load` into a throwaway second Docker engine that has never seen a lab image,
# then every image of the bundle must be there with the very same image ID and the bundle's
# scenarios must be in that machine's catalogue; then `kubelab verify` runs every bundled
# scenario on a lab of that engine with no route beyond its own lab network. A truncated copy of
# the bundle must be refused with the second engine left as it was.
#
# The second engine never disturbs the shared one: its own dockerd with its own data-root,
# exec-root and socket, no iptables rules of its own, no ip forwarding change, and its OWN
# default bridge (kl-clean0, created and removed here). NOT `--bridge=none`: a dockerd started
# with it deletes the host's docker0 (moby's removeDefaultBridgeInterface, "--bridge=none use
# case"), which is the shared engine's default bridge — builds then fail with "could not find
# bridge docker0". Only the dockerd started here is stopped (by its pid); its data-root is
# removed afterwards.
#
# Without its own iptables rules the second engine's lab bridge would be cut off by the host's
# FORWARD policy (DROP, set by the shared engine; bridged frames pass iptables because of
# br_netfilter). So for each network the second engine creates, rules tagged kubelab-clean-proof
# (scripts/lib/proof-firewall.sh) go on top of FORWARD and INPUT the moment it exists: traffic
# within that bridge is accepted (node ↔ node, node ↔ lab registry, pod ↔ pod across nodes);
# anything entering from it for another interface (fwd), DNS to the host (dns) and any other new
# connection to the host (host) is counted and dropped. Those counters are the offline evidence,
# from the first lab start to the last scenario: they must all be 0 — nothing on the lab tried
# to reach beyond its own network — and a positive control must be counted, so the proof cannot
# be blind. The rules are removed by their tag when the proof ends, however it ends.
#
# usage: scripts/clean-engine-proof.sh [--keep-bundle FILE] [--images A,B] [--scenarios A,B]
#                                      [--no-verify]
#   (defaults: every lab image and every scenario, i.e. the real workshop bundle, all verified)
set -euo pipefail
cd "$(dirname "$0")/.."
data_root=/var/lib/kubelab-clean-engine
run_dir=/run/kubelab-clean-engine
socket="$run_dir/docker.sock"
engine_log=/tmp/kubelab-clean-engine.log
bridge=kl-clean0
bridge_cidr=172.31.254.1/24
tag=kubelab-clean-proof
lab=clean-verify
run_verify=1
work=$(mktemp -d /var/tmp/kubelab-clean-proof.XXXXXX)
bundle="$work/workshop.kubelab"
create_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --keep-bundle) bundle=$2; shift 2 ;;
    --images | --scenarios) create_args+=("$1" "$2"); shift 2 ;;
    --no-verify) run_verify=0; shift ;;
    *) echo "usage: $0 [--keep-bundle FILE] [--images A,B] [--scenarios A,B] [--no-verify]" >&2; exit 2 ;;
  esac
done
kubelab() { node bin/kubelab.js "$@"; }
# The instructor's side has a home of its own, so the bundle carries exactly the added image below
# (bundle create carries every image `kubelab images add` recorded in the home).
instructor() { KUBELAB_HOME="$work/instructor-home" node bin/kubelab.js "$@"; }
added_image=example.org/kubelab-proof/tool:1.0
clean() { DOCKER_HOST="unix://$socket" KUBELAB_HOME="$work/learner-home" node bin/kubelab.js "$@"; }
clean_docker() { DOCKER_HOST="unix://$socket" docker "$@"; }
log() { printf '[clean-engine-proof] %s\n' "$*" >&2; }
started=$(date +%s)
dockerd_pid=
watcher_pid=

[ "$(id -u)" = 0 ] || { log "needs root (a second dockerd)"; exit 2; }

fw_tag=$tag
fw_prefix="klcp-$(( $$ % 100000 ))"
# shellcheck source=lib/proof-firewall.sh
. scripts/lib/proof-firewall.sh
owner_file="$run_dir/proof.pid"
bridges_file="$run_dir/bridges"

# stop_engine PID — the second engine's labs and containers first, while it runs (a dockerd
# stopped with running node containers leaves their mounts behind and the data-root cannot be
# removed; everything on this engine is the proof's own), then the dockerd itself.
stop_engine() {
  local pid=$1
  DOCKER_HOST="unix://$socket" KUBELAB_HOME="$work/learner-home" \
    timeout 300 node bin/kubelab.js down --lab "$lab" --purge --data --yes >/dev/null 2>&1 || true
  clean_docker ps -aq | xargs -r env DOCKER_HOST="unix://$socket" docker rm -f -v >/dev/null 2>&1 || true
  clean_docker network prune -f >/dev/null 2>&1 || true
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  ! kill -0 "$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

# clear_host — what the second engine and its rules leave on the host: tagged rules, its default
# bridge, lab bridges it did not remove (they would keep routing their subnets here), mounts
# under its directories (a container that outlived a killed dockerd, unmounted lazily), and the
# directories themselves.
clear_host() {
  fw_remove FORWARD INPUT
  ip link del "$bridge" 2>/dev/null || true
  if [ -f "$bridges_file" ]; then
    while read -r br; do ip link del "$br" 2>/dev/null || true; done <"$bridges_file"
  fi
  awk -v a="$data_root" -v b="$run_dir" 'index($2, a) == 1 || index($2, b) == 1 { print $2 }' /proc/mounts |
    sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$data_root" "$run_dir"
}

# A proof that is really running owns $owner_file with a live pid: refuse. Anything else found
# here is what a proof killed before its cleanup (a CI timeout, a session ended hard) left
# behind — its dockerd may even still run: stop it (by the pid in its own pidfile, and only if
# that process is a dockerd on this data-root) and clear the host before starting afresh.
owner=$(cat "$owner_file" 2>/dev/null || true)
if [ -n "$owner" ] && [ "$owner" != $$ ] && tr '\0' ' ' <"/proc/$owner/cmdline" 2>/dev/null | grep -q clean-engine-proof; then
  log "another clean-engine proof is running (pid $owner); wait for it, or stop it"
  exit 2
fi
if [ -e "$socket" ] || [ -d "$data_root" ] || ip link show "$bridge" >/dev/null 2>&1 ||
  [ -n "$(fw_rules FORWARD)$(fw_rules INPUT)" ]; then
  log "clearing what an earlier proof that did not finish left behind"
  stale_pid=$(cat "$run_dir/dockerd.pid" 2>/dev/null || true)
  if [ -n "$stale_pid" ] && tr '\0' ' ' <"/proc/$stale_pid/cmdline" 2>/dev/null | grep -q -- "--data-root=$data_root"; then
    log "stopping its dockerd (pid $stale_pid)"
    stop_engine "$stale_pid"
  fi
  clear_host
fi

cleanup() {
  local status=$?
  [ -z "$watcher_pid" ] || kill "$watcher_pid" 2>/dev/null || true
  if [ -n "$dockerd_pid" ] && kill -0 "$dockerd_pid" 2>/dev/null; then stop_engine "$dockerd_pid"; fi
  clear_host
  rm -rf "$work"
  log "second engine stopped and removed; $(( $(date +%s) - started )) s in all"
  exit "$status"
}
trap cleanup EXIT
mkdir -p "$run_dir"
echo $$ >"$owner_file"

ip link show docker0 >/dev/null 2>&1 || log "note: the host has no docker0 before this proof started"
ip link add "$bridge" type bridge
ip addr add "$bridge_cidr" dev "$bridge"
ip link set "$bridge" up
rm -rf "$data_root"
mkdir -p "$data_root"
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

# The instructor signs the bundle; the learner trusts that fingerprint (the real path).
kubelab bundle keygen --out "$work/key" >"$work/keygen.txt"
fingerprint=$(sed -n 's/^fingerprint: \([0-9A-F ]*[0-9A-F]\).*/\1/p' "$work/keygen.txt" | sed 's/\x1b\[[0-9;]*m//g')
[ -n "$fingerprint" ] || { log "FAIL: no fingerprint from bundle keygen: $(cat "$work/keygen.txt")"; exit 1; }
# An image of the instructor's own under another registry's name (busybox retagged), added to the
# lab registry and untagged again: only the registry holds it, and the bundle must carry it.
busybox_ref=$(kubelab images list --json | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).find((i)=>i.name==="busybox").ref))')
docker tag "$busybox_ref" "$added_image"
instructor images add "$added_image"
docker rmi "$added_image" >/dev/null
t=$(date +%s)
instructor bundle create "$bundle" "${create_args[@]}" --sign "$work/key/kubelab-signing.key"
create_seconds=$(( $(date +%s) - t ))
size=$(stat -c %s "$bundle")
log "bundle create: $create_seconds s, $(( size / 1024 / 1024 )) MiB"

# First, before this learner trusts anyone (a --trust below is remembered, as a yes is): unsigned
# trust is not enough for a signed bundle from an unknown signer (no TTY here).
if clean bundle load "$bundle" --trust-unsigned; then log "FAIL: an untrusted signer's bundle was loaded"; exit 1; fi
[ "$(DOCKER_HOST="unix://$socket" docker images -q | wc -l)" = 0 ] ||
  { log "FAIL: the untrusted bundle left images behind"; exit 1; }
log "a signer nobody trusted yet refused, second engine still empty"

# A damaged copy: refused, nothing imported.
head -c $(( size * 3 / 4 )) "$bundle" >"$work/truncated.kubelab"
if clean bundle load "$work/truncated.kubelab" --trust "$fingerprint"; then log "FAIL: a truncated bundle was loaded"; exit 1; fi
[ "$(DOCKER_HOST="unix://$socket" docker images -q | wc -l)" = 0 ] ||
  { log "FAIL: the refused bundle left images behind"; exit 1; }
[ ! -d "$work/learner-home/scenarios" ] || [ -z "$(ls -A "$work/learner-home/scenarios")" ] ||
  { log "FAIL: the refused bundle left scenarios behind"; exit 1; }
log "truncated copy refused, second engine still empty"

t=$(date +%s)
clean bundle load "$bundle" --trust "$fingerprint"
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
log "every image and scenario present on the clean engine"

verify_summary="verify skipped (--no-verify)"
if [ "$run_verify" = 1 ]; then
  # A rule pair for each network the second engine creates, added the moment it exists (the
  # lab's nodes are created after their network, so the rules are in place before any traffic).
  clean_docker events --filter type=network --filter event=create --format '{{.Actor.ID}}' 2>/dev/null |
    while read -r id; do
      br="br-${id:0:12}"
      echo "$br" >>"$bridges_file"
      fw_add FORWARD fwd -i "$br" ! -o "$br"
      fw_accept FORWARD -i "$br" -o "$br"
      # Replies to the host's own connections (the engine pushing into the lab registry through
      # its published port) are not new, so only connections the lab opens are dropped.
      fw_add INPUT host -i "$br" -m conntrack --ctstate NEW
      fw_add INPUT dns -i "$br" -p udp --dport 53
      fw_add INPUT dns -i "$br" -p tcp --dport 53
      log "lab bridge $br: traffic within it accepted; leaving it or opening a connection to the host: dropped and counted"
    done &
  watcher_pid=$!
  sleep 1
  t=$(date +%s)
  verify_status=0
  clean verify --lab "$lab" || verify_status=$?
  verify_seconds=$(( $(date +%s) - t ))
  # The added image came with the bundle: a pod that names it pulls it from this engine's lab
  # registry (inside the lab network, so the counters below include it) and runs.
  if [ "$verify_status" = 0 ]; then
    clean kubectl --lab "$lab" -- run proof-added --image="$added_image" --restart=Never \
      --command -- sh -c 'echo added-image-ran' >/dev/null
    clean kubectl --lab "$lab" -- wait pod/proof-added --for=jsonpath='{.status.phase}'=Succeeded --timeout=90s >/dev/null ||
      { clean kubectl --lab "$lab" -- describe pod proof-added >&2; log "FAIL: the bundle's added image did not run"; exit 1; }
    [ "$(clean kubectl --lab "$lab" -- logs proof-added)" = added-image-ran ] ||
      { log "FAIL: the added image's pod did not say added-image-ran"; exit 1; }
    log "a pod ran $added_image, which only the bundle brought to this engine"
  fi
  fwd=$(fw_count FORWARD fwd)
  dns=$(fw_count INPUT dns)
  host=$(fw_count INPUT host)
  log "verify on the clean engine: exit $verify_status in $verify_seconds s; dropped: beyond the lab $fwd, DNS to the host $dns, other to the host $host packets"
  [ "$verify_status" = 0 ] || { log "FAIL: scenarios fail on the clean engine"; exit 1; }
  if [ "$fwd$dns$host" != 000 ]; then
    log "FAIL: the lab tried to reach beyond its network; what was dropped (count category protocol destination:port):"
    fw_logged >&2
    exit 1
  fi
  # Positive control: the same rules must count a node that does try to get out — an outside
  # name (Docker's embedded resolver forwards the query from the node), a DNS query to the
  # host's address on the lab bridge, and a connection to an outside address.
  gateway=$(clean_docker network inspect -f '{{(index .IPAM.Config 0).Gateway}}' "kubelab-$lab")
  clean exec --lab "$lab" control-plane -- sh -c \
    "getent hosts kubelab-clean-proof.example.com; \
     timeout 3 bash -c 'exec 3<>/dev/udp/$gateway/53; printf x >&3'; \
     timeout 3 bash -c ': </dev/tcp/192.0.2.1/80'; true" >/dev/null 2>&1 || true
  control_fwd=$(( $(fw_count FORWARD fwd) - fwd ))
  control_dns=$(( $(fw_count INPUT dns) - dns ))
  log "control: beyond the lab $control_fwd, DNS to the host $control_dns packets (both must be > 0)"
  [ "$control_fwd" -gt 0 ] && [ "$control_dns" -gt 0 ] ||
    { log "FAIL: the rules did not see the control: the zeros above prove nothing"; exit 1; }
  verify_summary="verify of every bundled scenario $verify_seconds s, nothing tried to leave the lab network (control: $control_fwd + $control_dns packets counted)"
fi
log "PASS: create $create_seconds s, load $load_seconds s, $(( size / 1024 / 1024 )) MiB; every image and scenario present on the clean engine; $verify_summary ($(( $(date +%s) - started )) s in all)"
