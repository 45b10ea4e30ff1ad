#!/usr/bin/env bash
# Adds an EF Core migration with the same name to both migrations projects (SQLite and
# PostgreSQL), so that the two providers never drift apart:
#
#   eng/add-migration.sh AddVacancyDeadline
#
# Runs dotnet-ef from the local tool manifest (.config/dotnet-tools.json). If the second
# provider fails, the first provider's Migrations folder is put back as it was, so a failure
# never leaves a migration on one provider only. Undo with eng/remove-migration.sh.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=eng/migrations-common.sh
source eng/migrations-common.sh

if [[ $# -ne 1 || "$1" == -* ]]; then
    echo "usage: eng/add-migration.sh NAME   (NAME: a C# identifier, e.g. AddVacancyDeadline)" >&2
    exit 2
fi
name="$1"
check_identifier "$name"

for provider in "${providers[@]}"; do
    dir="$(migrations_dir "$provider")"
    if compgen -G "$dir/*_$name.cs" >/dev/null; then
        die "$dir already has a migration named $name"
    fi
done

restore_tool
backup_migrations

for provider in "${providers[@]}"; do
    project="$(project_dir "$provider")"
    say "adding migration $name to $project"
    if ! ef migrations add "$name" --project "$project" --startup-project "$project" \
            --context "$context" --output-dir Migrations; then
        warn "dotnet-ef failed for $provider; putting every Migrations folder back as it was"
        restore_migrations
        exit 1
    fi
done
discard_backup

say "added $name to: ${providers[*]}. Review both, then build and run eng/test.sh (the integration tests migrate fresh databases of both kinds)."
