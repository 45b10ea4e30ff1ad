#!/usr/bin/env bash
# Issue 7's radius benchmarks in one command (docs/benchmarks.md, "Three-kilometre circles"):
#
#   bench/run-circles.sh            (1,000,000 residents, 200,000 board vacancies, 300 centres)
#
# Starts a throwaway PostgreSQL (eng/pg.sh, own state file), installs nothing: PostGIS must be
# installed (apt-get install -y postgresql-15-postgis-3; the portal itself never needs it).
# Builds the portal and the bench in Release, starts the portal on a fresh database (migrate, demo
# city and accounts, no scheduler), generates the scale city (generate --seed 1), then runs
# `circles`: adds the bench vacancies and the PostGIS column + GiST index, times the portal's
# searches and PostGIS's on the same rows (server defaults, then jit=off and no parallel workers),
# prints the plans, times the standing recomputation of every community and the two API
# requests. Stops the portal and the server at the end. Run it on a quiet machine.
#
# Environment: PORTAL_PG_STATE (default /tmp/pg-circles.state), BENCH_RESIDENTS (1000000),
# BENCH_VACANCIES (200000), BENCH_QUERIES (300), BENCH_PORT (5093).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
residents="${BENCH_RESIDENTS:-1000000}"
vacancies="${BENCH_VACANCIES:-200000}"
queries="${BENCH_QUERIES:-300}"
port_http="${BENCH_PORT:-5093}"
export PORTAL_PG_STATE="${PORTAL_PG_STATE:-/tmp/pg-circles.state}"

if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    echo "PostGIS is not installed: apt-get install -y postgresql-15-postgis-3" >&2
    exit 1
fi

base="$(bash eng/pg.sh start | tail -1)"
portal_pid=""
cleanup() {
    [[ -n "$portal_pid" ]] && kill "$portal_pid" 2>/dev/null || true
    bash eng/pg.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

cs="${base/Database=postgres/Database=portal_circles}"
host="$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$base")"
port="$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$base")"
PGPASSWORD=portal psql -h "$host" -p "$port" -U portal -d postgres -qc 'DROP DATABASE IF EXISTS portal_circles' -c 'CREATE DATABASE portal_circles'

dotnet publish -c Release src/EmploymentPortal.Web -o artifacts/publish >/dev/null
dotnet build -c Release bench/EmploymentPortal.Bench >/dev/null
bench=(dotnet bench/EmploymentPortal.Bench/bin/Release/net10.0/EmploymentPortal.Bench.dll)

(cd artifacts/publish && ASPNETCORE_ENVIRONMENT=Production Keys__GenerateIfMissing=true Database__Provider=Postgres \
    ConnectionStrings__Portal="$cs" Database__MigrateOnStartup=true Demo__SeedOnStartup=true \
    Demo__Password=Portal2026demo Scheduler__Enabled=false \
    exec dotnet EmploymentPortal.Web.dll --urls "http://127.0.0.1:$port_http" >/tmp/portal-circles.log 2>&1) &
portal_pid=$!
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$port_http/" && break
    sleep 1
done

"${bench[@]}" generate --provider postgres --connection "$cs" --residents "$residents" --enterprises 50000 --communities 2000 --seed 1
echo "machine: $(nproc) cores; $(uname -r); $(dotnet --version); $(date -u +%Y-%m-%dT%H:%M:%SZ)"
"${bench[@]}" circles --connection "$cs" --vacancies "$vacancies" --queries "$queries" \
    --url "http://127.0.0.1:$port_http" --user officer1 --password Portal2026demo
