# Shared by eng/add-migration.sh and eng/remove-migration.sh; sourced, not run.
# shellcheck shell=bash

providers=(Sqlite Postgres)
context=PortalDbContext

say() { printf '==> %s\n' "$*"; }
warn() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() { warn "error: $*"; exit 1; }

project_dir() { echo "src/EmploymentPortal.Data.$1"; }
migrations_dir() { echo "src/EmploymentPortal.Data.$1/Migrations"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# A migration's name becomes a class name: it must be a C# identifier and not a keyword.
check_identifier() {
    local n="$1"
    [[ "$n" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "'$n' is not a C# identifier (letters, digits, _; not starting with a digit)"
    local keywords=" abstract as base bool break byte case catch char checked class const continue
        decimal default delegate do double else enum event explicit extern false finally fixed float
        for foreach goto if implicit in int interface internal is lock long namespace new null object
        operator out override params private protected public readonly ref return sbyte sealed short
        sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked
        unsafe ushort using virtual void volatile while "
    [[ " ${keywords//$'\n'/ } " != *" $n "* ]] || die "'$n' is a C# keyword"
}

# The name of the latest migration in a provider's folder: files are <timestamp>_<Name>.cs.
latest_migration() {
    local dir f
    dir="$(migrations_dir "$1")"
    f="$(find "$dir" -maxdepth 1 -name '[0-9]*_*.cs' ! -name '*.Designer.cs' 2>/dev/null | LC_ALL=C sort | tail -n 1)"
    [[ -n "$f" ]] || return 0
    f="$(basename "$f" .cs)"
    echo "${f#*_}"
}

restore_tool() {
    say "dotnet tool restore"
    dotnet tool restore >/dev/null || die "dotnet tool restore failed (.config/dotnet-tools.json)"
}

ef() { dotnet tool run dotnet-ef "$@" </dev/null; }

# A copy of every provider's Migrations folder, to put back when a later provider fails.
backup_root=""
backup_migrations() {
    backup_root="$(mktemp -d "${TMPDIR:-/tmp}/portal-migrations.XXXXXX")"
    local provider dir
    for provider in "${providers[@]}"; do
        dir="$(migrations_dir "$provider")"
        if [[ -d "$dir" ]]; then
            mkdir -p "$backup_root/$provider"
            cp -a "$dir/." "$backup_root/$provider/"
        fi
    done
}
restore_migrations() {
    local provider dir
    for provider in "${providers[@]}"; do
        dir="$(migrations_dir "$provider")"
        rm -rf "$dir"
        if [[ -d "$backup_root/$provider" ]]; then
            mkdir -p "$dir"
            cp -a "$backup_root/$provider/." "$dir/"
        fi
    done
    discard_backup
}
discard_backup() {
    [[ -z "$backup_root" ]] || rm -rf "$backup_root"
    backup_root=""
}
