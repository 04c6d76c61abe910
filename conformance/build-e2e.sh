#!/usr/bin/env bash
# Builds what the upstream Kubernetes e2e suite needs to run against a lab, at the lab's exact
# Kubernetes version, from the Go module proxy: e2e.test (the suite), ginkgo (its parallel
# runner) and agnhost (the suite's do-everything test server, for the stand-in image).
#
# It reuses the wrapper module lab-images/binaries/build-go.sh made for the node binaries (the
# same `k8s.io/x => k8s.io/x v0.N.P` replaces of upstream's staging modules), the same Go caches
# and the same build flags, so every package the node binaries already compiled is a cache hit.
# The outputs are cached by what decides them (version, this script, Go version); a warm call
# only checks the stamp.
#
# usage: conformance/build-e2e.sh OUT_DIR
# env:   KUBELAB_GO_CACHE  the Go caches of the image build (default ~/.kubelab/cache/go)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
# shellcheck source=../lab-images/binaries/versions.env
. "$repo/lab-images/binaries/versions.env"
out=$(mkdir -p "$1" && cd "$1" && pwd)
v=$KUBERNETES_VERSION
cache=${KUBELAB_GO_CACHE:-${KUBELAB_HOME:-$HOME/.kubelab}/cache/go}
command -v go >/dev/null || { echo "Go is needed to build the e2e suite: install Go 1.24 or newer" >&2; exit 3; }
export GOMODCACHE="$cache/mod" GOCACHE="$cache/build" GOFLAGS=-mod=mod CGO_ENABLED=0 GOOS=linux
export GOARCH=${GOARCH:-$(go env GOARCH)} GOTOOLCHAIN=local

stamp="$v $(go version | cut -d' ' -f3) $GOARCH $(sha256sum "$0" | cut -c1-16)"
if [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ] &&
  [ -x "$out/e2e.test" ] && [ -x "$out/ginkgo" ] && [ -x "$out/agnhost" ]; then
  echo "e2e suite $v: up to date in $out" >&2
  exit 0
fi

binaries_wrapper="$cache/wrapper-kubernetes-$v"
[ -f "$binaries_wrapper/go.mod" ] || {
  echo "no Go wrapper module for Kubernetes $v in $cache: build the node binaries first (npx kubelab images build)" >&2
  exit 3
}
work="$cache/wrapper-e2e-$v"
mkdir -p "$work"
cmp -s "$binaries_wrapper/go.mod" "$work/go.mod" 2>/dev/null || {
  cp "$binaries_wrapper/go.mod" "$work/go.mod"
  cp "$binaries_wrapper/go.sum" "$work/go.sum" 2>/dev/null || true
}
cd "$work"
minor=${v#v1.}; minor=${minor%%.*}
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags="$ldflags -X $pkg.gitVersion=$v -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  ldflags="$ldflags -X $pkg.gitTreeState=clean"
done
# the node binaries' compiler flags too (build-go.sh: no DWARF), or no package would be a cache hit
nodwarf=-gcflags=all=-dwarf=false
t=$(date +%s)
echo "building e2e.test ($v) with $(go version | cut -d' ' -f3)" >&2
go test -c -trimpath "$nodwarf" -ldflags "$ldflags" -o "$out/e2e.test.tmp" k8s.io/kubernetes/test/e2e
echo "building ginkgo and agnhost" >&2
go build -trimpath "$nodwarf" -ldflags "-s -w" -o "$out/ginkgo.tmp" github.com/onsi/ginkgo/v2/ginkgo
go build -trimpath "$nodwarf" -ldflags "-s -w" -o "$out/agnhost.tmp" k8s.io/kubernetes/test/images/agnhost
# What agnhost's own Dockerfile adds beside the binary: porter's TLS pair.
src=$(go list -m -f '{{.Dir}}' k8s.io/kubernetes)
cp "$src/test/images/agnhost/porter/localhost.crt" "$src/test/images/agnhost/porter/localhost.key" "$out/"
chmod 0644 "$out/localhost.crt" "$out/localhost.key"
for f in e2e.test ginkgo agnhost; do mv "$out/$f.tmp" "$out/$f"; done
echo "$stamp" >"$out/.stamp"
echo "e2e suite $v built in $(( $(date +%s) - t )) s into $out" >&2
