#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder as the postgres
# user, listening on loopback only (127.0.0.1, port ${ART5_PG_PORT:-55432}), trust authentication
# for loopback connections (nothing else can connect). Prints the URL the tests read
# (ART5_TEST_PG_URL) on standard output. `pg-cluster.sh stop DIR` stops it and removes DIR.
set -euo pipefail
as_pg() {  # as the postgres user when root (initdb refuses root), else as ourselves
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}
if [ "${1:-}" = "stop" ]; then
  dir="$2"
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  as_pg "$bin/pg_ctl -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi
port="${ART5_PG_PORT:-55432}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pg-cluster: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
dir=$(mktemp -d /tmp/art5-pg.XXXXXX)
[ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
as_pg "$bin/initdb -D '$dir/data' -U postgres -A trust --auth-host=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1
# one user must log in with a password (SCRAM), so the tests prove the password paths (environment,
# password file); every other loopback connection is trusted on this throw-away cluster
hba="$dir/data/pg_hba.conf"
{ echo "host all art5_pwcheck 127.0.0.1/32 scram-sha-256"; cat "$hba"; } > "$hba.new" && mv "$hba.new" "$hba"
[ "$(id -u)" = "0" ] && chown postgres:postgres "$hba"
as_pg "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=on -c max_connections=200\" start" >/dev/null
echo "$dir"
