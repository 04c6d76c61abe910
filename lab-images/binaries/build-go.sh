#!/usr/bin/env bash
# Builds the Kubernetes server binaries of one pinned release from the Go module proxy.
#
# `go install k8s.io/kubernetes/cmd/...@v` is refused because upstream's go.mod replaces its
# staging modules (k8s.io/api, k8s.io/client-go, ...) with local paths. So we generate a tiny
# wrapper module that requires k8s.io/kubernetes and repeats every one of those replaces with the
# published twin (k8s.io/<name> v0.<minor>.<patch>), then build all components in ONE `go build`
# so they share the build cache.
#
# The add-ons (etcd, CoreDNS, local-path-provisioner, containerd, kube-router) are built together
# from one wrapper module that requires each at its pinned version: a wrapper is the main module,
# so an add-on's own local replaces are ignored and `go build -mod=mod` resolves published twins
# (see build_addons for why together).
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
# Every binary is linked without symbols or DWARF (-ldflags "-s -w"), so the compiler need not
# write DWARF either: measured on the add-ons from an empty cache, 13 % less CPU and 25 % less
# wall time (linking reads less).
nodwarf=-gcflags=all=-dwarf=false

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
  go build -trimpath "$nodwarf" -ldflags "$ldflags" -o "$out/" $pkgs
}

# The add-ons — etcd, CoreDNS, local-path-provisioner, containerd (+ shim, ctr), kube-router — from
# ONE wrapper module, so one build list: a module two add-ons share is at one version (the highest
# either requires), and Go's build cache, keyed by a package's exact sources and those of its
# imports, compiles it once for all of them. client-go, api and apimachinery alone are ~1,800
# files that CoreDNS, local-path-provisioner and kube-router each compiled at their own version
# before (four versions of client-go; the add-ons took ~8.7 of a cold build's 21.6 min of Go).
# One `go build` also keeps both cores busy while one program links. Every add-on builds
# unchanged against the shared versions.
# Kubernetes keeps exactly the dependency versions of its release: sharing its cache would need
# the add-ons' build list to equal its own, and containerd v2.1 does not build against Kubernetes
# v1.34's CRI API (k8s.io/cri-api).
build_addons() {
  local dir="$cache/wrapper-addons"
  mkdir -p "$dir/coredns"
  local mod="module kubelab.local/addons-build

go 1.24.0

require (
	go.etcd.io/etcd/server/v3 $ETCD_VERSION
	github.com/coredns/coredns $COREDNS_VERSION
	github.com/rancher/local-path-provisioner $LOCAL_PATH_PROVISIONER_VERSION
	github.com/containerd/containerd/v2 $CONTAINERD_VERSION
	github.com/cloudnativelabs/kube-router/v2 $KUBE_ROUTER_VERSION
)

// floors: what Kubernetes $KUBERNETES_VERSION ships, for kube-router v2.1.0 — it pins x/net 0.21,
// older than the fix of its HTTP/2 CONTINUATION flood (CVE-2023-45288), and grpc 1.62
require (
	golang.org/x/crypto v0.36.0
	golang.org/x/net v0.38.0
	golang.org/x/oauth2 v0.27.0
	google.golang.org/grpc v1.72.1
	google.golang.org/protobuf v1.36.5
)
"
  # keep go.mod and go.sum (which `go build -mod=mod` completes) when the wanted go.mod is
  # unchanged, so a warm rebuild resolves nothing
  if [ "$(cat "$dir/go.mod.wanted" 2>/dev/null)" != "$mod" ]; then
    printf '%s' "$mod" > "$dir/go.mod"
    printf '%s' "$mod" > "$dir/go.mod.wanted"
    rm -f "$dir/go.sum"
  fi
  write_coredns_main "$dir/coredns/main.go"
  local containerd=github.com/containerd/containerd/v2
  echo "building etcd $ETCD_VERSION, CoreDNS $COREDNS_VERSION, local-path-provisioner" \
    "$LOCAL_PATH_PROVISIONER_VERSION, containerd $CONTAINERD_VERSION, kube-router $KUBE_ROUTER_VERSION" >&2
  # containerd's storage plugins kubelab does not use (same tags for both builds: same cache keys)
  local tags="no_btrfs no_devmapper no_zfs"
  (cd "$dir" && go build -trimpath "$nodwarf" -tags "$tags" -ldflags "-s -w \
    -X go.etcd.io/etcd/api/v3/version.GitSHA=kubelab \
    -X $containerd/version.Version=$CONTAINERD_VERSION \
    -X github.com/cloudnativelabs/kube-router/v2/pkg/version.Version=$KUBE_ROUTER_VERSION" \
    -o "$out/" go.etcd.io/etcd/server/v3 ./coredns \
    "$containerd/cmd/containerd" "$containerd/cmd/containerd-shim-runc-v2" "$containerd/cmd/ctr" \
    github.com/cloudnativelabs/kube-router/v2/cmd/kube-router)
  # go names a /vN module's main after the element before it: etcd's is "server"
  mv "$out/server" "$out/etcd"
  # local-path-provisioner imports logrus as github.com/Sirupsen/logrus, the others as
  # .../sirupsen/logrus: one `go build` refuses that case-insensitive collision, so it builds on its
  # own — from the same build list, so what it shares with the others is already compiled.
  (cd "$dir" && go build -trimpath "$nodwarf" -tags "$tags" -ldflags "-s -w -X main.VERSION=$LOCAL_PATH_PROVISIONER_VERSION" \
    -o "$out/" github.com/rancher/local-path-provisioner)
}

# CoreDNS with every plugin of its release except the four that need a cloud account or a tracing
# backend — route53, azure, clouddns (cloud DNS zones) and trace (Datadog/Zipkin): none can work in
# an offline lab, and their SDKs are ~1,000 of the files CoreDNS compiles. The main.go imports the
# plugins plugin.cfg lists, as upstream's generated core/plugin does, minus those. Asking the lab's
# CoreDNS for one of them fails its Corefile with "missing a plugin?".
COREDNS_LEFT_OUT="route53 azure clouddns trace"
write_coredns_main() {
  local src
  src=$(go mod download -json "github.com/coredns/coredns@$COREDNS_VERSION" |
    sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  {
    echo "// generated by kubelab's build-go.sh from CoreDNS $COREDNS_VERSION's plugin.cfg"
    echo "package main"
    echo
    echo "import ("
    echo '	"github.com/coredns/coredns/coremain"'
    echo
    # plugin.cfg lines are name:package, the package relative to coredns/plugin unless it is a path
    sed -n 's/^\([a-z0-9_]*\):\(.*\)$/\1 \2/p' "$src/plugin.cfg" | while read -r name pkg; do
      case " $COREDNS_LEFT_OUT " in *" $name "*) continue ;; esac
      case $pkg in */*) ;; *) pkg="github.com/coredns/coredns/plugin/$pkg" ;; esac
      echo "	_ \"$pkg\""
    done
    echo ")"
    echo
    echo "func main() { coremain.Run() }"
  } > "$1"
}

if [ "$only" = kubectl ]; then
  build_kubernetes kubectl
  ls -la "$out" >&2
  exit 0
fi
build_kubernetes
# NetworkPolicy comes from kube-router's iptables + ipset firewall controller (its BGP router and
# service proxy stay off; see main/lab/addons/network-policy.ts).
build_addons
# kubelab's own: the in-cluster hint for images missing from the lab registry (standard library only).
echo "building image-hints" >&2
(cd "$here/image-hints" && go build -trimpath "$nodwarf" -ldflags "-s -w" -o "$out/image-hints" .)
ls -la "$out" >&2
