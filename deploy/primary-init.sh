#!/usr/bin/env bash
# The primary's part of streaming replication (docker-compose.yml): a role that may replicate, a
# physical slot so the primary keeps the WAL a stopped replica still needs, and a pg_hba line that
# lets the role connect for replication. The postgres image runs this once, from
# /docker-entrypoint-initdb.d, when it creates the database; it is idempotent, so on a volume made
# before it existed run it by hand: docker compose exec -u postgres db /docker-entrypoint-initdb.d/20-replication.sh
set -eo pipefail
: "${REPLICATION_USER:?}" "${REPLICATION_PASSWORD:?}" "${REPLICATION_SLOT:?}"

psql -v ON_ERROR_STOP=1 -qtA --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v user="$REPLICATION_USER" -v password="$REPLICATION_PASSWORD" -v slot="$REPLICATION_SLOT" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I WITH REPLICATION LOGIN PASSWORD %L', :'user', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT pg_create_physical_replication_slot(:'slot')
 WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = :'slot');
SQL

if ! grep -Eq "^host[[:space:]]+replication[[:space:]]+${REPLICATION_USER}[[:space:]]" "$PGDATA/pg_hba.conf"; then
  echo "host replication $REPLICATION_USER all scram-sha-256" >>"$PGDATA/pg_hba.conf"
fi
psql --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -qtAc "SELECT pg_reload_conf()" >/dev/null
