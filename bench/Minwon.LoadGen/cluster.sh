#!/usr/bin/env bash
# The issue-10 load benchmark on several nodes: a throwaway PostgreSQL (durable: fsync on) and Redis on free loopback
# ports, then the load generator with --nodes, --postgres and --redis; both servers are removed afterwards.
#   bench/Minwon.LoadGen/cluster.sh --nodes 3 --conversations 2000 --interval 2 --duration 60 --target-p99-ms 300
# Any other load generator option passes through (see `dotnet run -c Release --project bench/Minwon.LoadGen -- --help`).
set -euo pipefail
cd "$(dirname "$0")/../.."
free_port() {  # a loopback port nobody listens on
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port" >&2; exit 2
}
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$pgbin" ] && command -v redis-server >/dev/null || { echo "cluster.sh needs postgresql and redis-server (Debian packages)" >&2; exit 2; }
work="$(mktemp -d /tmp/minwon-cluster.XXXXXX)"
pgport="$(free_port)"; redisport="$(free_port)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$work"
cleanup() {
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  [ -n "${redispid:-}" ] && kill "$redispid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
as_pg "$pgbin/initdb" -D "$work/pg" -U minwon --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pgport -k $work -c max_connections=500 -c shared_buffers=256MB" start >/dev/null
redis-server --bind 127.0.0.1 --port "$redisport" --save "" --appendonly no >"$work/redis.log" 2>&1 &
redispid=$!
for _ in $(seq 1 50); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; kill -0 "$redispid" 2>/dev/null || { echo "Redis did not start:" >&2; cat "$work/redis.log" >&2; exit 2; }; sleep 0.1; done
echo "PostgreSQL on 127.0.0.1:$pgport, Redis on 127.0.0.1:$redisport" >&2
# Their CPU is measured with the servers' and the generator's (CPU ms per message in the results).
pgpid="$(head -n 1 "$work/pg/postmaster.pid")"
dotnet run -c Release --project bench/Minwon.LoadGen -- \
  --postgres "Host=127.0.0.1;Port=$pgport;Username=minwon;Database=minwon_load" --redis "127.0.0.1:$redisport" \
  --watch "postgres=$pgpid" --watch "redis=$redispid" "$@"
