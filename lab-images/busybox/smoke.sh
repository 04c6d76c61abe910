#!/usr/bin/env bash
# Usage: smoke.sh IMAGE_REF — checks the busybox image: applets, wget and nslookup.
set -euo pipefail
image=${1:?usage: smoke.sh IMAGE_REF}
name=kubelab-smoke-busybox-$$
net=kubelab-smoke-busybox-net-$$
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker network rm "$net" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A user-defined network gives the container Docker's DNS server at 127.0.0.11.
docker network create --label io.kubelab=test "$net" >/dev/null
docker run -d --name "$name" --label io.kubelab=test --network "$net" "$image" \
  sh -c 'mkdir -p /www && echo hello-from-busybox > /www/index.html && busybox httpd -f -p 8080 -h /www' >/dev/null

check() { # check DESCRIPTION EXPECTED_REGEX COMMAND...
  local what=$1 want=$2; shift 2
  local got
  got=$(timeout 30 docker exec "$name" "$@" 2>&1) || fail "$what: '$*' failed: $got"
  grep -Eq "$want" <<<"$got" || fail "$what: expected output matching /$want/, found: $got"
  echo "ok: $what"
}
check "busybox runs" 'BusyBox v1\.' busybox
check "ls" 'etc' ls /
check "wget is BusyBox's" 'busybox$' readlink -f "$(docker exec "$name" sh -c 'command -v wget')"
# busybox httpd may need a moment to bind.
for _ in $(seq 1 20); do
  docker exec "$name" wget -q -O - http://127.0.0.1:8080/ >/dev/null 2>&1 && break
  sleep 0.5
done
check "wget fetches a page" '^hello-from-busybox$' wget -q -O - http://127.0.0.1:8080/
check "nslookup is BusyBox's" 'busybox$' readlink -f "$(docker exec "$name" sh -c 'command -v nslookup')"
ip=$(docker inspect -f "{{(index .NetworkSettings.Networks \"$net\").IPAddress}}" "$name")
check "nslookup $name 127.0.0.11 -> $ip" "Address:[[:space:]]*$ip\$" nslookup "$name" 127.0.0.11
echo "PASS: busybox smoke test"
