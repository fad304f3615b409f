#!/usr/bin/env bash
# A project-local PostgreSQL + PostGIS cluster under var/pg, listening on 127.0.0.1 only.
#   local-db.sh start   create the cluster if needed, start it, create the databases
#   local-db.sh stop    stop it
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/var/pg"
port=${DIALOGKARTA_PG_PORT:-55432}
db_user=dialogkarta
db_password=dialogkarta
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] || { echo "local-db: PostgreSQL is not installed (run scripts/setup.sh)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# Whether this checkout's own cluster is running (false when it does not exist yet).
own_cluster_running() {
  [ -f "$dir/data/PG_VERSION" ] && as_owner "$pg_bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}
psql_super() { PGOPTIONS="-c client_min_messages=warning" as_owner "$pg_bin/psql" -h "$dir/run" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

start() {
  if ! own_cluster_running; then
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      # Another checkout's cluster (same databases and credentials) serves just as well.
      if PGPASSWORD=$db_password "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U "$db_user" -d dialogkarta_test \
          -qtAc "SELECT postgis_lib_version()" >/dev/null 2>&1; then
        echo "local-db: using the Dialogkarta cluster already running on 127.0.0.1:$port"
        return 0
      fi
      echo "local-db: port $port is taken by another server." >&2
      echo "local-db: stop it, or choose another port: DIALOGKARTA_PG_PORT=55442 make ..." >&2
      exit 1
    fi
  fi
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      # A checkout in a private folder (mktemp -d is mode 700): let postgres through to var/pg.
      d="$dir"; while [ "$d" != / ]; do d=$(dirname "$d"); chmod o+x "$d"; done
    fi
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    echo "local-db: creating cluster in $dir/data"
    as_owner mkdir -p "$dir/data" "$dir/run"
    as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log"
  fi
  as_owner mkdir -p "$dir/run"
  if ! as_owner "$pg_bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    # max_connections: the test suite keeps a pool per cached Spring context, some tests start
    # second app nodes, and make cluster runs two nodes and a replica (which needs at least as many).
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null
  fi
  if [ "$(psql_super -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$db_user'")" != 1 ]; then
    psql_super -d postgres -c "CREATE ROLE $db_user LOGIN PASSWORD '$db_password'"
  fi
  for db in dialogkarta dialogkarta_test dialogkarta_bench dialogkarta_demo_test; do
    if [ "$(psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      psql_super -d postgres -c "CREATE DATABASE $db OWNER $db_user"
    fi
    # PostGIS is not a trusted extension: the superuser creates it, the migrations then find it.
    psql_super -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis"
  done
  echo "local-db: PostGIS on 127.0.0.1:$port (databases dialogkarta, dialogkarta_test, dialogkarta_bench, dialogkarta_demo_test)"
}

stop() {
  if [ -f "$dir/data/PG_VERSION" ] && as_owner "$pg_bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    echo "local-db: stopped"
  else
    echo "local-db: not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
