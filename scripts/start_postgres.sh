#!/usr/bin/env bash
# Start a throw-away PostgreSQL for the tests and print its URL on stdout.
# Uses a running server on $PGHOST/$PGPORT when one answers; otherwise initialises a private
# cluster under /tmp (as the postgres user when run as root) on port 54329.
# Prints nothing (and exits 0) when no PostgreSQL binaries are installed.
set -euo pipefail
PORT=${RASD_PG_PORT:-54329}
DATA=${RASD_PG_DATA:-/tmp/rasd-pg-$PORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$BIN" ] || { command -v initdb >/dev/null && BIN=$(dirname "$(command -v initdb)"); } || true
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "start_postgres: no PostgreSQL server installed" >&2
  exit 0
fi
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if ! "$BIN/pg_isready" -q -h /tmp -p "$PORT" 2>/dev/null; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$DATA"
    as_pg "'$BIN/initdb' -D '$DATA' -A trust -U postgres -E UTF8 >/dev/null"
  fi
  as_pg "'$BIN/pg_ctl' -D '$DATA' -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -l '$DATA/server.log' -w start >/dev/null"
fi
as_pg "'$BIN/psql' -h /tmp -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='rasd_test'\"" | grep -q 1 \
  || as_pg "'$BIN/createdb' -h /tmp -p $PORT -U postgres rasd_test"
echo "postgresql://postgres@127.0.0.1:$PORT/rasd_test"
