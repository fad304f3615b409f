#!/usr/bin/env bash
# The production shape on one machine, without Docker (make cluster): the project-local PostgreSQL
# (scripts/local-db.sh) as primary, a streaming replica of it (pg_basebackup) under var/pg-replica,
# two app nodes from target/dialogkarta.jar, and Debian's nginx in front as a round-robin balancer.
#   cluster.sh start | stop | status        everything (start builds the jar when the sources are newer and
#                                           starts only what is not running; stop in reverse order;
#                                           status exits 1 if a part is down)
#   cluster.sh start-node PORT | stop-node PORT [kill]   one app node (kill: SIGKILL, no graceful shutdown)
#   cluster.sh start-replica | stop-replica  the streaming replica
#   cluster.sh restart-primary [SECONDS]     stop the primary, keep it down SECONDS (default 0), start it
# Ports: DIALOGKARTA_PG_PORT (55432), DIALOGKARTA_REPLICA_PORT (primary + 1), NODE_PORTS ("8081 8082"),
# CLUSTER_PORT (8080, nginx); the other commands reuse those `start` had. Logs, pid files and the
# generated nginx config in var/cluster. Run scripts/setup.sh cluster first (make cluster does).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/var/cluster"
# The ports (and the citizens' rate limit) `start` was given, kept until `stop`, so that stop-node
# 8081, start-node, status, stop ... act on the same cluster, and a restarted node gets the same
# settings, without the variables being set again (a variable set now still wins).
settings="$run/ports.env"
if [ -f "$settings" ]; then
  while IFS='=' read -r name value; do
    case $name in
      DIALOGKARTA_PG_PORT|DIALOGKARTA_REPLICA_PORT|NODE_PORTS|CLUSTER_PORT|DIALOGKARTA_RATE_LIMIT)
        [ -n "${!name:-}" ] || printf -v "$name" '%s' "$value" ;;
    esac
  done <"$settings"
fi
pg_port=${DIALOGKARTA_PG_PORT:-55432}
replica_port=${DIALOGKARTA_REPLICA_PORT:-$((pg_port + 1))}
node_ports=${NODE_PORTS:-"8081 8082"}
lb_port=${CLUSTER_PORT:-8080}
primary_dir="$root/var/pg"
replica_dir="$root/var/pg-replica"
jar="$root/target/dialogkarta.jar"
repl_user=dialogkarta_replicator
repl_password=${DIALOGKARTA_REPLICATION_PASSWORD:-dialogkarta-replication}
slot=dialogkarta_replica
node_timeout=${NODE_START_TIMEOUT:-240}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] || { echo "cluster: PostgreSQL is not installed (run scripts/setup.sh)" >&2; exit 1; }
export DIALOGKARTA_PG_PORT=$pg_port

