#!/usr/bin/env bash
# Usage: smoke.sh IMAGE_REF — boots Ghost on a network with no way out and waits (≤ 120 s) for
# GET / to return 200 with a page mentioning Ghost.
set -euo pipefail
image=${1:?usage: smoke.sh IMAGE_REF}
id=$$
name=kubelab-smoke-ghost-$id
client=kubelab-smoke-ghost-client-$id
net=kubelab-smoke-ghost-net-$id
cleanup() {
  docker rm -f -v "$name" "$client" >/dev/null 2>&1 || true
  docker network rm "$net" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  echo "--- last log lines of $name:" >&2
  docker logs --tail 30 "$name" >&2 2>&1 || true
  exit 1
}
label=(--label io.kubelab=test)

# Prints the HTTP status, then the body, of GET $1 (run with the image's own node).
probe='require("http").get(process.argv[1], r => { let b = ""; r.on("data", d => b += d);
  r.on("end", () => { console.log(r.statusCode); console.log(b); }); })
  .on("error", e => { console.log("error " + e.code); process.exit(1); })'

# --internal: no route out of the network, as in an offline cluster.
docker network create --internal "${label[@]}" "$net" >/dev/null
docker run -d --name "$name" "${label[@]}" --network "$net" "$image" >/dev/null

deadline=$((SECONDS + 120))
status=none
while [ $SECONDS -lt $deadline ]; do
  [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || fail "the container exited during startup"
  reply=$(docker exec "$name" node -e "$probe" http://127.0.0.1:2368/ 2>/dev/null || true)
  status=$(head -n1 <<<"$reply")
  [ "$status" = 200 ] && break
  sleep 3
done
[ "$status" = 200 ] || fail "expected GET http://127.0.0.1:2368/ to return 200 within 120s, last status: ${status:-none}"
echo "ok: Ghost answered 200 after $((SECONDS - deadline + 120))s"

reply=$(docker run --rm --name "$client" "${label[@]}" --network "$net" --entrypoint node "$image" \
  -e "$probe" "http://$name:2368/") || fail "could not reach http://$name:2368/ from another container: $reply"
status=$(head -n1 <<<"$reply")
[ "$status" = 200 ] || fail "expected 200 from another container, found: $status"
grep -q 'Ghost' <<<"$reply" || fail "expected the page to mention Ghost, found: $(head -c 400 <<<"$reply")"
echo "ok: another container got the Ghost home page ($(grep -o '<meta name="generator" content="[^"]*"' <<<"$reply" || echo 'no generator tag'))"

check=$(docker exec "$name" sh -c 'stat -c %U /proc/1; stat -c %U /var/lib/ghost/content/data/ghost.db; ls /var/lib/ghost/content/themes | tr "\n" " "')
[[ $check == $'node\nnode\n'*casper* ]] ||
  fail "expected Ghost running as node, content/data/ghost.db owned by node and the casper theme in content/themes, found: $(tr '\n' ' ' <<<"$check")"
echo "ok: runs as node; SQLite database and themes under /var/lib/ghost/content"
echo "PASS: ghost smoke test"
