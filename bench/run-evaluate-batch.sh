#!/usr/bin/env bash
# Issue 5's batch goal in one command: one rule for 1,000,000 residents loaded from PostgreSQL.
#
#   bench/run-evaluate-batch.sh [rounds]        (default 3 rounds)
#
# Starts a throwaway PostgreSQL (eng/pg.sh, own state file), generates the 1 M residents
# (generate --seed 1, ~40-140 s), builds the bench in Release, then runs `evaluate-batch` in
# rounds: the compiled batch path (phases: read, then evaluate; pipeline: overlapped) and the
# evaluator over JSON facts for comparison. Every run prints /proc/loadavg before and after,
# wall and CPU time, bytes allocated a decision, and checks the first 20,000 residents against
# the evaluator. Stops the server at the end. Run it on a quiet machine; see docs/benchmarks.md.
#
# Environment: PORTAL_PG_STATE (default /tmp/pg-evaluate-batch.state), BENCH_RESIDENTS (1000000),
# BENCH_KEEP_PG=1 to leave the server running (then stop it with eng/pg.sh stop).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
rounds="${1:-3}"
residents="${BENCH_RESIDENTS:-1000000}"
export PORTAL_PG_STATE="${PORTAL_PG_STATE:-/tmp/pg-evaluate-batch.state}"

base="$(bash eng/pg.sh start | tail -1)"
if [[ "${BENCH_KEEP_PG:-0}" != 1 ]]; then
    trap 'bash eng/pg.sh stop >/dev/null 2>&1 || true' EXIT
fi

cs="${base/Database=postgres/Database=portal_batch}"
host="$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$base")"
port="$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$base")"
PGPASSWORD=portal psql -h "$host" -p "$port" -U portal -d postgres -qc 'DROP DATABASE IF EXISTS portal_batch' -c 'CREATE DATABASE portal_batch'

dotnet build -c Release bench/EmploymentPortal.Bench >/dev/null
bench=(dotnet bench/EmploymentPortal.Bench/bin/Release/net10.0/EmploymentPortal.Bench.dll)
"${bench[@]}" generate --provider postgres --connection "$cs" --residents "$residents" --enterprises 50000 --communities 2000 --seed 1

echo "machine: $(nproc) cores; $(uname -r); $(dotnet --version)"
for round in $(seq 1 "$rounds"); do
    for args in "--mode phases" "--mode pipeline" "--mode phases --path evaluator"; do
        echo
        echo "=== round $round: evaluate-batch $args ($(date -u +%H:%M:%S) UTC)"
        "${bench[@]}" evaluate-batch --connection "$cs" $args
    done
done