say() { echo "cluster: $*"; }
die() { echo "cluster: $*" >&2; exit 1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
psql_at() { # psql_at SOCKET_DIR PORT SQL: as the superuser over the cluster's own socket
  PGOPTIONS="-c client_min_messages=warning" as_owner "$pg_bin/psql" -h "$1" -p "$2" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -qtAc "$3"
}
primary_sql() { psql_at "$primary_dir/run" "$pg_port" "$1"; }
replica_sql() { psql_at "$replica_dir/run" "$replica_port" "$1"; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true; }

# wait_for SECONDS WHAT COMMAND...: runs COMMAND once a second until it succeeds (a dot every 5 s).
wait_for() {
  local timeout=$1 what=$2 waited=0; shift 2
  printf 'cluster: waiting for %s' "$what" >&2
  until "$@"; do
    if [ "$waited" -ge "$timeout" ]; then echo " gave up after ${timeout}s" >&2; return 1; fi
    sleep 1; waited=$((waited + 1))
    [ $((waited % 5)) -ne 0 ] || printf . >&2
  done
  echo " ${waited}s" >&2
}

# ---- primary -------------------------------------------------------------------------------------

# The primary as local-db.sh makes it, plus what a streaming replica needs: a replication role, a
# pg_hba line for it on 127.0.0.1 (initdb's default has one for all roles), and a physical slot so
# the primary keeps the WAL a stopped replica still needs. All idempotent.
start_primary() {
  "$root/scripts/local-db.sh" start
  as_owner "$pg_bin/pg_ctl" -D "$primary_dir/data" status >/dev/null 2>&1 \
    || die "port $pg_port is another checkout's cluster; the cluster needs its own: DIALOGKARTA_PG_PORT=55442 make cluster"
  if [ "$(primary_sql "SELECT 1 FROM pg_roles WHERE rolname = '$repl_user'")" != 1 ]; then
    primary_sql "CREATE ROLE $repl_user REPLICATION LOGIN PASSWORD '$repl_password'"
  fi
  if ! as_owner grep -Eq "^host[[:space:]]+replication[[:space:]]+(all|$repl_user)[[:space:]]+127\.0\.0\.1/32" \
      "$primary_dir/data/pg_hba.conf"; then
    echo "host replication $repl_user 127.0.0.1/32 scram-sha-256" | as_owner tee -a "$primary_dir/data/pg_hba.conf" >/dev/null
    primary_sql "SELECT pg_reload_conf()" >/dev/null
  fi
  case "$(primary_sql "SHOW wal_level")" in
    replica|logical) ;;
    *) primary_sql "ALTER SYSTEM SET wal_level = replica"
       as_owner "$pg_bin/pg_ctl" -D "$primary_dir/data" -m fast -w restart >/dev/null ;;
  esac
  if [ "$(primary_sql "SELECT 1 FROM pg_replication_slots WHERE slot_name = '$slot'")" != 1 ]; then
    primary_sql "SELECT pg_create_physical_replication_slot('$slot')" >/dev/null
  fi
}

restart_primary() {
  local down=${1:-0}
  say "stopping the primary (fast shutdown)"
  as_owner "$pg_bin/pg_ctl" -D "$primary_dir/data" -m fast -w stop >/dev/null
  [ "$down" -eq 0 ] || { say "primary down for ${down}s"; sleep "$down"; }
  "$root/scripts/local-db.sh" start
}

# ---- replica -------------------------------------------------------------------------------------

replica_running() {
  [ -f "$replica_dir/data/PG_VERSION" ] && as_owner "$pg_bin/pg_ctl" -D "$replica_dir/data" status >/dev/null 2>&1
}
system_id() { as_owner "$pg_bin/pg_controldata" "$1" | sed -n 's/^Database system identifier: *//p'; }

start_replica() {
  if replica_running; then say "replica already running on 127.0.0.1:$replica_port"; return 0; fi
  ! port_open "$replica_port" || die "port $replica_port is taken; choose another: DIALOGKARTA_REPLICA_PORT=..."
  mkdir -p "$replica_dir"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$replica_dir"
  # A copy of an earlier primary (var/pg made anew) cannot follow this one: take a new copy.
  if [ -f "$replica_dir/data/PG_VERSION" ] && [ "$(system_id "$replica_dir/data")" != "$(system_id "$primary_dir/data")" ]; then
    say "var/pg-replica was copied from an earlier primary; copying again"
    rm -rf "$replica_dir/data"
  fi
  if [ ! -f "$replica_dir/data/PG_VERSION" ]; then
    say "copying the primary into $replica_dir/data (pg_basebackup -R)"
    rm -rf "$replica_dir/data"
    # -R writes standby.signal and primary_conninfo (with this password) and primary_slot_name.
    as_owner env PGPASSWORD="$repl_password" "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U "$repl_user" \
      -D "$replica_dir/data" -R -X stream -S "$slot" --checkpoint=fast
  fi
  as_owner mkdir -p "$replica_dir/run"
  as_owner "$pg_bin/pg_ctl" -D "$replica_dir/data" -l "$replica_dir/server.log" -w -t 60 start \
    -o "-p $replica_port -k $replica_dir/run -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null \
    || die "the replica did not start; see $replica_dir/server.log"
  wait_for 60 "the replica to stream from the primary" replica_streaming || die "the replica does not stream; see $replica_dir/server.log"
  say "streaming replica on 127.0.0.1:$replica_port"
}
replica_streaming() {
  [ "$(primary_sql "SELECT active FROM pg_replication_slots WHERE slot_name = '$slot'" 2>/dev/null)" = t ]
}

