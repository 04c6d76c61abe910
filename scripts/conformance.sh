#!/usr/bin/env bash
# The upstream Kubernetes e2e suite against a lab, offline (issue "Fidelity").
#
#   npm run conformance -- [--focus REGEX] [--skip REGEX] [--lab NAME] [--nodes N] [--procs N]
#                          [--short] [--keep] [--out FILE]
#
# 1. `kubelab up` a lab (default: lab "conformance", 3 nodes).
# 2. e2e.test, ginkgo and agnhost at the lab's exact Kubernetes version, from the Go module proxy
#    (conformance/build-e2e.sh; cached).
# 3. The suite's test images: stand-ins built here (conformance/images/Dockerfile) or the lab's
#    own workload images, pushed into the lab registry under the names the suite asks for —
#    through the suite's own remapping (KUBE_TEST_REPO_LIST: every registry it knows becomes
#    docker.io/kubelab-e2e/…, which the nodes pull through the lab registry).
# 4. ginkgo runs the focus with the lab cut off from everything beyond its own network: tagged
#    host rules drop (and count) anything from the lab bridge to another interface, DNS to the
#    host and new connections to the host, as the offline proofs do.
# 5. A summary: ginkgo's, a table per SIG, every skip with its reason, JSON per test in
#    test-results/conformance.json, and last a plain line `N passed, N failed, N skipped`.
#
# Default focus: sig-network and sig-storage [Conformance], the StatefulSet basic conformance
# tests and sig-network's Netpol tests. --short: the subset `npm test` runs (DNS, Services,
# emptyDir/hostPath/projected volumes, one StatefulSet test). Skips: conformance/skip.txt (each
# with its reason) plus --skip. The lab is removed afterwards unless --keep.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
lab=conformance
nodes=3
procs=3
short=0
keep=0
extra_skip=
focus=
out=test-results/conformance.json
while [ $# -gt 0 ]; do
  case $1 in
    --focus) focus=$2; shift 2 ;;
    --skip) extra_skip=$2; shift 2 ;;
    --lab) lab=$2; shift 2 ;;
    --nodes) nodes=$2; shift 2 ;;
    --procs) procs=$2; shift 2 ;;
    --short) short=1; shift ;;
    --keep) keep=1; shift ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "conformance: unknown argument $1 (see npm run conformance -- --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$focus" ]; then
  if [ "$short" = 1 ]; then
    focus='\[sig-network\] DNS should provide DNS for (services|the cluster|pods for Hostname) +\[Conformance\]'
    focus+='|\[sig-network\] Services should (serve a basic endpoint from pods|serve multiport endpoints from pods|be able to create a functioning NodePort service) +\[Conformance\]'
    focus+='|\[sig-storage\] EmptyDir volumes should support \(root,0644,default\) \[LinuxOnly\] \[NodeConformance\] \[Conformance\]'
    focus+='|\[sig-storage\] HostPath should support r/w \[NodeConformance\]'
    focus+='|\[sig-storage\] Projected configMap should be consumable from pods in volume \[NodeConformance\] \[Conformance\]'
    focus+='|\[sig-apps\] StatefulSet Basic StatefulSet functionality \[StatefulSetBasic\] should perform rolling updates and roll backs of template modifications \[Conformance\]'
  else
    focus='\[sig-network\].*\[Conformance\]|\[sig-storage\].*\[Conformance\]'
    focus+='|\[sig-apps\] StatefulSet Basic StatefulSet functionality \[StatefulSetBasic\].*\[Conformance\]'
    focus+='|\[sig-network\] Netpol '
  fi
