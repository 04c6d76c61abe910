#!/usr/bin/env bash
# Usage: smoke.sh IMAGE_REF — checks the httpd image serves "It works!" and files from htdocs.
set -euo pipefail
image=${1:?usage: smoke.sh IMAGE_REF}
id=$$
web=kubelab-smoke-httpd-$id
client=kubelab-smoke-httpd-client-$id
net=kubelab-smoke-httpd-net-$id
tmp=$(mktemp -d)
cleanup() {
  docker rm -f "$web" "$client" >/dev/null 2>&1 || true
  docker network rm "$net" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
label=(--label io.kubelab=test)

docker network create "${label[@]}" "$net" >/dev/null
docker run -d --name "$web" "${label[@]}" --network "$net" "$image" >/dev/null
ready=no
for _ in $(seq 1 60); do
  docker exec "$web" curl -fsS -o /dev/null http://127.0.0.1/ 2>/dev/null && { ready=yes; break; }
  sleep 0.5
done
[ "$ready" = yes ] || fail "expected Apache to answer on port 80 within 30s; logs: $(docker logs --tail 20 "$web" 2>&1)"

page=$(docker run --rm --name "$client" "${label[@]}" --network "$net" "$image" curl -fsS "http://$web/") ||
  fail "could not fetch http://$web/ from another container"
[ "$page" = '<html><body><h1>It works!</h1></body></html>' ] || fail "expected the 'It works!' page, found: $page"
echo "ok: another container got 'It works!'"

echo 'kubelab-htdocs-check' >"$tmp/hello.txt"
docker cp "$tmp/hello.txt" "$web:/usr/local/apache2/htdocs/hello.txt"
got=$(docker exec "$web" curl -fsS http://127.0.0.1/hello.txt) || fail "GET /hello.txt failed after copying it into htdocs"
[ "$got" = kubelab-htdocs-check ] || fail "expected 'kubelab-htdocs-check' from /hello.txt, found: $got"
echo "ok: a file placed in /usr/local/apache2/htdocs is served"

sleep 1
out=$(docker logs "$web" 2>/dev/null)
grep -q '"GET /hello.txt HTTP/1.1" 200' <<<"$out" || fail "expected the access log on stdout, found: $out"
echo "ok: access log is on stdout"

cmd=$(docker inspect -f '{{json .Config.Cmd}}' "$image")
[ "$cmd" = '["httpd-foreground"]' ] || fail "expected CMD [\"httpd-foreground\"], found: $cmd"
syntax=$(docker exec "$web" httpd -t 2>&1) || fail "'httpd -t' failed: $syntax"
grep -q 'Syntax OK' <<<"$syntax" || fail "expected 'Syntax OK' from httpd -t, found: $syntax"
root=$(docker exec "$web" sh -c 'pwd; readlink -f "$(command -v httpd)"; ls /usr/local/apache2 | tr "\n" " "')
echo "ok: httpd -t passes; layout: $(tr '\n' ' ' <<<"$root")"
for d in bin conf htdocs logs modules; do
  grep -qw "$d" <<<"$root" || fail "expected /usr/local/apache2/$d, found: $root"
done
docker exec "$web" sh -c 'command -v curl && command -v ps' >/dev/null || fail "expected curl and ps in the image"

t0=$(date +%s)
docker stop -t 20 "$web" >/dev/null
took=$(( $(date +%s) - t0 ))
[ "$took" -lt 5 ] || fail "expected docker stop (SIGWINCH) to finish quickly, it took ${took}s"
echo "ok: stopped in ${took}s"
echo "PASS: httpd smoke test"