stop_replica() {
  if replica_running; then
    as_owner "$pg_bin/pg_ctl" -D "$replica_dir/data" -m fast -w stop >/dev/null
    say "replica stopped"
  else
    say "replica not running"
  fi
}

# ---- app nodes -----------------------------------------------------------------------------------

build_if_needed() {
  if [ ! -f "$jar" ] || [ -n "$(cd "$root" && find pom.xml src web sql -newer "$jar" -print -quit)" ]; then
    local p; for p in $node_ports; do
      if pid_alive "$run/node-$p.pid"; then  # never replace the jar under a running node
        say "the sources are newer than $jar, but nodes run from it: stop, then start, to rebuild"
        return 0
      fi
    done
    say "building $jar"
    (cd "$root" && JAVA_HOME=$(scripts/java-home.sh) PATH="$(scripts/java-home.sh)/bin:$PATH" \
      mvn -B -ntp -q -DskipTests package)
    touch "$jar"  # Maven leaves a jar it finds up to date (same content) with its old time
  fi
}

node_env() { # the environment of the node on port $1
  echo "SERVER_PORT=$1"
  echo "DIALOGKARTA_DB_URL=jdbc:postgresql://127.0.0.1:$pg_port/dialogkarta"
  echo "DIALOGKARTA_DB_USER=dialogkarta"
  echo "DIALOGKARTA_DB_PASSWORD=dialogkarta"
  echo "DIALOGKARTA_DB_REPLICA_URL=jdbc:postgresql://127.0.0.1:$replica_port/dialogkarta"
  echo "DIALOGKARTA_EXPORT_DIR=$run/exports"
  echo "DIALOGKARTA_DEMO_DATA=${DIALOGKARTA_DEMO_DATA:-true}"
  echo "DIALOGKARTA_ADMIN_USERNAME=${DIALOGKARTA_ADMIN_USERNAME:-admin}"
  echo "DIALOGKARTA_ADMIN_PASSWORD=${DIALOGKARTA_ADMIN_PASSWORD:-demo-dialogkarta-2026}"
  echo "DIALOGKARTA_PUBLIC_URL=${DIALOGKARTA_PUBLIC_URL:-http://localhost:$lb_port}"
  # Behind nginx: the client's address (for the citizens' rate limit) from X-Forwarded-For.
  echo "SERVER_FORWARD_HEADERS_STRATEGY=native"
  # make cluster-test sends all its load from one address: start the cluster with 0 (no limit).
  echo "DIALOGKARTA_RATE_LIMIT=${DIALOGKARTA_RATE_LIMIT:-300}"
}

