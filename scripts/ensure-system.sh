#!/usr/bin/env bash
# Makes sure this machine has what kubelab needs outside npm: a running Docker engine, and (for
# tests) Debian's Chromium; mmdebstrap for building the base image. Idempotent: on a warm machine
# it only checks. On a Debian machine as root it installs what is missing from the machine's own
# apt sources; anywhere else it says exactly what to install.
#
# usage: ensure-system.sh [--with-chromium]
set -euo pipefail
with_chromium=false
[ "${1:-}" = "--with-chromium" ] && with_chromium=true

log() { printf '[kubelab] %s\n' "$*" >&2; }
is_debian_root() { [ -f /etc/debian_version ] && [ "$(id -u)" = 0 ]; }

missing=()
# An engine that already answers (Docker Desktop, a remote DOCKER_HOST) needs no dockerd here.
docker info >/dev/null 2>&1 || command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v mmdebstrap >/dev/null 2>&1 || missing+=(mmdebstrap)
$with_chromium && { [ -x /usr/bin/chromium ] || missing+=(chromium); }
# The tests also drive a lab with the official Python client, as k9s-style tools would.
$with_chromium && { /usr/bin/python3 -c 'import kubernetes' 2>/dev/null || missing+=(python3-kubernetes); }
# …and compile the Windows installer's PATH script with NSIS, the compiler electron-builder runs.
$with_chromium && { command -v makensis >/dev/null 2>&1 || missing+=(nsis); }

if [ ${#missing[@]} -gt 0 ]; then
  if is_debian_root; then
    log "installing from Debian: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # apt lists older than a day (or absent) are refreshed; otherwise reuse them.
    if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -1)" ]; then
      apt-get update -q >/dev/null
    fi
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "missing: ${missing[*]}"
    log "install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]}; macOS/Windows: Docker Desktop) and run this again"
    exit 1
  fi
fi

# A running engine: reuse one if it answers, else start dockerd ourselves (root on Debian only).
if ! docker info >/dev/null 2>&1; then
  if is_debian_root && command -v dockerd >/dev/null 2>&1; then
    log "starting dockerd"
    mkdir -p /var/log/kubelab
    nohup dockerd >/var/log/kubelab/dockerd.log 2>&1 &
    for _ in $(seq 1 60); do
      docker info >/dev/null 2>&1 && break
      sleep 1
    done
    docker info >/dev/null 2>&1 || { log "dockerd did not come up; see /var/log/kubelab/dockerd.log"; tail -20 /var/log/kubelab/dockerd.log >&2; exit 1; }
  else
    log "the Docker engine is not running: start it (sudo systemctl start docker, or open Docker Desktop)"
    exit 1
  fi
fi
log "docker engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
