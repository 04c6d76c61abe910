#!/usr/bin/env bash
# Usage: smoke.sh IMAGE_REF — checks the client tools of the curl image.
set -euo pipefail
image=${1:?usage: smoke.sh IMAGE_REF}
name=kubelab-smoke-curl-$$
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

docker run -d --name "$name" --label io.kubelab=test "$image" >/dev/null
sleep 1
state=$(docker inspect -f '{{.State.Running}}' "$name")
[ "$state" = true ] || fail "expected the default command to keep the container running, found Running=$state"

check() { # check DESCRIPTION EXPECTED_REGEX COMMAND...
  local what=$1 want=$2; shift 2
  local got
  got=$(timeout 30 docker exec "$name" "$@" 2>&1) || fail "$what: '$*' failed: $got"
  grep -Eq "$want" <<<"$got" || fail "$what: expected output matching /$want/, found: $got"
  echo "ok: $what ($(head -n1 <<<"$got"))"
}
check "curl --version" '^curl [0-9]' curl --version
check "dig -v" 'DiG [0-9]' dig -v
check "nslookup" 'nslookup' sh -c 'command -v nslookup'
check "ping" '1 packets transmitted, 1 received' ping -c1 -W2 127.0.0.1
check "ip addr" 'inet 127\.0\.0\.1' ip addr show lo
check "netstat" 'Active' netstat -an
t0=$(date +%s)
docker stop -t 20 "$name" >/dev/null
took=$(( $(date +%s) - t0 ))
[ "$took" -lt 5 ] || fail "expected the default command to stop promptly on SIGTERM, it took ${took}s"
echo "ok: stops on SIGTERM in ${took}s"
echo "PASS: curl smoke test"