node_ready() { [ "$(http_code "http://127.0.0.1:$1/actuator/health")" = 200 ]; }

start_node() {
  local port=$1 pid="$run/node-$1.pid" log="$run/node-$1.log"
  if pid_alive "$pid"; then say "node $port already running (pid $(cat "$pid"))"; return 0; fi
  ! port_open "$port" || die "port $port is taken; choose others: NODE_PORTS=\"9081 9082\""
  [ -f "$jar" ] || die "$jar is missing (scripts/cluster.sh start builds it)"
  mkdir -p "$run/exports"; rm -f "$pid"
  local java; java="$("$root/scripts/java-home.sh")/bin/java"
  echo "--- $(date -Is) start" >>"$log"
  # A session of its own (setsid), so the node outlives this script; it writes its own pid.
  # CLUSTER_JAVA_OPTS is split into words on purpose.
  # shellcheck disable=SC2016,SC2086
  (cd "$root" && mapfile -t vars < <(node_env "$port") &&
    exec env "${vars[@]}" setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pid" \
      "$java" ${CLUSTER_JAVA_OPTS:--Xmx1g} -jar "$jar") </dev/null >>"$log" 2>&1 &
  if ! wait_for "$node_timeout" "node $port (/actuator/health)" node_ready_or_dead "$port" || ! pid_alive "$pid"; then
    tail -n 30 "$log" >&2
    die "node $port did not become healthy; log: $log"
  fi
  say "node $port up (pid $(cat "$pid"), log $log)"
}
# Ready, or stopped for good (then waiting is pointless; the caller checks which).
node_ready_or_dead() {
  node_ready "$1" || { [ -f "$run/node-$1.pid" ] && ! pid_alive "$run/node-$1.pid"; }
}

stop_node() {
  local port=$1 how=${2:-term} pid="$run/node-$1.pid"
  if ! pid_alive "$pid"; then say "node $port not running"; rm -f "$pid"; return 0; fi
  if [ "$how" = kill ]; then
    kill -KILL "$(cat "$pid")"
  else
    kill -TERM "$(cat "$pid")"   # Spring Boot finishes the requests in flight, then exits
  fi
  wait_for 60 "node $port to exit" bash -c "! kill -0 $(cat "$pid") 2>/dev/null" || { kill -KILL "$(cat "$pid")"; sleep 1; }
  rm -f "$pid"
  say "node $port stopped ($how)"
}

# ---- nginx ---------------------------------------------------------------------------------------

nginx_cmd() { /usr/sbin/nginx -p "$run/" -c "$run/nginx.conf" -e "$run/nginx-error.log" "$@"; }

# The rules live in deploy/dialogkarta.conf.template, shared with docker-compose.yml; here they are
# filled in with the local ports and wrapped in a config that needs nothing under /etc/nginx.
write_nginx_conf() {
  local servers="" p tmpl
  for p in $node_ports; do servers+="server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n    '; done
  tmpl=$(<"$root/deploy/dialogkarta.conf.template")
  # shellcheck disable=SC2016 # the placeholders, literally
  local port_ph='${DIALOGKARTA_LB_PORT}' upstream_ph='${DIALOGKARTA_LB_UPSTREAM}'
  tmpl=${tmpl//"$port_ph"/$lb_port}
  tmpl=${tmpl//"$upstream_ph"/$servers}
  printf '%s\n' "$tmpl" >"$run/dialogkarta.conf"
  mkdir -p "$run/nginx-tmp"
  cat >"$run/nginx.conf" <<EOF
# Generated by scripts/cluster.sh (edit deploy/dialogkarta.conf.template or the script instead).
daemon on;
worker_processes 1;
pid $run/nginx.pid;
error_log $run/nginx-error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path $run/nginx-tmp/body;
    proxy_temp_path $run/nginx-tmp/proxy;
    fastcgi_temp_path $run/nginx-tmp/fastcgi;
    uwsgi_temp_path $run/nginx-tmp/uwsgi;
    scgi_temp_path $run/nginx-tmp/scgi;
    include $run/dialogkarta.conf;
    access_log $run/nginx-access.log dialogkarta;
}
EOF
}

start_nginx() {
  [ -x /usr/sbin/nginx ] || die "nginx is not installed (scripts/setup.sh cluster)"
  if pid_alive "$run/nginx.pid"; then say "nginx already running on :$lb_port"; return 0; fi
  ! port_open "$lb_port" || die "port $lb_port is taken; choose another: CLUSTER_PORT=9080"
  write_nginx_conf
  nginx_cmd -t -q || die "nginx refuses $run/nginx.conf"
  nginx_cmd
  wait_for 10 nginx pid_alive "$run/nginx.pid" || die "nginx did not start; see $run/nginx-error.log"
  say "nginx on http://localhost:$lb_port (nodes: $node_ports; access log $run/nginx-access.log)"
}

stop_nginx() {
  if pid_alive "$run/nginx.pid"; then
    local pid; pid=$(cat "$run/nginx.pid")
    nginx_cmd -s quit
    wait_for 20 "nginx to exit" bash -c "! kill -0 $pid 2>/dev/null" || kill -TERM "$pid"
    say "nginx stopped"
  else
    say "nginx not running"
  fi
}

# ---- the whole -----------------------------------------------------------------------------------

start_all() {
  mkdir -p "$run"
  printf '%s\n' "DIALOGKARTA_PG_PORT=$pg_port" "DIALOGKARTA_REPLICA_PORT=$replica_port" \
    "NODE_PORTS=$node_ports" "CLUSTER_PORT=$lb_port" "DIALOGKARTA_RATE_LIMIT=${DIALOGKARTA_RATE_LIMIT:-300}" >"$settings"
  if [ "$(id -u)" -eq 0 ]; then  # nginx's workers (nobody) and postgres must reach var/ in a private folder
    d="$run"; while [ "$d" != / ]; do d=$(dirname "$d"); chmod o+x "$d"; done
  fi
  build_if_needed
  start_primary
  start_replica
  # One after the other: the first node migrates the database and loads the demo data.
  for p in $node_ports; do start_node "$p"; done
  start_nginx
  say "up: http://localhost:$lb_port (staff: ${DIALOGKARTA_ADMIN_USERNAME:-admin} / ${DIALOGKARTA_ADMIN_PASSWORD:-demo-dialogkarta-2026}); stop with scripts/cluster.sh stop"
}

stop_all() {
  stop_nginx
  local p; for p in $(echo "$node_ports" | tr ' ' '\n' | tac); do stop_node "$p"; done
  stop_replica
  # The replica is gone until the next start, which copies the primary again: drop its slot, or
  # the primary (also what make run and make test use) would keep every WAL segment meanwhile.
  primary_sql "SELECT pg_drop_replication_slot('$slot') FROM pg_replication_slots WHERE slot_name = '$slot'" \
    >/dev/null 2>&1 || true
  as_owner rm -rf "$replica_dir/data"
  "$root/scripts/local-db.sh" stop
  rm -f "$settings"
}

status() {
  local down=0 p
  if as_owner "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
    say "primary  up    127.0.0.1:$pg_port"
    primary_sql "SELECT 'cluster: replication ' || coalesce(application_name, '?') || ' ' || state
                   || ', replay lag ' || pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) || ' bytes'
                   || coalesce(', ' || replay_lag::text, '') FROM pg_stat_replication" 2>/dev/null || true
  else
    say "primary  DOWN  127.0.0.1:$pg_port"; down=1
  fi
  if as_owner "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$replica_port"; then
    say "replica  up    127.0.0.1:$replica_port, $(replica_sql "SELECT CASE WHEN pg_is_in_recovery() THEN 'in recovery' ELSE 'NOT in recovery' END
        || ', replayed up to ' || coalesce(pg_last_wal_replay_lsn()::text, '?')
        || ', last replayed transaction ' || coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 1) || ' s ago', 'none')" 2>/dev/null || echo '?')"
  else
    say "replica  DOWN  127.0.0.1:$replica_port"; down=1
  fi
  for p in $node_ports; do
    if pid_alive "$run/node-$p.pid"; then
      say "node     up    :$p pid $(cat "$run/node-$p.pid"), /actuator/health $(http_code "http://127.0.0.1:$p/actuator/health")"
      node_ready "$p" || down=1
    else
      say "node     DOWN  :$p"; down=1
    fi
  done
  if pid_alive "$run/nginx.pid"; then
    say "nginx    up    :$lb_port, /health $(http_code "http://127.0.0.1:$lb_port/health")"
  else
    say "nginx    DOWN  :$lb_port"; down=1
  fi
  return $down
}

case "${1:-}" in
  start) start_all ;;
  stop) stop_all ;;
  status) status ;;
  start-node) [ -n "${2:-}" ] || die "usage: $0 start-node PORT"; mkdir -p "$run"; start_node "$2" ;;
  stop-node) [ -n "${2:-}" ] || die "usage: $0 stop-node PORT [kill]"; stop_node "$2" "${3:-term}" ;;
  start-replica) start_replica ;;
  stop-replica) stop_replica ;;
  restart-primary) restart_primary "${2:-0}" ;;
  *) echo "usage: $0 start|stop|status|start-node PORT|stop-node PORT [kill]|start-replica|stop-replica|restart-primary [SECONDS]" >&2
     exit 2 ;;
esac
