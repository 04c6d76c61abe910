#!/usr/bin/env bash
# Usage: smoke.sh IMAGE_REF — serves a file with `python -m http.server` and fetches it.
set -euo pipefail
image=${1:?usage: smoke.sh IMAGE_REF}
name=kubelab-smoke-python-$$
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

ver=$(timeout 60 docker run --rm --label io.kubelab=test "$image" python --version 2>&1) || fail "'python --version' failed: $ver"
[[ $ver == "Python 3."* ]] || fail "expected 'python' to be Python 3, found: $ver"
echo "ok: python is $ver"

docker run -d --name "$name" --label io.kubelab=test -w /srv "$image" \
  sh -c 'echo served-by-python > /srv/hello.txt && exec python -m http.server 8000' >/dev/null
got=""
for _ in $(seq 1 30); do
  got=$(docker exec "$name" curl -fsS http://127.0.0.1:8000/hello.txt 2>&1) && break
  sleep 1
done
[ "$got" = served-by-python ] || fail "expected 'served-by-python' from http://127.0.0.1:8000/hello.txt, found: $got"
echo "ok: python -m http.server served the file"
logs=$(docker logs "$name" 2>&1)
grep -q 'GET /hello.txt' <<<"$logs" || fail "expected the request in the container log, found: $logs"
echo "ok: request logged to the container output"
echo "PASS: python smoke test"
