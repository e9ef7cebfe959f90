#!/bin/sh
# A PostgreSQL streaming replica of the local primary, for the read-replica router's tests and bench.
#
#   bench/replica.sh start    # pg_basebackup from 127.0.0.1:5432 into $REPLICA_DIR, hot standby on :5433
#   bench/replica.sh status   # in recovery? how far behind?
#   bench/replica.sh stop     # stop it and remove its data directory
#
# Then, for example (the test database is created on the primary and reaches the replica by replication):
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rectify \
#   DATABASE_REPLICA_URLS=postgres://postgres@127.0.0.1:5433/rectify \
#   .venv/bin/pytest rectify/tests/test_routers.py
#
# Needs on the primary: wal_level replica or logical (the default; changing it needs a restart, so this
# script only checks it), a free wal sender (max_wal_senders), and a pg_hba.conf line letting the
# replication user connect for replication. That line is added, and the configuration reloaded (no
# restart), when missing and the file is writable. No replication slot: a stopped replica must not make
# the primary keep WAL for ever. Run as root (the server then runs as the postgres user) or as postgres.
set -eu

PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
PGUSER=${PGUSER:-postgres}
REPLICA_DIR=${REPLICA_DIR:-/tmp/rectify-replica-$REPLICA_PORT}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
export PGUSER

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

primary() {
    psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -d postgres -Atc "$1"
}

allow_replication() {
    level=$(primary "SHOW wal_level")
    if [ "$level" = minimal ]; then
        echo "primary has wal_level=minimal: ALTER SYSTEM SET wal_level = replica, then restart it" >&2
        exit 1
    fi
    hba=$(primary "SHOW hba_file")
    rule="host replication $PGUSER $PRIMARY_HOST/32 trust"
    if ! grep -Eq "^[[:space:]]*host[[:space:]]+replication[[:space:]]+($PGUSER|all)[[:space:]]" "$hba" 2>/dev/null; then
        if [ -w "$hba" ]; then
            printf '\n# rectify bench/replica.sh: a local streaming replica\n%s\n' "$rule" >>"$hba"
            primary "SELECT pg_reload_conf()" >/dev/null
            echo "added to $hba (configuration reloaded): $rule"
        else
            echo "add to $hba and reload the primary: $rule" >&2
            exit 1
        fi
    fi
}

start() {
    if [ -f "$REPLICA_DIR/postmaster.pid" ]; then
        echo "a replica already runs from $REPLICA_DIR"
        status
        return
    fi
    allow_replication
    rm -rf "$REPLICA_DIR"
    mkdir -p "$REPLICA_DIR"
    chmod 700 "$REPLICA_DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$REPLICA_DIR"
    # -R writes standby.signal and primary_conninfo: the copy starts as a hot standby that streams.
    as_postgres "$PG_BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U "$PGUSER" -D "$REPLICA_DIR" \
        -X stream -R --checkpoint=fast
    # Debian keeps the server's configuration outside its data directory; the copy needs its own. A hot
    # standby refuses to run with fewer of these than its primary has.
    as_postgres sh -c "cat >'$REPLICA_DIR/postgresql.conf'" <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
shared_buffers = 64MB
max_connections = $(primary "SHOW max_connections")
max_worker_processes = $(primary "SHOW max_worker_processes")
max_wal_senders = $(primary "SHOW max_wal_senders")
max_prepared_transactions = $(primary "SHOW max_prepared_transactions")
max_locks_per_transaction = $(primary "SHOW max_locks_per_transaction")
EOF
    as_postgres sh -c "cat >'$REPLICA_DIR/pg_hba.conf'" <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
    as_postgres touch "$REPLICA_DIR/pg_ident.conf"
    as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/server.log" -w start >/dev/null
    status
}

status() {
    psql -h 127.0.0.1 -p "$REPLICA_PORT" -d postgres -Atc \
        "SELECT 'replica on port $REPLICA_PORT, in recovery: ' || pg_is_in_recovery() || ', replayed up to ' || pg_last_wal_replay_lsn()"
    primary "SELECT 'primary sees: ' || state || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication"
}

stop() {
    if [ -f "$REPLICA_DIR/postmaster.pid" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null
    fi
    rm -rf "$REPLICA_DIR"
    echo "replica stopped, $REPLICA_DIR removed"
}

case "${1:-}" in
start) start ;;
status) status ;;
stop) stop ;;
*)
    echo "usage: $0 start|status|stop" >&2
    exit 2
    ;;
esac
