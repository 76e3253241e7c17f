#!/usr/bin/env bash
# Runs the analytics benchmark against a throwaway PostgreSQL cluster (like eng/test.sh) and DuckDB in a temp dir.
# Usage: bench/Minwon.AnalyticsBench/run.sh [--rows N] [--runs R] [--smoke]
# MINWON_BENCH_PGPORT picks the cluster's port (default 55499); MINWON_BENCH_NO_BUILD=1 runs the existing Release build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
work="$(mktemp -d /tmp/minwon-bench.XXXXXX)"
port="${MINWON_BENCH_PGPORT:-55499}"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$work"
as_pg "$pgbin/initdb" -D "$work/pg" -U minwon --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c shared_buffers=1GB -c work_mem=64MB -c max_wal_size=4GB" start >/dev/null
cleanup() { as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
export MINWON_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=minwon;Database=postgres;Command Timeout=600"
build=(); [ -n "${MINWON_BENCH_NO_BUILD:-}" ] && build=(--no-build)
dotnet run --project "$root/bench/Minwon.AnalyticsBench" -c Release "${build[@]}" -- --dir "$work" "$@"
