#!/usr/bin/env bash
# Starts the services the scale-out tests need, on 127.0.0.1 and fixed non-default ports:
#   redis-server on 6390 (no persistence) and a dedicated PostgreSQL cluster "heapheroes" on 5439
#   with role/database heapheroes/heapheroes_test.
# Idempotent: installs packages only if missing (apt-get, as root), creates the cluster, role and
# database only if missing, starts what is not running. Works without systemd (pg_ctlcluster).
# Prints the environment for the tests on stdout; everything else goes to stderr:
#   eval "$(scripts/ci-services.sh)"   # then: npm test
set -euo pipefail

REDIS_PORT="${HH_REDIS_PORT:-6390}"
PG_PORT="${HH_PG_PORT:-5439}"
PG_CLUSTER=heapheroes
PG_ROLE=heapheroes
PG_PASSWORD=heapheroes
PG_DB=heapheroes_test

log() { echo "ci-services: $*" >&2; }

install_missing() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v pg_createcluster >/dev/null 2>&1 && compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >&2
  fi
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "redis already running on $REDIS_PORT"
    return
  fi
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no \
    --logfile /tmp/hh-redis-"$REDIS_PORT".log --pidfile /tmp/hh-redis-"$REDIS_PORT".pid >&2
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && return
    sleep 0.1
  done
  log "redis did not start"; exit 1
}

pg_version() {
  ls /usr/lib/postgresql | sort -n | tail -1
}

start_postgres() {
  local ver; ver="$(pg_version)"
  install -d -m 2775 -o postgres -g postgres /var/run/postgresql
  if [ ! -d "/etc/postgresql/$ver/$PG_CLUSTER" ]; then
    log "creating PostgreSQL $ver cluster $PG_CLUSTER on port $PG_PORT"
    pg_createcluster --port "$PG_PORT" --start-conf manual "$ver" "$PG_CLUSTER" >&2
  fi
  # postgresql.conf includes conf.d/: loopback only (rewritten every run, so it stays true).
  printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$PG_PORT" >"/etc/postgresql/$ver/$PG_CLUSTER/conf.d/heapheroes.conf"
  if ! pg_ctlcluster "$ver" "$PG_CLUSTER" status >/dev/null 2>&1; then
    log "starting PostgreSQL $ver/$PG_CLUSTER"
    pg_ctlcluster "$ver" "$PG_CLUSTER" start >&2
  fi
  for _ in $(seq 1 50); do
    (cd / && su postgres -c "psql -p $PG_PORT -tAc 'SELECT 1'") >/dev/null 2>&1 && break
    sleep 0.2
  done
  psql_admin() { (cd / && su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -tAc \"$1\""); }
  if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'")" != 1 ]; then
    log "creating role $PG_ROLE"
    psql_admin "CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD'" >&2
  fi
  if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
    log "creating database $PG_DB"
    psql_admin "CREATE DATABASE $PG_DB OWNER $PG_ROLE" >&2
  fi
}

install_missing
start_redis
start_postgres
echo "export HH_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
echo "export HH_TEST_DATABASE_URL=postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
