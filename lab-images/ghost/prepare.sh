#!/usr/bin/env bash
# Usage: prepare.sh [OUTDIR]   (default: build/ next to this script)
#
# Containers cannot reach npm, so Ghost is installed here on the host and the Dockerfile copies
# the result. OUTDIR receives:
#   node                    the host's Node.js binary (the image runs Ghost with it, so native
#                           modules built here match exactly)
#   versions/<ver>/         the Ghost package with its production node_modules
# npm's cache is used (re-runs are offline-friendly), and a stamp file skips the work when
# OUTDIR already holds the same Ghost version built with the same Node version.
#
# Environment: GHOST_VERSION (default below).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/build}
ghost_version=${GHOST_VERSION:-5.130.4}

die() { echo "prepare.sh: $*" >&2; exit 1; }
command -v node >/dev/null || die "node is not installed on this host"
command -v npm >/dev/null || die "npm is not installed on this host"

node_bin=$(node -p process.execPath)
node_version=$(node -p process.version)
case $node_version in
  v18.*|v20.*|v22.*) ;;
  *) die "Ghost 5 runs on Node 18, 20 or 22; the host has $node_version" ;;
esac
# The binary is copied into a Debian 12 image: it may only need libraries every image has.
if ldd "$node_bin" | grep -q 'not found'; then die "$node_bin has unresolved libraries"; fi
extra=$(ldd "$node_bin" | awk '{print $1}' |
  grep -Ev '^(linux-vdso\.so|/lib64/ld-linux|ld-linux|lib(c|m|dl|pthread|rt|stdc\+\+|gcc_s)\.so)' || true)
[ -z "$extra" ] || die "$node_bin links libraries the image lacks: $(echo $extra)"

stamp="ghost=$ghost_version node=$node_version"
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ] && [ -x "$out/node" ] &&
  [ -d "$out/versions/$ghost_version/node_modules" ]; then
  echo "prepare.sh: $out is up to date ($stamp)"
  exit 0
fi

mkdir -p "$(dirname "$out")"
work=$(mktemp -d "$out.tmp.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$work/npm.log
app=$work/versions/$ghost_version
mkdir -p "$work/versions"

echo "prepare.sh: fetching ghost@$ghost_version"
(cd "$work" && npm pack "ghost@$ghost_version" --prefer-offline --silent >/dev/null)
tar -xzf "$work/ghost-$ghost_version.tgz" -C "$work"
mv "$work/package" "$app"
rm "$work/ghost-$ghost_version.tgz"

# Development dependencies include git URLs and are not needed. Ghost pins some transitive
# versions through yarn "resolutions"; npm's equivalent is "overrides" ("$name" = same version
# as the direct dependency of that name).
(cd "$app" && node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
  delete pkg.devDependencies;
  const overrides = {};
  for (const [name, spec] of Object.entries(pkg.resolutions || {})) {
    overrides[name] = pkg.dependencies && name in pkg.dependencies ? "$" + name : spec;
  }
  pkg.overrides = overrides;
  fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2) + "\n");
')

echo "prepare.sh: installing production dependencies with npm (native modules compile; this takes minutes)"
# yarn.lock (shipped by Ghost) guides npm's version choices; its resolved URLs are rewritten
# to the registry npm is configured with. Ghost relies on yarn ignoring peer dependencies.
# Install scripts run afterwards, for every package that has one but re2: its prebuilt binary
# comes from GitHub (unreachable here), so it would compile RE2 and Abseil from source — ~100 s of
# CPU, a third of this script's. Ghost only reaches it through url-regex-safe (oEmbed metadata of
# pasted links), which falls back to JavaScript's RegExp when re2 does not load.
if ! (cd "$app" && npm install --omit=dev --legacy-peer-deps --replace-registry-host=always \
  --prefer-offline --no-audit --no-fund --loglevel=warn --ignore-scripts >"$log" 2>&1); then
  tail -n 40 "$log" >&2
  die "npm install failed (full log above, last 40 lines)"
fi
# the packages whose install npm would have run: an install script, or a binding.gyp beside the
# package.json (npm then runs node-gyp itself); by name, as `npm rebuild` takes them
native=$(cd "$app/node_modules" && {
  find . -name package.json -not -path '*/test/*' -exec grep -lE '"(pre|post)?install" *:' {} +
  find . -name binding.gyp -not -path '*/test/*' -printf '%h/package.json\n' | while read -r f; do
    [ -f "$f" ] && echo "$f"; done
} | sed 's#/package\.json$##; s#.*node_modules/##; s#^\./##' | grep -vx 're2' | sort -u)
echo "prepare.sh: running the install scripts of: $(echo $native) (not re2)"
# shellcheck disable=SC2086
if ! (cd "$app" && npm rebuild $native --loglevel=warn >>"$log" 2>&1); then
  tail -n 40 "$log" >&2
  die "npm rebuild failed (full log above, last 40 lines)"
fi
[ -f "$app/node_modules/sqlite3/build/Release/node_sqlite3.node" ] ||
  die "sqlite3's native module was not built; see npm output: $(tail -n 20 "$log")"
(cd "$app" && node -e 'require("sqlite3")') || die "sqlite3 does not load with $node_version"

# Keep only the compiled .node files of native builds, not their object files.
find "$app/node_modules" -name binding.gyp -printf '%h\n' | while read -r dir; do
  [ -d "$dir/build" ] || continue
  find "$dir/build" -mindepth 1 -maxdepth 1 ! -name Release -exec rm -rf {} +
  [ -d "$dir/build/Release" ] && find "$dir/build/Release" -mindepth 1 -maxdepth 1 ! -name '*.node' -exec rm -rf {} +
done

install -m 0755 "$node_bin" "$work/node"
echo "$stamp" >"$work/.stamp"

rm -rf "$out.old"
[ -e "$out" ] && mv "$out" "$out.old"
mv "$work" "$out"
rm -rf "$out.old"
trap - EXIT
echo "prepare.sh: done: $out ($stamp, $(du -sh "$out" | cut -f1))"
