#!/usr/bin/env bash
# Builds the Kubernetes server binaries of one pinned release from the Go module proxy.
#
# `go install k8s.io/kubernetes/cmd/...@v` is refused because upstream's go.mod replaces its
# staging modules (k8s.io/api, k8s.io/client-go, ...) with local paths. So we generate a tiny
# wrapper module that requires k8s.io/kubernetes and repeats every one of those replaces with the
# published twin (k8s.io/<name> v0.<minor>.<patch>), then build all components in ONE `go build`
# so they share the build cache.
#
# The add-ons (etcd, CoreDNS, local-path-provisioner, containerd) are built the same way, each
# from a wrapper module that requires it at the pinned version: a wrapper is the main module, so
# the add-on's own local replaces are ignored and `go build -mod=mod` resolves published twins.
#
# usage: build-go.sh OUT_DIR            (reads versions.env next to this script)
#        build-go.sh OUT_DIR kubectl GOOS GOARCH
#               only kubectl, for the learner's own computer (the installers carry it, see
#               main/packaging/host-kubectl.ts): the lab's exact version, from the same wrapper
# env:   KUBELAB_GO_CACHE  where GOMODCACHE/GOCACHE live (default ~/.cache/kubelab/go)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v go >/dev/null || {
  echo "Go is needed to build the Kubernetes binaries: install Go 1.24 or newer (or load an instructor bundle: kubelab images load FILE)" >&2
  exit 3
}
# shellcheck source=versions.env
. "$here/versions.env"
out=$(mkdir -p "$1" && cd "$1" && pwd)
cache=${KUBELAB_GO_CACHE:-$HOME/.cache/kubelab/go}
export GOMODCACHE="$cache/mod" GOCACHE="$cache/build" GOFLAGS=-mod=mod CGO_ENABLED=0 GOOS=linux
export GOARCH=${GOARCH:-$(go env GOARCH)}
only=${2:-}
if [ "$only" = kubectl ]; then
  [ -n "${3:-}" ] && [ -n "${4:-}" ] || {
    echo "usage: build-go.sh OUT_DIR kubectl GOOS GOARCH" >&2
    exit 2
  }
  export GOOS=$3 GOARCH=$4
fi
export GOTOOLCHAIN=local