fi
# The skip list of this run: conformance/skip.txt, plus what this machine's kernel cannot do.
skips_file=$(mktemp /var/tmp/kubelab-conformance-skips.XXXXXX)
cp conformance/skip.txt "$skips_file"
# SCTP lives in the kernel the nodes share with the host: where socket(…, IPPROTO_SCTP) is
# refused (a kernel built without it, as this machine's), no lab on it can carry SCTP.
if command -v python3 >/dev/null &&
  ! python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)' 2>/dev/null; then
  echo '\[Feature:SCTPConnectivity\]  # this machine'"'"'s kernel has no SCTP (socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP) fails with EPROTONOSUPPORT), and nodes share the host kernel' >>"$skips_file"
fi
skip=$(sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d' "$skips_file" | paste -sd'|')
[ -z "$extra_skip" ] || skip="${skip:+$skip|}$extra_skip"

kubelab() { node bin/kubelab.js "$@"; }
log() { printf '[conformance] %s\n' "$*" >&2; }
started=$(date +%s)
# shellcheck source=../lab-images/binaries/versions.env
. lab-images/binaries/versions.env
home=${KUBELAB_HOME:-$HOME/.kubelab}
suite="$home/cache/conformance/$KUBERNETES_VERSION"
work=$(mktemp -d /var/tmp/kubelab-conformance.XXXXXX)
mkdir -p "$(dirname "$out")"

tag="kubelab-conformance-$lab"
fw_tag=$tag
fw_prefix="klcf-$(( $$ % 100000 ))"
firewall=0
if [ "$(id -u)" = 0 ] && command -v iptables >/dev/null && iptables -L DOCKER-USER -n >/dev/null 2>&1; then
  firewall=1
  # shellcheck source=lib/proof-firewall.sh
  . scripts/lib/proof-firewall.sh
fi
cleanup() {
  local status=$?
  [ "$firewall" = 0 ] || fw_remove DOCKER-USER INPUT
  if [ "$keep" = 0 ]; then
    kubelab down --lab "$lab" --purge --data --yes >/dev/null 2>&1 || log "down --purge of lab $lab failed"
  fi
  rm -rf "$work" "$skips_file"
  log "$(( $(date +%s) - started )) s in all"
  exit "$status"
}
trap cleanup EXIT
[ "$firewall" = 0 ] || fw_remove DOCKER-USER INPUT

t=$(date +%s)
bash conformance/build-e2e.sh "$suite"
build_seconds=$(( $(date +%s) - t ))

t=$(date +%s)
kubelab up --lab "$lab" --nodes "$nodes"
up_seconds=$(( $(date +%s) - t ))

# --- test images into the lab registry ---------------------------------------------------------
t=$(date +%s)
label="--label io.kubelab=true --label io.kubelab.role=image"
docker build -q $label --build-arg BASE=kubelab/base:latest --build-arg BINARIES=kubelab/binaries:latest \
  --target jessie-dnsutils -t kubelab/e2e-jessie-dnsutils:latest -f conformance/images/Dockerfile "$suite" >/dev/null
docker build -q $label --build-arg BASE=kubelab/base:latest --build-arg BINARIES=kubelab/binaries:latest \
  --target agnhost -t kubelab/e2e-agnhost:latest -f conformance/images/Dockerfile "$suite" >/dev/null
port=$(docker inspect -f '{{(index (index .NetworkSettings.Ports "5000/tcp") 0).HostPort}}' "kubelab-$lab-registry")
# The suite's name (after remapping) → the local image that stands in for it. Whatever the suite
# asks for beyond these is not in the lab registry: its test fails at the pull, visibly.
KUBE_TEST_REPO_LIST="$work/repo-list.yaml"
cat >"$KUBE_TEST_REPO_LIST" <<YAML
promoterE2eRegistry: docker.io/kubelab-e2e
gcRegistry: docker.io/kubelab-e2e
gcEtcdRegistry: docker.io/kubelab-e2e
sigStorageRegistry: docker.io/kubelab-e2e/sig-storage
buildImageRegistry: docker.io/kubelab-e2e/build-image
cloudProviderGcpRegistry: docker.io/kubelab-e2e/cloud-provider-gcp
dockerLibraryRegistry: docker.io/library
YAML
export KUBE_TEST_REPO_LIST
KUBE_TEST_REPO_LIST="$KUBE_TEST_REPO_LIST" "$suite/e2e.test" --list-images 2>/dev/null |
  sed -n 's#^docker\.io/kubelab-e2e/##p' >"$work/wanted"
pushed=()
while read -r wanted; do
  case ${wanted%%:*} in
    agnhost) local_ref=kubelab/e2e-agnhost:latest ;;
    jessie-dnsutils) local_ref=kubelab/e2e-jessie-dnsutils:latest ;;
    busybox) local_ref=kubelab/busybox:latest ;;
    nginx) local_ref=kubelab/nginx:latest ;;
    httpd) local_ref=kubelab/httpd:latest ;;
    pause) local_ref=kubelab/pause:latest ;;
    *) continue ;;
  esac
  target="127.0.0.1:$port/kubelab-e2e/$wanted"
  docker tag "$local_ref" "$target"
  docker push -q "$target" >/dev/null
  docker rmi "$target" >/dev/null
  pushed+=("$wanted")
