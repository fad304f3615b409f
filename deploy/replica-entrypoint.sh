#!/usr/bin/env bash
# The streaming replica's entrypoint (docker-compose.yml, postgis/postgis image): on the first
# start, while its data directory is empty, copy the primary with pg_basebackup -R (which writes
# standby.signal, primary_conninfo and primary_slot_name); then hand over to the image's own
# entrypoint, which finds the data directory made and starts postgres as a hot standby.
set -euo pipefail
: "${PRIMARY_HOST:?}" "${REPLICATION_USER:?}" "${REPLICATION_PASSWORD:?}" "${REPLICATION_SLOT:?}"
primary_port=${PRIMARY_PORT:-5432}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  until pg_isready -q -h "$PRIMARY_HOST" -p "$primary_port"; do
    echo "replica: waiting for the primary at $PRIMARY_HOST:$primary_port"; sleep 2
  done
  echo "replica: copying the primary (pg_basebackup -R)"
  # On failure pg_basebackup empties the directory again, so the next start tries anew.
  gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p "$primary_port" \
    -U "$REPLICATION_USER" -D "$PGDATA" -R -X stream -S "$REPLICATION_SLOT" --checkpoint=fast
fi
exec docker-entrypoint.sh postgres
