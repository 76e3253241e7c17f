#!/usr/bin/env bash
# Before the first release only: rebuilds the single Initial migration for both providers from the current model.
# After a release, never run this; add a named migration per provider instead:
#   dotnet ef migrations add NAME --context SqliteMinwonDbContext -o Data/Migrations/Sqlite (and PostgresMinwonDbContext)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../src/Minwon.Server"
dotnet tool restore >/dev/null
rm -rf Data/Migrations
dotnet ef migrations add Initial --context SqliteMinwonDbContext -o Data/Migrations/Sqlite >/dev/null
dotnet ef migrations add Initial --context PostgresMinwonDbContext -o Data/Migrations/Postgres >/dev/null
echo "Initial migrations regenerated."