build_kubernetes() {
  v=$KUBERNETES_VERSION
  minor=${v#v1.}; minor=${minor%%.*}
  staging_v="v0.${v#v1.}"
  work="$cache/wrapper-kubernetes-$v"
  mkdir -p "$work"
  cd "$work"
  
  gomod_info=$(go mod download -json "k8s.io/kubernetes@$v")
  upstream_mod=$(printf '%s' "$gomod_info" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  go_directive=$(sed -n 's/^go \(.*\)$/\1/p' "$upstream_mod")
  godebug=$(sed -n 's/^godebug \(.*\)$/\1/p' "$upstream_mod")
  
  {
    echo "module kubelab.local/kubernetes-build"
    echo
    echo "go $go_directive"
    [ -n "$godebug" ] && echo "godebug $godebug"
    echo
    echo "require k8s.io/kubernetes $v"
    echo
    echo "replace ("
    # every `k8s.io/x => ./staging/src/k8s.io/x` of upstream becomes `k8s.io/x => k8s.io/x v0.N.P`
    sed -n 's#^[[:space:]]*\(k8s\.io/[^ ]*\) => \./staging/.*#\1#p' "$upstream_mod" |
      while read -r m; do echo "	$m => $m $staging_v"; done
    echo ")"
  } > go.mod.new
  # keep go.sum when go.mod is unchanged, so a warm rebuild resolves nothing
  cmp -s go.mod.new go.mod 2>/dev/null || { mv go.mod.new go.mod; rm -f go.sum; }
  rm -f go.mod.new
  
  build_date=$(date -u -d "@${SOURCE_DATE_EPOCH:-0}" +%Y-%m-%dT%H:%M:%SZ)
  ldflags="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags="$ldflags -X $pkg.gitVersion=$v -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    ldflags="$ldflags -X $pkg.gitCommit=0000000000000000000000000000000000000000"
    ldflags="$ldflags -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date"
  done
  
  components=${1:-kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubeadm kubectl}
  pkgs=""
  for c in $components; do pkgs="$pkgs k8s.io/kubernetes/cmd/$c"; done
  echo "building $components ($v, $GOOS/$GOARCH) with $(go version | cut -d' ' -f3)" >&2
  # shellcheck disable=SC2086
  go build -trimpath -ldflags "$ldflags" -o "$out/" $pkgs
}

# build_wrapped NAME MODULE VERSION PACKAGE [TAGS] [LDFLAGS] [REQUIRES] — one add-on binary into
# $out/NAME. REQUIRES: extra `module version` lines the wrapper requires (newer dependencies).
build_wrapped() {
  local name=$1 module=$2 version=$3 pkg=$4 tags=${5:-} requires=${7:-}
  local dir="$cache/wrapper-$name-$version"
  mkdir -p "$dir"
  local mod="module kubelab.local/$name-build

go 1.24.0

require $module $version
${requires:+
require (
$requires
)
}"
  if [ "$(cat "$dir/go.mod" 2>/dev/null)" != "$mod" ]; then
    printf '%s' "$mod" > "$dir/go.mod"
    rm -f "$dir/go.sum"
  fi
  echo "building $name ($module $version)" >&2
  (cd "$dir" && go build -trimpath -tags "$tags" -ldflags "-s -w $6" -o "$out/$name" "$pkg")
}

if [ "$only" = kubectl ]; then
  build_kubernetes kubectl
  ls -la "$out" >&2
  exit 0
fi
build_kubernetes
build_wrapped etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION" go.etcd.io/etcd/server/v3 "" \
  "-X go.etcd.io/etcd/api/v3/version.GitSHA=kubelab"
build_wrapped coredns github.com/coredns/coredns "$COREDNS_VERSION" github.com/coredns/coredns "" ""
build_wrapped local-path-provisioner github.com/rancher/local-path-provisioner \
  "$LOCAL_PATH_PROVISIONER_VERSION" github.com/rancher/local-path-provisioner "" \
  "-X main.VERSION=$LOCAL_PATH_PROVISIONER_VERSION"
for c in containerd containerd-shim-runc-v2 ctr; do
  build_wrapped "$c" github.com/containerd/containerd/v2 "$CONTAINERD_VERSION" \
    "github.com/containerd/containerd/v2/cmd/$c" "no_btrfs no_devmapper no_zfs" \
    "-X github.com/containerd/containerd/v2/version.Version=$CONTAINERD_VERSION"
done
# NetworkPolicy: kube-router's iptables + ipset firewall controller (its BGP router and service
# proxy stay off; see main/lab/addons/network-policy.ts). Its network-facing dependencies are
# raised to the versions Kubernetes $KUBERNETES_VERSION itself ships: v2.1.0 pins x/net 0.21, older
# than the fix of its HTTP/2 CONTINUATION flood (CVE-2023-45288, fixed in 0.23), and grpc 1.62;
# it builds unchanged against the newer ones.
build_wrapped kube-router github.com/cloudnativelabs/kube-router/v2 "$KUBE_ROUTER_VERSION" \
  github.com/cloudnativelabs/kube-router/v2/cmd/kube-router "" \
  "-X github.com/cloudnativelabs/kube-router/v2/pkg/version.Version=$KUBE_ROUTER_VERSION" \
  "golang.org/x/crypto v0.36.0
golang.org/x/net v0.38.0
golang.org/x/oauth2 v0.27.0
google.golang.org/grpc v1.72.1
google.golang.org/protobuf v1.36.5"
# kubelab's own: the in-cluster hint for images missing from the lab registry (standard library only).
echo "building image-hints" >&2
(cd "$here/image-hints" && go build -trimpath -ldflags "-s -w" -o "$out/image-hints" .)
ls -la "$out" >&2
