#!/usr/bin/env bash
# Makes the Debian bookworm root filesystem every lab image starts from, as a tar on stdout.
# No registry can be reached, so there is no image to pull: mmdebstrap builds the tree from the
# machine's own apt sources (no mirror argument => it uses /etc/apt/sources.list*, so no host name
# is written here), and the caller `docker import`s the tar.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
packages=$(grep -v '^#' "$here/packages.txt" | tr '\n' ',' | sed 's/,*$//; s/^,*//')
command -v mmdebstrap >/dev/null || {
  echo "mmdebstrap is missing: install it with 'apt-get install -y mmdebstrap'" >&2
  exit 3
}
# --mode=unshare would need user namespaces; as root, the plain root mode is fastest.
# Keep only the bookworm and bookworm-updates/security sources of the host.
exec mmdebstrap --variant=minbase --format=tar --include="$packages" \
  --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
  --aptopt='Acquire::Languages "none"' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  bookworm - 
