#!/bin/bash
# Entrypoint in the style of the official Ghost image. For the Ghost command it
#  - seeds an empty content directory (e.g. a fresh volume) from content.orig: data, images,
#    logs, settings, the bundled themes … without overwriting anything already there;
#  - when started as root, gives the content to user node and drops to that user.
# Any other command is run as given.
set -e
content=${GHOST_CONTENT:-/var/lib/ghost/content}
seed=${GHOST_INSTALL:-/var/lib/ghost}/content.orig

if [[ "$*" == node*current/index.js* ]]; then
  if [ "$(id -u)" = 0 ]; then
    mkdir -p "$content"
    find "$content" \! -user node -exec chown node:node '{}' +
    exec setpriv --reuid=node --regid=node --init-groups "$BASH_SOURCE" "$@"
  fi
  for src in "$seed"/*/ "$seed"/themes/*/; do
    src=${src%/}
    target=$content/${src#"$seed"/}
    if [ ! -e "$target" ]; then
      mkdir -p "$(dirname "$target")"
      cp -a "$src" "$target"
    fi
  done
fi

exec "$@"
