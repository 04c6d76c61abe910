#!/bin/sh
# Entrypoint in the style of the official nginx image: when the command is nginx, run the
# hooks in /docker-entrypoint.d (executable *.sh run, *.envsh are sourced), then exec the command.
set -e

say() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then echo "$@"; fi
}

if [ "${1:-}" = nginx ] || [ "${1:-}" = nginx-debug ]; then
  if [ -d /docker-entrypoint.d ] && [ -n "$(ls -A /docker-entrypoint.d 2>/dev/null)" ]; then
    say "$0: running hooks in /docker-entrypoint.d/"
    for hook in /docker-entrypoint.d/*; do
      case $hook in
        *.envsh)
          if [ -x "$hook" ]; then say "$0: sourcing $hook"; . "$hook"; fi ;;
        *.sh)
          if [ -x "$hook" ]; then say "$0: running $hook"; "$hook"; else say "$0: skipping $hook (not executable)"; fi ;;
        *) say "$0: ignoring $hook" ;;
      esac
    done
    say "$0: configuration complete; starting nginx"
  fi
fi

exec "$@"