done <"$work/wanted"
log "test images in the lab registry ($(( $(date +%s) - t )) s): ${pushed[*]}"
log "not provided (their tests fail at the pull): $(grep -v -x -F -f <(printf '%s\n' "${pushed[@]}") "$work/wanted" | paste -sd' ')"

# --- the lab cut off from everything beyond its network -----------------------------------------
if [ "$firewall" = 1 ]; then
  network_id=$(docker network inspect "kubelab-$lab" -f '{{.Id}}')
  bridge="br-${network_id:0:12}"
  fw_add DOCKER-USER fwd -i "$bridge" ! -o "$bridge"
  fw_add INPUT host -i "$bridge" -m conntrack --ctstate NEW
  fw_add INPUT dns -i "$bridge" -p udp --dport 53
  fw_add INPUT dns -i "$bridge" -p tcp --dport 53
  log "lab $lab cut off beyond $bridge (dropped and counted)"
else
  log "note: not root or no DOCKER-USER chain: the run is not fenced in by host rules"
fi

# --- run ---------------------------------------------------------------------------------------
kubeconfig="$home/labs/$lab/kubeconfig"
[ -f "$kubeconfig" ] || kubeconfig=$(kubelab status --lab "$lab" --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).kubeconfig))')
report_dir="$work/report"
mkdir -p "$report_dir"
t=$(date +%s)
suite_status=0
summary_status=0
(
  cd "$work"
  "$suite/ginkgo" --procs="$procs" --timeout=4h --poll-progress-after=5m --no-color \
    --focus="$focus" ${skip:+--skip="$skip"} --json-report=report.json --output-dir="$report_dir" \
    "$suite/e2e.test" -- --kubeconfig="$kubeconfig" --provider=skeleton \
    --report-dir="$report_dir" --e2e-output-dir="$report_dir" --dns-domain=cluster.local \
    --num-nodes="$nodes" --minStartupPods=1
) || suite_status=$?
run_seconds=$(( $(date +%s) - t ))
dropped=
if [ "$firewall" = 1 ]; then
  dropped="$(fw_count DOCKER-USER fwd) $(fw_count INPUT dns) $(fw_count INPUT host)"
  log "dropped during the run: beyond the lab, DNS to the host, other to the host: $dropped packets"
fi
npx tsx main/conformance/summarize.ts "$report_dir/report.json" --out "$out" \
  --skips "$skips_file" --focus "$focus" --lab "$lab" --nodes "$nodes" --procs "$procs" \
  --seconds "build=$build_seconds,up=$up_seconds,run=$run_seconds" ${dropped:+--dropped "$dropped"} ||
  summary_status=$?
[ "$suite_status" = 0 ] || [ "$summary_status" != 0 ] || {
  log "ginkgo exited $suite_status without a failed test in its report (see above)"
  exit "$suite_status"
}
exit "$summary_status"
