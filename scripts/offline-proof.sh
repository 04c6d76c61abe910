#!/usr/bin/env bash
# Offline proof (issue #7): a scenario's `kubelab verify` passes while the lab is cut off from
# everything beyond its own network, and nothing in the lab even tried to reach outside.
#
# During the verify, host firewall rules tagged for this lab (iptables, nft backend; removed on
# exit, always) count and DROP:
#   fwd  — any packet entering from the lab's bridge and leaving by another interface
#          (a pull from anywhere but the lab registry, any route beyond the lab network; this
#          includes DNS that Docker's embedded resolver forwards upstream from a node);
#   dns  — DNS (udp/tcp 53) from the lab to the host (CoreDNS forwards to the gateway);
#   host — any other new connection from the lab to the host.
# All three must stay 0 and the verify must pass. Then a positive control proves the rules see
# those paths: a lookup of an outside name and a connection attempt from a node must be counted.
#
# usage: scripts/offline-proof.sh [SCENARIO]   (default: statefulset — it pulls httpd and
#        busybox through the lab registry, and its pods resolve cluster names through CoreDNS)
# env:   KUBELAB_PROOF_LAB (default: offline)
set -euo pipefail
cd "$(dirname "$0")/.."
lab=${KUBELAB_PROOF_LAB:-offline}
scenario=${1:-statefulset}
tag="kubelab-offline-proof-$lab"
kubelab() { node bin/kubelab.js "$@"; }
log() { printf '[offline-proof] %s\n' "$*" >&2; }
started=$(date +%s)

command -v iptables >/dev/null || { log "iptables is missing (apt-get install iptables)"; exit 2; }
[ "$(id -u)" = 0 ] || { log "needs root (host firewall rules)"; exit 2; }
iptables -L DOCKER-USER -n >/dev/null 2>&1 || {
  log "the host has no DOCKER-USER chain: is the Docker engine local and running?"
  exit 2
}

run_id=$(( $$ % 100000 ))
fw_tag=$tag
fw_prefix="kl-$lab-$run_id"
# shellcheck source=lib/proof-firewall.sh
. scripts/lib/proof-firewall.sh
cleanup() {
  local status=$?
  fw_remove DOCKER-USER INPUT
  kubelab down --lab "$lab" --purge --data --yes >/dev/null 2>&1 || log "down --purge of lab $lab failed"
  log "rules removed, lab $lab purged; $(( $(date +%s) - started )) s in all"
  exit "$status"
}
trap cleanup EXIT
# Rules of this lab's tag that a proof killed before its cleanup left behind would shadow the
# counts below: they go first.
fw_remove DOCKER-USER INPUT

nodes=$(awk '/^nodes:/ { print $2 }' "scenarios/$scenario/scenario.yaml")
log "lab $lab with ${nodes:-1} node(s) for $scenario"
kubelab up --lab "$lab" --nodes "${nodes:-1}"
network_id=$(docker network inspect "kubelab-$lab" -f '{{.Id}}')
bridge=$(docker network inspect "kubelab-$lab" -f '{{index .Options "com.docker.network.bridge.name"}}')
[ -n "$bridge" ] && [ "$bridge" != "<no value>" ] || bridge="br-${network_id:0:12}"
gateway=$(docker network inspect "kubelab-$lab" -f '{{(index .IPAM.Config 0).Gateway}}')
ip link show "$bridge" >/dev/null || { log "no bridge $bridge for kubelab-$lab"; exit 1; }
log "lab network kubelab-$lab: bridge $bridge, gateway $gateway"

# Each rule goes on top of its chain: the catch-all "host" rule first, so DNS is above it.
fw_add DOCKER-USER fwd -i "$bridge" ! -o "$bridge"
fw_add INPUT host -i "$bridge" -m conntrack --ctstate NEW
fw_add INPUT dns -i "$bridge" -p udp --dport 53
fw_add INPUT dns -i "$bridge" -p tcp --dport 53
log "firewall: lab traffic beyond $bridge, DNS and new connections to the host are counted and dropped"

verify_status=0
verify_started=$(date +%s)
kubelab verify "$scenario" --lab "$lab" || verify_status=$?
verify_seconds=$(( $(date +%s) - verify_started ))
fwd=$(fw_count DOCKER-USER fwd)
dns=$(fw_count INPUT dns)
host=$(fw_count INPUT host)
log "during verify ($verify_seconds s): beyond the lab $fwd, DNS to the host $dns, other to the host $host packets"
[ "$fwd$dns$host" = 000 ] || { log "what was dropped (count category protocol destination:port):"; fw_logged >&2; }
# A failed verify has reset the scenario's objects, but the lab's events outlive them: the
# newest warnings, pods not running and the provisioner's last words are the lead (kept short:
# CI shows the tail of this output).
if [ "$verify_status" != 0 ]; then
  log "the lab after the failed verify: pods not running, newest warnings, the provisioner's last lines"
  kubelab exec --lab "$lab" control-plane -- sh -c \
    "kubectl get pods -A -o wide --field-selector=status.phase!=Running,status.phase!=Succeeded 2>&1 | head -6; \
     kubectl get events -A --field-selector type=Warning --sort-by=.lastTimestamp \
       -o custom-columns=LAST:.lastTimestamp,OBJECT:.involvedObject.name,REASON:.reason,MESSAGE:.message 2>&1 | tail -8 | cut -c1-220; \
     kubectl -n local-path-storage logs deploy/local-path-provisioner --tail=5 2>&1 | cut -c1-220" >&2 || true
fi

# Positive control: the same rules must see a node looking up an outside name (Docker's embedded
# resolver forwards it from the node), a DNS query to the gateway, and a connection attempt.
kubelab exec --lab "$lab" control-plane -- sh -c \
  "getent hosts kubelab-offline-proof.example.com; \
   timeout 3 bash -c 'exec 3<>/dev/udp/$gateway/53; printf x >&3' ; \
   timeout 3 bash -c ': </dev/tcp/192.0.2.1/80'; true" >/dev/null 2>&1 || true
control_fwd=$(( $(fw_count DOCKER-USER fwd) - fwd ))
control_dns=$(( $(fw_count INPUT dns) - dns ))
log "control: beyond the lab $control_fwd, DNS to the host $control_dns packets (both must be > 0)"

failed=0
[ "$verify_status" = 0 ] || { log "FAIL: verify $scenario failed (exit $verify_status)"; failed=1; }
[ "$fwd" = 0 ] || { log "FAIL: $fwd packet(s) tried to leave the lab network"; failed=1; }
[ "$dns" = 0 ] || { log "FAIL: $dns DNS packet(s) went to the host"; failed=1; }
[ "$host" = 0 ] || { log "FAIL: $host new connection(s) from the lab to the host"; failed=1; }
[ "$control_fwd" -gt 0 ] || { log "FAIL: the control was not counted beyond the lab: the proof is blind"; failed=1; }
[ "$control_dns" -gt 0 ] || { log "FAIL: the control DNS query was not counted: the proof is blind"; failed=1; }
[ "$failed" = 0 ] && log "PASS: $scenario verified offline; nothing tried to reach outside ($(( $(date +%s) - started )) s)"
exit "$failed"
