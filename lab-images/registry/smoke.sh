#!/usr/bin/env bash
# Usage: smoke.sh IMAGE_REF — starts the registry and checks the v2 API answers (needs curl on the host).
set -euo pipefail
image=${1:?usage: smoke.sh IMAGE_REF}
name=kubelab-smoke-registry-$$
tmp=$(mktemp -d)
cleanup() {
  docker rm -f -v "$name" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  docker logs --tail 20 "$name" >&2 2>&1 || true
  exit 1
}

docker run -d --name "$name" --label io.kubelab=test -p 127.0.0.1::5000 "$image" >/dev/null
port=$(docker port "$name" 5000/tcp | head -n1 | sed 's/.*://')
base=http://127.0.0.1:$port

code=000
for _ in $(seq 1 30); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/v2/" || true)
  [ "$code" = 200 ] && break
  sleep 1
done
[ "$code" = 200 ] || fail "expected GET /v2/ to return 200 within 30s, found HTTP $code"
echo "ok: GET /v2/ -> 200"

catalog=$(curl -fsS "$base/v2/_catalog")
[ "$catalog" = '{"repositories":[]}' ] || fail "expected an empty catalog, found: $catalog"
echo "ok: catalog is empty"

# Push one blob (monolithic upload) and a manifest referencing it, then read the manifest back.
upload() { # upload FILE -> prints digest
  local file=$1 digest location
  digest=sha256:$(sha256sum "$file" | cut -d' ' -f1)
  location=$(curl -fsS -X POST -D - -o /dev/null "$base/v2/smoke/test/blobs/uploads/" |
    tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  [ -n "$location" ] || fail "expected a Location header from the upload POST, found none"
  case $location in http*) ;; *) location=$base$location ;; esac
  case $location in *\?*) location="$location&digest=$digest" ;; *) location="$location?digest=$digest" ;; esac
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$file" "$location" >/dev/null ||
    fail "blob upload of $file was refused"
  echo "$digest"
}
printf 'kubelab registry smoke layer\n' | gzip -n >"$tmp/layer"
printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}' >"$tmp/config"
layer=$(upload "$tmp/layer")
config=$(upload "$tmp/config")
cat >"$tmp/manifest" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
 "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":$(stat -c %s "$tmp/config"),"digest":"$config"},
 "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":$(stat -c %s "$tmp/layer"),"digest":"$layer"}]}
JSON
mt=application/vnd.docker.distribution.manifest.v2+json
curl -fsS -X PUT -H "Content-Type: $mt" --data-binary "@$tmp/manifest" "$base/v2/smoke/test/manifests/v1" >/dev/null ||
  fail "manifest PUT was refused"
want=sha256:$(sha256sum "$tmp/manifest" | cut -d' ' -f1)
got=$(curl -fsS -I -H "Accept: $mt" "$base/v2/smoke/test/manifests/v1" | tr -d '\r' |
  sed -n 's/^[Dd]ocker-[Cc]ontent-[Dd]igest: //p')
[ "$got" = "$want" ] || fail "expected manifest digest $want, found: ${got:-none}"
echo "ok: pushed and read back a manifest ($got)"
stored=$(docker exec "$name" sh -c 'ls /var/lib/registry/docker/registry/v2/repositories/smoke/test/_manifests/tags' 2>&1)
[ "$stored" = v1 ] || fail "expected tag v1 stored under /var/lib/registry, found: $stored"
echo "ok: data stored under /var/lib/registry"
echo "PASS: registry smoke test"
