#!/bin/sh
# Same calling convention as the official image: a config path or a registry subcommand as
# arguments runs the registry; anything else is executed as given.
set -e
case "${1:-}" in
  *.yaml|*.yml) set -- registry serve "$@" ;;
  serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac
exec "$@"
