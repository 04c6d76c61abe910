#!/usr/bin/env bash
# Usage: smoke.sh IMAGE_REF — checks the image behaves like debian:bookworm.
set -euo pipefail
image=${1:?usage: smoke.sh IMAGE_REF}
name=kubelab-smoke-debian-$$
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$(timeout 60 docker run --name "$name" --label io.kubelab=test "$image" bash -c '
  . /etc/os-release; echo "codename=$VERSION_CODENAME"
  command -v apt-get >/dev/null && echo apt=ok
  curl --version | head -n1
  ps -o comm= -p 1; exit 0') || fail "container exited with an error; output: $out"
echo "$out"
grep -qx 'codename=bookworm' <<<"$out" || fail "expected codename=bookworm, found: $(grep codename <<<"$out" || echo none)"
grep -qx 'apt=ok' <<<"$out" || fail "expected apt-get in PATH, it is missing"
grep -q '^curl ' <<<"$out" || fail "expected 'curl --version' output, found none"
grep -qx 'bash' <<<"$out" || fail "expected ps to show bash as PID 1, found: $(tail -n1 <<<"$out")"
echo "PASS: debian smoke test"
