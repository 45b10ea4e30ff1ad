#!/usr/bin/env bash
# The test command: builds the solution once, runs every test project under tests/ and closes
# with one line, `N passed, N failed`, summed over the projects' TRX files.
#
#   eng/test.sh                          everything (what CI runs, through .ci/run)
#   eng/test.sh Domain Policies          only the test projects whose name contains a word
#   eng/test.sh --filter "FullyQualifiedName~Subsidy"   a dotnet test filter for each project
#
# What the tests need, it provides (see docs/operations.md, docs/decisions/003):
#   - PostgreSQL, for projects that reference Npgsql: the server in PORTAL_TEST_PG (an Npgsql
#     connection string to a server where the tests may create databases) or, when that is
#     unset, a throwaway server from eng/pg.sh, stopped again on exit;
#   - Debian's chromium and fonts-noto-cjk, for projects that reference Microsoft.Playwright,
#     exported as PORTAL_TEST_CHROMIUM (default /usr/bin/chromium);
#   - the npm packages a test project declares in a package.json beside it (pinned by its
#     package-lock.json), installed with `npm ci` into artifacts/npm/<project>/ (Debian's nodejs
#     and npm first, when missing), e.g. Redocly CLI for the OpenAPI lint;
#   - the dotnet tools of .config/dotnet-tools.json (`dotnet tool restore`), for projects whose
#     .csproj sets <PortalTestNeedsDotnetTools>true</PortalTestNeedsDotnetTools> (Kiota).
# Missing packages are installed with apt-get when running as root; otherwise it says what to
# install and stops.
#
# Exit code 0 only when no test failed and at least one passed. A project that did not build,
# crashed, timed out or left no TRX counts as (at least) one failure, so a crash cannot look green.
#
# Environment (all optional):
#   PORTAL_TEST_PG                  use this PostgreSQL instead of starting one
#   PORTAL_TEST_CHROMIUM            browser for the E2E tests (default /usr/bin/chromium)
#   PORTAL_TEST_PROJECT_TIMEOUT     wall-clock limit of one project when not on a terminal (40m)
#   PORTAL_TEST_HANG_TIMEOUT        a single test running longer is killed and reported (5m)
#   PORTAL_TEST_RESULTS             where the TRX files go (artifacts/test-results)
#   EP_TESTS_DIR                    where the test projects are (tests)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

configuration=Release
tests_dir="${EP_TESTS_DIR:-tests}"
results_dir="${PORTAL_TEST_RESULTS:-$repo_root/artifacts/test-results}"
project_timeout="${PORTAL_TEST_PROJECT_TIMEOUT:-40m}"
hang_timeout="${PORTAL_TEST_HANG_TIMEOUT:-5m}"
filter=""
selectors=()

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

