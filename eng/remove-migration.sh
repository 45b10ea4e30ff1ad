#!/usr/bin/env bash
# Removes the latest EF Core migration from both migrations projects: the reverse of
# eng/add-migration.sh.
#
#   eng/remove-migration.sh                 remove the latest migration (same name on both)
#   eng/remove-migration.sh NAME            ... only if the latest one is called NAME
#   eng/remove-migration.sh [NAME] --force  also revert it in a database it was applied to
#
# dotnet-ef refuses to remove a migration that the design-time database has applied (unless
# --force); when it cannot reach that database it warns and removes the files anyway. If the
# second provider fails, the first provider's Migrations folder is put back as it was.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=eng/migrations-common.sh
source eng/migrations-common.sh

name=""
force=()
for arg in "$@"; do
    case "$arg" in
        -f|--force) force=(--force) ;;
        -*) echo "usage: eng/remove-migration.sh [NAME] [--force]" >&2; exit 2 ;;
        *) [[ -z "$name" ]] || { echo "usage: eng/remove-migration.sh [NAME] [--force]" >&2; exit 2; }
           name="$arg" ;;
    esac
done
[[ -z "$name" ]] || check_identifier "$name"

# The latest migration of each provider must exist and carry the same name.
latest_names=()
for provider in "${providers[@]}"; do
    latest="$(latest_migration "$provider")"
    [[ -n "$latest" ]] || die "$(migrations_dir "$provider") has no migration to remove"
    latest_names+=("$latest")
    if [[ -n "$name" && "$latest" != "$name" ]]; then
        die "the latest $provider migration is $latest, not $name"
    fi
done
for latest in "${latest_names[@]}"; do
    [[ "$latest" == "${latest_names[0]}" ]] \
        || die "the latest migrations differ between providers (${latest_names[*]}); fix that by hand"
done

restore_tool
backup_migrations

# dotnet-ef checks a database to see whether the migration was applied before it removes one.
# For PostgreSQL the design-time factory reads PORTAL_DESIGN_PG; unless it is set, give it an
# empty throwaway server (where nothing is applied), stopped again on exit.
if [[ -z "${PORTAL_DESIGN_PG:-}" ]]; then
    export PORTAL_PG_STATE="$(mktemp -d)/pg.state"
    trap 'bash "$repo_root/eng/pg.sh" stop >/dev/null 2>&1 || true' EXIT
    PORTAL_DESIGN_PG="$(bash "$repo_root/eng/pg.sh" start)" || die "could not start a throwaway PostgreSQL"
    export PORTAL_DESIGN_PG
fi

for provider in "${providers[@]}"; do
    project="$(project_dir "$provider")"
    say "removing migration ${latest_names[0]} from $project"
    if ! ef migrations remove --project "$project" --startup-project "$project" \
            --context "$context" "${force[@]}"; then
        warn "dotnet-ef failed for $provider; putting every Migrations folder back as it was"
        restore_migrations
        exit 1
    fi
done
discard_backup

say "removed ${latest_names[0]} from: ${providers[*]}"
