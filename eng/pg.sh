#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and local development.
#
#   eng/pg.sh start    initdb a fresh cluster in a temp dir, start it on a free port of
#                      127.0.0.1, print its Npgsql connection string on stdout
#   eng/pg.sh stop     stop it and delete its directory (nothing to do if none is running)
#   eng/pg.sh status   say whether it runs; exit 1 when it does not
#   eng/pg.sh conn     print the connection string of the running server
#
# Role portal / password portal, a superuser (the tests create databases). Durability is
# switched off (fsync, synchronous_commit, full_page_writes): the data is thrown away anyway.
# Works as root (the server runs as the `postgres` OS user) and as a normal user.
# When no PostgreSQL is installed, root installs Debian's package; a normal user is told to.
#
# Environment:
#   PORTAL_PG_STATE      state file (default: artifacts/pg.state in the repository); give each
#                        concurrent server its own
#   PORTAL_PG_PORT_FROM  first port tried (default 55432)
#   PORTAL_PG_VERSION    major version to prefer (default 15)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state_file="${PORTAL_PG_STATE:-$repo_root/artifacts/pg.state}"
port_from="${PORTAL_PG_PORT_FROM:-55432}"
preferred_major="${PORTAL_PG_VERSION:-15}"
pg_user=portal
pg_password=portal

log() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [[ "$(id -u)" == 0 ]]; }

# Prints the bin directory of an installed PostgreSQL: the preferred major version first, then
# the newest other one under /usr/lib/postgresql, then whatever initdb is on PATH.
find_pg_bin() {
    if [[ -x "/usr/lib/postgresql/$preferred_major/bin/initdb" ]]; then
        echo "/usr/lib/postgresql/$preferred_major/bin"
        return 0
    fi
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return 0
        fi
    done
    local initdb
    if initdb="$(command -v initdb 2>/dev/null)"; then
        dirname "$initdb"
        return 0
    fi
    return 1
}

install_pg() {
    if ! is_root; then
        die "PostgreSQL is not installed. Install it (Debian: sudo apt-get install -y postgresql) or set PORTAL_TEST_PG to a server where the tests may create databases."
    fi
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and there is no apt-get to install it with."
    log "PostgreSQL is not installed; installing Debian's postgresql package"
    # Debian's package creates and starts a cluster `main` on port 5432 unless told not to.
    # We need only the binaries, so keep it from creating one when nobody configured it yet.
    if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
        mkdir -p /etc/postgresql-common
        echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf
    fi
    export DEBIAN_FRONTEND=noninteractive
    if [[ "${PORTAL_APT_UPDATED:-}" != 1 ]]; then
        apt-get update -q >&2
        export PORTAL_APT_UPDATED=1
    fi
    apt-get install -y -q -o Dpkg::Options::=--force-confold postgresql >&2
}

port_in_use() {
    local port="$1"
    if command -v ss >/dev/null; then
        ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && return 0
        return 1
    fi
    # No ss: a connection that succeeds means someone listens.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Runs a command as the server's OS user: `postgres` when we are root, else ourselves.
as_pg() {
    if is_root; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

read_state() {
    [[ -f "$state_file" ]] || return 1
    # shellcheck disable=SC1090
    source "$state_file"
    [[ -n "${PG_BASE:-}" && -n "${PG_PORT:-}" && -n "${PG_BIN:-}" ]]
}

conn_string() {
    echo "Host=127.0.0.1;Port=$1;Username=$pg_user;Password=$pg_password;Database=postgres"
}

server_running() {
    [[ -d "$PG_BASE/data" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" status >/dev/null 2>&1
}

cmd_start() {
    if read_state; then
        if server_running; then
            log "already running on port $PG_PORT ($PG_BASE)"
            conn_string "$PG_PORT"
            return 0
        fi
        log "removing the state of a server that no longer runs ($PG_BASE)"
        rm -rf "$PG_BASE"
        rm -f "$state_file"
    fi

    # bin and base are global: the cleanup trap below reads them after a die.
    if ! bin="$(find_pg_bin)"; then
        install_pg
        bin="$(find_pg_bin)" || die "PostgreSQL was installed but no initdb was found"
    fi

    if is_root && ! id postgres >/dev/null 2>&1; then
        die "running as root needs the 'postgres' OS user to run the server (the postgresql package creates it)"
    fi

    base="$(mktemp -d "${TMPDIR:-/tmp}/portal-pg.XXXXXX")"
    # From here on, a failure removes what was made.
    trap 'if [[ -n "${base:-}" ]]; then as_pg "$bin/pg_ctl" -D "$base/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$base"; fi' EXIT
    printf '%s\n' "$pg_password" > "$base/pwfile"
    if is_root; then
        chown -R postgres: "$base"
    fi
    chmod 700 "$base"

    log "initdb with $bin (in $base)"
    as_pg "$bin/initdb" -D "$base/data" -U "$pg_user" --pwfile="$base/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
        --no-instructions >"$base/initdb.log" 2>&1 \
        || { cat "$base/initdb.log" >&2; die "initdb failed"; }
    rm -f "$base/pwfile"

    # Connections over TCP from 127.0.0.1 only, with the password; the socket lives in our dir.
    cat > "$base/data/pg_hba.conf" <<EOF
local all all trust
host  all all 127.0.0.1/32 scram-sha-256
EOF

    local port="$port_from" attempt
    for attempt in 1 2 3 4 5; do
        while port_in_use "$port"; do
            port=$((port + 1))
            (( port < port_from + 200 )) || die "no free port in $port_from..$((port_from + 199))"
        done
        cat > "$base/data/postgresql.auto.conf" <<EOF
# Written by eng/pg.sh: a throwaway test server.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$base'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
EOF
        if is_root; then chown postgres: "$base/data/postgresql.auto.conf" "$base/data/pg_hba.conf"; fi
        if as_pg "$bin/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 start >/dev/null; then
            break
        fi
        # Someone may have taken the port between the check and the start: try the next one.
        log "server did not start on port $port (attempt $attempt); log:"
        tail -n 5 "$base/server.log" >&2 || true
        (( attempt < 5 )) || die "PostgreSQL did not start"
        port=$((port + 1))
    done

    mkdir -p "$(dirname "$state_file")"
    cat > "$state_file" <<EOF
PG_BASE='$base'
PG_PORT='$port'
PG_BIN='$bin'
EOF
    trap - EXIT
    log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port, data in $base"
    conn_string "$port"
}

cmd_stop() {
    if ! read_state; then
        log "no server recorded in $state_file; nothing to stop"
        return 0
    fi
    if [[ -d "$PG_BASE/data" ]]; then
        if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_BASE/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            # Not stopped in time (or already gone): make sure no postmaster survives.
            local pid
            pid="$(head -n 1 "$PG_BASE/data/postmaster.pid" 2>/dev/null || true)"
            if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                log "fast stop failed; sending SIGQUIT to postmaster $pid"
                kill -QUIT "$pid" 2>/dev/null || true
                sleep 1
            fi
        fi
    fi
    rm -rf "$PG_BASE"
    rm -f "$state_file"
    log "stopped the server on port $PG_PORT and removed $PG_BASE"
}

cmd_status() {
    if read_state && server_running; then
        log "running on 127.0.0.1:$PG_PORT, data in $PG_BASE"
        return 0
    fi
    log "not running"
    return 1
}

cmd_conn() {
    read_state && server_running || die "no server running (eng/pg.sh start)"
    conn_string "$PG_PORT"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    conn) cmd_conn ;;
    *)
        echo "usage: eng/pg.sh start|stop|status|conn" >&2
        exit 2
        ;;
esac
