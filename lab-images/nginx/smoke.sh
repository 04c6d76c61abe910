#!/usr/bin/env bash
# Usage: smoke.sh IMAGE_REF — checks the nginx image serves the welcome page and logs like the official one.
set -euo pipefail
image=${1:?usage: smoke.sh IMAGE_REF}
id=$$
web=kubelab-smoke-nginx-$id
web2=kubelab-smoke-nginx-tmpfs-$id
web3=kubelab-smoke-nginx-shared-$id
sidecar=kubelab-smoke-nginx-sidecar-$id
client=kubelab-smoke-nginx-client-$id
net=kubelab-smoke-nginx-net-$id
vol=kubelab-smoke-nginx-logs-$id
cleanup() {
  docker rm -f "$web" "$web2" "$web3" "$sidecar" "$client" >/dev/null 2>&1 || true
  docker network rm "$net" >/dev/null 2>&1 || true
  docker volume rm "$vol" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
label=(--label io.kubelab=test)

# Waits until nginx in container $1 answers on port 80 (at most 30 s).
wait_ready() {
  for _ in $(seq 1 60); do
    docker exec "$1" curl -fsS -o /dev/null http://127.0.0.1/ 2>/dev/null && return 0
    sleep 0.5
  done
  fail "nginx in $1 did not answer on port 80 within 30s; logs: $(docker logs --tail 20 "$1" 2>&1)"
}

docker network create "${label[@]}" "$net" >/dev/null

# 1. The welcome page, fetched from another container over the network.
docker run -d --name "$web" "${label[@]}" --network "$net" "$image" >/dev/null
wait_ready "$web"
page=$(docker run --rm --name "$client" "${label[@]}" --network "$net" "$image" curl -fsS "http://$web/") ||
  fail "could not fetch http://$web/ from another container"
grep -q '<h1>Welcome to nginx!</h1>' <<<"$page" || fail "expected 'Welcome to nginx!' in the page, found: $(head -c 300 <<<"$page")"
echo "ok: another container got the 'Welcome to nginx!' page"

# 2. Access log goes to the container output; worker runs as user nginx; pid file in place.
sleep 1
logs=$(docker logs "$web" 2>/dev/null)
grep -q '"GET / HTTP/1.1" 200' <<<"$logs" || fail "expected the request in 'docker logs' stdout, found: $logs"
echo "ok: access log is on stdout"
users=$(docker exec "$web" ps -o user= -C nginx | sort -u | tr '\n' ' ')
[ "$users" = "nginx root " ] || fail "expected nginx processes owned by root (master) and nginx (workers), found: $users"
echo "ok: master runs as root, workers as nginx"
pid=$(docker exec "$web" cat /var/run/nginx.pid)
[ "$pid" = 1 ] || fail "expected /var/run/nginx.pid to hold 1, found: $pid"
echo "ok: /var/run/nginx.pid written"

# 3. STOPSIGNAL SIGQUIT: a graceful stop that does not wait for the kill timeout.
t0=$(date +%s)
docker stop -t 20 "$web" >/dev/null
took=$(( $(date +%s) - t0 ))
[ "$took" -lt 5 ] || fail "expected docker stop to finish quickly, it took ${took}s"
echo "ok: stopped in ${took}s"

# 4. An empty directory over /var/log/nginx: nginx creates real log files there.
docker run -d --name "$web2" "${label[@]}" --tmpfs /var/log/nginx "$image" >/dev/null
wait_ready "$web2"
found=$(docker exec "$web2" sh -c 'for f in access.log error.log; do
  if [ -f /var/log/nginx/$f ] && [ ! -L /var/log/nginx/$f ]; then echo "$f:file"; else echo "$f:not-a-file"; fi; done
  grep -c "GET / HTTP/1.1" /var/log/nginx/access.log || true')
[[ $found == $'access.log:file\nerror.log:file\n'[1-9]* ]] ||
  fail "expected access.log and error.log as regular files with the request logged, found: $(tr '\n' ' ' <<<"$found")"
echo "ok: with a tmpfs on /var/log/nginx, access.log and error.log are regular files"

# 5. The sidecar pattern: a second container tails access.log from a shared volume.
# volume-nocopy keeps Docker from seeding the volume with the image's links, like an emptyDir.
docker volume create "${label[@]}" "$vol" >/dev/null
docker run -d --name "$web3" "${label[@]}" --mount "type=volume,src=$vol,dst=/var/log/nginx,volume-nocopy" "$image" >/dev/null
wait_ready "$web3"
docker run -d --name "$sidecar" "${label[@]}" --mount "type=volume,src=$vol,dst=/var/log/nginx,volume-nocopy" "$image" \
  tail -n 0 -F /var/log/nginx/access.log >/dev/null
sleep 1
docker exec "$web3" curl -fsS -o /dev/null -A kubelab-sidecar-probe http://127.0.0.1/
seen=""
for _ in $(seq 1 20); do
  seen=$(docker logs "$sidecar" 2>&1)
  grep -q kubelab-sidecar-probe <<<"$seen" && break
  sleep 0.5
done
grep -q kubelab-sidecar-probe <<<"$seen" || fail "expected the sidecar's 'tail -F access.log' to show the request, found: $seen"
echo "ok: a sidecar tailing /var/log/nginx/access.log sees requests"

# 6. Tools the tutorials use.
for tool in curl ps ip ss netstat ifconfig wget nslookup envsubst; do
  docker exec "$web3" sh -c "command -v $tool" >/dev/null || fail "expected '$tool' in the image, not found"
done
echo "ok: curl ps ip ss netstat ifconfig wget nslookup envsubst present"
echo "PASS: nginx smoke test"