while (($#)); do
    case "$1" in
        --filter) [[ $# -ge 2 ]] || { echo "--filter needs an expression" >&2; exit 2; }
                  filter="$2"; shift 2 ;;
        --filter=*) filter="${1#--filter=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "unknown option: $1 (see eng/test.sh --help)" >&2; exit 2 ;;
        *) selectors+=("$1"); shift ;;
    esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

say() { printf '==> %s\n' "$*"; }
warn() { printf 'test.sh: %s\n' "$*" >&2; }
is_root() { [[ "$(id -u)" == 0 ]]; }

work_tmp="$(mktemp -d "${TMPDIR:-/tmp}/portal-test.XXXXXX")"
pg_state="$work_tmp/pg.state"
pg_started=0

stop_pg() {
    if [[ "$pg_started" == 1 ]]; then
        pg_started=0
        PORTAL_PG_STATE="$pg_state" "$repo_root/eng/pg.sh" stop || warn "could not stop the throwaway PostgreSQL"
    fi
}
cleanup() {
    stop_pg
    rm -rf "$work_tmp"
}
# A running dotnet test is stopped too (the test host exits with its parent), then cleanup runs.
child=""
on_signal() {
    if [[ -n "$child" ]]; then
        kill -TERM "$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
    fi
    exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# The closing line. Stops what we started first so that nothing is printed after it.
finish() {
    local passed="$1" failed="$2"
    stop_pg
    if [[ "${CI:-}" == true ]]; then
        # The compiler server and MSBuild nodes would outlive the run otherwise.
        dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
    echo
    echo "$passed passed, $failed failed"
    if ((failed == 0 && passed > 0)); then exit 0; fi
    exit 1
}

# ---- the test projects -----------------------------------------------------------------------
candidates=()
if [[ -d "$tests_dir" ]]; then
    while IFS= read -r proj; do candidates+=("$proj"); done \
        < <(find "$tests_dir" -mindepth 2 -maxdepth 2 -name '*.csproj' | LC_ALL=C sort)
fi
if ((${#selectors[@]})); then
    chosen=()
    for sel in "${selectors[@]}"; do
        found=0
        for proj in "${candidates[@]}"; do
            name="$(basename "$proj" .csproj)"
            if [[ "${name,,}" == *"${sel,,}"* || "$proj" == "$sel" || "$proj" == "${sel%/}/$name.csproj" ]]; then
                [[ " ${chosen[*]-} " == *" $proj "* ]] || chosen+=("$proj")
                found=1
            fi
        done
        ((found)) || { warn "no test project under $tests_dir/ matches '$sel'"; exit 2; }
    done
    candidates=("${chosen[@]}")
fi
if ((${#candidates[@]} == 0)); then
    warn "error: no test projects found under $tests_dir/"
    finish 0 1
fi

# ---- build once ------------------------------------------------------------------------------
solution=""
for s in EmploymentPortal.sln EmploymentPortal.slnx; do
    [[ -f "$s" ]] && { solution="$s"; break; }
done

build_started=$SECONDS
build_ok=1
to_build=()
if [[ -n "$solution" ]]; then
    in_solution="$(dotnet sln "$solution" list 2>/dev/null | tr '\\' '/' || true)"
    to_build+=("$solution")
    for proj in "${candidates[@]}"; do
        if ! grep -qxF "${proj#./}" <<<"$in_solution"; then
            warn "$proj is not in $solution; building it on its own (add it: dotnet sln add $proj)"
            to_build+=("$proj")
        fi
    done
else
    warn "no EmploymentPortal.sln at the repository root; building the test projects one by one"
    to_build+=("${candidates[@]}")
fi
for target in "${to_build[@]}"; do
    say "dotnet build $target -c $configuration"
    if ! dotnet build "$target" -c "$configuration" -nodeReuse:false </dev/null; then
        build_ok=0
        warn "build of $target failed"
    fi
done
say "build took $((SECONDS - build_started))s"
if ((build_ok == 0)); then
    warn "the build failed; no tests were run (each test project counts as a failure)"
    finish 0 "${#candidates[@]}"
fi

# ---- what the projects need ------------------------------------------------------------------
# Read from the restored package graph: a project that references Npgsql (directly or through
# EmploymentPortal.Data) gets PostgreSQL, one that references Microsoft.Playwright gets the
# browser. A project whose graph is missing gets everything.
projects=()
needs_pg=0
needs_browser=0
needs_npm=()
needs_dotnet_tools=0
for proj in "${candidates[@]}"; do
    [[ -f "$(dirname "$proj")/package.json" ]] && needs_npm+=("$proj")
    grep -q '<PortalTestNeedsDotnetTools>true<' "$proj" && needs_dotnet_tools=1
    assets="$(dirname "$proj")/obj/project.assets.json"
    if [[ -f "$assets" ]]; then
        if ! grep -q '"Microsoft.NET.Test.Sdk/' "$assets"; then
            say "skipping $(basename "$proj" .csproj): not a test project (no Microsoft.NET.Test.Sdk)"
            continue
        fi
        grep -q '"Npgsql/' "$assets" && needs_pg=1
        grep -q '"Microsoft.Playwright/' "$assets" && needs_browser=1
    else
        needs_pg=1
        needs_browser=1
    fi
    projects+=("$proj")
done
if ((${#projects[@]} == 0)); then
    warn "error: none of the projects under $tests_dir/ is a test project"
    finish 0 1
fi

# ---- provide it ------------------------------------------------------------------------------
apt_install() {
    if [[ "${PORTAL_APT_UPDATED:-}" != 1 ]]; then
        say "apt-get update"
        apt-get update -q || warn "apt-get update failed; trying to install anyway"
        export PORTAL_APT_UPDATED=1
    fi
    say "apt-get install $*"
    apt-get install -y -q --no-install-recommends "$@" </dev/null
}
can_apt() { is_root && command -v apt-get >/dev/null; }

if ((needs_browser)); then
    chromium="${PORTAL_TEST_CHROMIUM:-/usr/bin/chromium}"
    missing=()
    [[ -x "$chromium" ]] || missing+=(chromium)
    if command -v dpkg-query >/dev/null; then
        [[ "$(dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null || true)" == "install ok installed" ]] \
            || missing+=(fonts-noto-cjk)
    fi
    if ((${#missing[@]})); then
        if can_apt; then
            apt_install "${missing[@]}" || { warn "error: could not install ${missing[*]}"; finish 0 "${#projects[@]}"; }
        elif [[ ! -x "$chromium" ]]; then
            warn "error: the E2E tests need a chromium at $chromium. Install it: sudo apt-get install -y chromium fonts-noto-cjk (or set PORTAL_TEST_CHROMIUM)"
            finish 0 "${#projects[@]}"
        else
            warn "fonts-noto-cjk is not installed: Chinese text will render as boxes in screenshots (sudo apt-get install -y fonts-noto-cjk)"
        fi
    fi
    [[ -x "$chromium" ]] || { warn "error: no chromium at $chromium"; finish 0 "${#projects[@]}"; }
    export PORTAL_TEST_CHROMIUM="$chromium"
    say "browser: $PORTAL_TEST_CHROMIUM ($("$chromium" --version 2>/dev/null || echo 'version unknown'))"
elif [[ -z "${PORTAL_TEST_CHROMIUM:-}" && -x /usr/bin/chromium ]]; then
    export PORTAL_TEST_CHROMIUM=/usr/bin/chromium
fi

if ((${#needs_npm[@]})); then
    if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
        if can_apt; then
            apt_install nodejs npm || { warn "error: could not install nodejs and npm"; finish 0 "${#projects[@]}"; }
        else
            warn "error: tests need node and npm. Install them: sudo apt-get install -y nodejs npm"
            finish 0 "${#projects[@]}"
        fi
    fi
    for proj in "${needs_npm[@]}"; do
        name="$(basename "$proj" .csproj)"
        dest="$repo_root/artifacts/npm/$name"
        src="$(dirname "$proj")"
        # Installed already from the same lock file: nothing to do (npm ci takes ~20 s).
        if [[ -f "$dest/node_modules/.package-lock.json" ]] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
            say "npm packages of $name: up to date in ${dest#"$repo_root"/}"
            continue
        fi
        say "npm ci for $name into ${dest#"$repo_root"/}"
        rm -rf "$dest"
        mkdir -p "$dest"
        cp "$src/package.json" "$src/package-lock.json" "$dest/"
        (cd "$dest" && npm ci --no-audit --no-fund </dev/null) || { warn "error: npm ci for $name failed"; finish 0 "${#projects[@]}"; }
    done
fi

if ((needs_dotnet_tools)); then
    say "dotnet tool restore"
    dotnet tool restore </dev/null || { warn "error: dotnet tool restore failed"; finish 0 "${#projects[@]}"; }
fi

if ((needs_pg)); then
    if [[ -n "${PORTAL_TEST_PG:-}" ]]; then
        say "PostgreSQL: PORTAL_TEST_PG ($(sed -E 's/(Password|Pwd)=[^;]*/\1=***/I' <<<"$PORTAL_TEST_PG"))"
    else
        say "PostgreSQL: starting a throwaway server (eng/pg.sh)"
        if ! conn="$(PORTAL_PG_STATE="$pg_state" "$repo_root/eng/pg.sh" start </dev/null)"; then
            warn "error: could not start PostgreSQL (set PORTAL_TEST_PG to use a running server)"
            finish 0 "${#projects[@]}"
        fi
        pg_started=1
        export PORTAL_TEST_PG="$conn"
        say "PostgreSQL: $conn"
    fi
fi

# ---- run -------------------------------------------------------------------------------------
# Each project gets a wall-clock limit. It runs in the background and is waited for, so that
# Ctrl-C or a TERM reaches the trap above at once (`timeout` has its own process group, which
# the terminal's Ctrl-C does not reach; the trap passes it on).
runner=()
if command -v timeout >/dev/null; then
    runner=(timeout -k 30s "$project_timeout")
fi

total_passed=0
total_failed=0
total_skipped=0
report=()
for proj in "${projects[@]}"; do
    name="$(basename "$proj" .csproj)"
    out="$results_dir/$name"
    rm -rf "$out"
    mkdir -p "$out"
    args=(test "$proj" --no-build -c "$configuration"
          --logger "trx;LogFileName=$name.trx" --results-directory "$out"
          --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none)
    [[ -n "$filter" ]] && args+=(--filter "$filter")

    say "dotnet test $name"
    started=$SECONDS
    "${runner[@]}" dotnet "${args[@]}" </dev/null &
    child=$!
    if wait "$child"; then rc=0; else rc=$?; fi
    child=""
    took=$((SECONDS - started))

    passed=0 failed=0 skipped=0 total=0 trx_count=0 note="" aborted=0
    while IFS= read -r trx; do
        counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
        [[ -n "$counters" ]] || continue
        grep -Eq '<ResultSummary outcome="(Aborted|Failed|Error|Timeout)"' "$trx" && aborted=1
        trx_count=$((trx_count + 1))
        attr() { local v; v="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"; echo "${v:-0}"; }
        total=$((total + $(attr total)))
        passed=$((passed + $(attr passed)))
        failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
        # Skipped tests are counted in total but not in executed (notExecuted stays 0 for xunit).
        skipped=$((skipped + $(attr total) - $(attr executed)))
    done < <(find "$out" -name '*.trx' -type f 2>/dev/null)

    if ((rc == 124 || rc == 137)) && [[ ${#runner[@]} -gt 0 ]]; then
        note="killed after $project_timeout (PORTAL_TEST_PROJECT_TIMEOUT)"
        ((failed >= 1)) || failed=1
    elif ((trx_count == 0)); then
        note="no test results (TRX) written"
        ((failed >= 1)) || failed=1
    elif ((aborted && failed == 0)); then
        note="run aborted: the test host crashed or a test hung (named in the output above)"
        failed=1
    elif ((rc != 0 && failed == 0)); then
        note="dotnet test exited with $rc although no test failed"
        failed=1
    elif ((total == 0)) && [[ -z "$filter" ]]; then
        note="no tests found"
        failed=1
    fi

    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    status=PASS
    ((failed == 0)) || status=FAIL
    line="$(printf '%-4s %-40s %5d passed %4d failed %4d skipped %6ss' "$status" "$name" "$passed" "$failed" "$skipped" "$took")"
    [[ -z "$note" ]] || line+="  ($note)"
    report+=("$line")
    say "$line"
done

# The failed tests by name with the first lines of their message and the browser errors an E2E
# test saw, so that a red CI log names them even when only its tail is kept.
failed_tests() {
    find "$results_dir" -name '*.trx' -type f 2>/dev/null | LC_ALL=C sort | while IFS= read -r trx; do
        awk '
            /<UnitTestResult / {
                name = ""; failed = 0
                if (match($0, /testName="[^"]*"/)) name = substr($0, RSTART + 10, RLENGTH - 11)
                gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\\&", name)
                if ($0 ~ /outcome="Failed"/) failed = 1
            }
            failed && /<Message>/ { inmsg = 1; lines = 0; printf "    FAILED %s\n", name }
            failed && inmsg && (lines < 4 || (lines < 16 && $0 ~ /Browser errors|console\.error|uncaught/)) {
                line = $0; gsub(/<\/?Message>/, "", line); gsub(/&quot;/, "\"", line)
                gsub(/&lt;/, "<", line); gsub(/&gt;/, ">", line); gsub(/&amp;/, "\\&", line)
                sub(/^[ \t]+/, "", line); printf "      %s\n", substr(line, 1, 400); lines++
            }
            failed && inmsg && /<\/Message>/ { inmsg = 0; failed = 0 }
        ' "$trx"
    done
}

echo
say "summary (TRX files in ${results_dir#"$repo_root"/})"
if ((total_failed > 0)); then
    failed_tests || true
fi
printf '    %s\n' "${report[@]}"
((total_skipped == 0)) || printf '    %d skipped\n' "$total_skipped"
finish "$total_passed" "$total_failed"
