#!/usr/bin/env bash
# Squashes the EF Core migrations of both providers (SQLite and PostgreSQL) into one migration
# named Initial, then checks that the model has no change the migrations lack:
#
#   eng/squash-migrations.sh           squash unless each provider already holds only Initial
#                                      and the model matches it (then only the check runs)
#   eng/squash-migrations.sh --force   squash again even then (a fresh timestamp)
#
# Only before a first release: a database created by the old migrations cannot apply the new
# Initial (its tables exist) and must be recreated (docs/operations.md, "Migrations").
# Deletes the generated files of each Migrations folder (<timestamp>_<Name>.cs, its .Designer.cs
# and PortalDbContextModelSnapshot.cs; any other file stays), then runs eng/add-migration.sh
# Initial, then builds both providers in Release and runs dotnet-ef has-pending-model-changes on
# each. If adding Initial fails, every Migrations folder is put back as it was.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=eng/migrations-common.sh
source eng/migrations-common.sh

usage() { echo "usage: eng/squash-migrations.sh [--force]" >&2; exit 2; }
force=false
for arg in "$@"; do
    case "$arg" in
        -f|--force) force=true ;;
        *) usage ;;
    esac
done

name=Initial

# The generated files of a provider's Migrations folder, one a line.
generated_files() {
    local dir
    dir="$(migrations_dir "$1")"
    find "$dir" -maxdepth 1 -type f \( -name '[0-9]*_*.cs' -o -name "${context}ModelSnapshot.cs" \) 2>/dev/null | LC_ALL=C sort || true
}

# The names of a provider's migrations, one a line (from <timestamp>_<Name>.cs).
migration_names() {
    local f
    generated_files "$1" | { grep -v -e '\.Designer\.cs$' -e "${context}ModelSnapshot\.cs$" || true; } | while read -r f; do
        f="$(basename "$f" .cs)"
        echo "${f#*_}"
    done
}

count_lines() {
    local files
    mapfile -t files < <(generated_files "$1")
    if [[ ${#files[@]} -eq 0 ]]; then echo 0; else cat "${files[@]}" | wc -l | tr -d ' '; fi
}

# Builds both providers in Release and asks dotnet-ef whether the model has changes that no
# migration holds. Prints dotnet-ef's answer; fails when either provider has pending changes.
check_providers() {
    local provider project failed=0
    for provider in "${providers[@]}"; do
        project="$(project_dir "$provider")"
        say "dotnet build $project -c Release"
        dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null \
            || die "the Release build of $project failed (run it by hand to see why)"
    done
    for provider in "${providers[@]}"; do
        project="$(project_dir "$provider")"
        say "dotnet-ef migrations has-pending-model-changes ($provider)"
        if ! ef migrations has-pending-model-changes --project "$project" --startup-project "$project" \
                --context "$context" --configuration Release --no-build; then
            warn "$provider: the model has changes that its migrations lack"
            failed=1
        fi
    done
    return "$failed"
}

restore_tool
for provider in "${providers[@]}"; do
    # dotnet-ef reads the project's metadata, which needs restored packages (a fresh clone has none).
    dotnet restore "$(project_dir "$provider")" -v quiet >/dev/null || die "dotnet restore $(project_dir "$provider") failed"
done

already=true
for provider in "${providers[@]}"; do
    names="$(migration_names "$provider")"
    if [[ "$names" != "$name" ]]; then
        already=false
    fi
    say "$provider: $(printf '%s' "$names" | grep -c . || true) migration(s), $(count_lines "$provider") lines in $(migrations_dir "$provider")"
done

if [[ "$already" == true && "$force" == false ]]; then
    say "each provider holds only $name; checking that it matches the model"
    if check_providers; then
        say "nothing to do: already squashed and up to date (--force squashes again)"
        exit 0
    fi
    say "the model has changed since $name was generated: squashing again"
fi

backup_migrations
trap 'warn "interrupted or failed; putting every Migrations folder back as it was"; restore_migrations' ERR INT TERM

for provider in "${providers[@]}"; do
    mapfile -t files < <(generated_files "$provider")
    say "$provider: deleting ${#files[@]} generated file(s) from $(migrations_dir "$provider")"
    rm -f -- "${files[@]}"
done

say "eng/add-migration.sh $name"
if ! bash eng/add-migration.sh "$name"; then
    warn "eng/add-migration.sh $name failed; putting every Migrations folder back as it was"
    trap - ERR INT TERM
    restore_migrations
    exit 1
fi
trap - ERR INT TERM
discard_backup

for provider in "${providers[@]}"; do
    say "$provider: now $(migration_names "$provider" | paste -sd ' ' -), $(count_lines "$provider") lines"
done

check_providers || die "has-pending-model-changes failed after squashing; see above"
say "squashed both providers into $name. Review, build, run eng/test.sh Integration, commit the Migrations folders."
