#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need from Debian packages when missing
# (PostgreSQL, Redis, Chromium, Korean fonts, espeak-ng, sox, dovecot-imapd, coturn), starts a throwaway PostgreSQL, Redis and coturn on loopback, runs every test project,
# and ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# Speech tests: Korean utterances from espeak-ng, noise and resampling from sox.
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v sox >/dev/null 2>&1 || need+=(sox)
# E-mail channel tests: a real IMAP server (the tests start it with a throwaway config on a free loopback port).
[ -x /usr/sbin/dovecot ] && [ -x /usr/lib/dovecot/imap ] || need+=(dovecot-imapd)
# Sign-language video: coturn as the TURN server the relay-only browser test goes through.
command -v turnserver >/dev/null 2>&1 || need+=(coturn)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian packages..." >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
  else
    sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
  fi
fi

# A throwaway PostgreSQL cluster on a free loopback port, owned by the postgres user (it refuses to run as root).
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
pgdir="$(mktemp -d /tmp/minwon-pg.XXXXXX)"
pgport="${MINWON_TEST_PGPORT:-55432}"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -n "$pgbin" ]; then
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdir"
  if as_pg "$pgbin/initdb" -D "$pgdir/data" -U minwon --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
     && as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
          -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdir -c fsync=off -c max_connections=300" start >/dev/null 2>&1; then
    export MINWON_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=minwon;Database=postgres;Include Error Detail=true"
    echo "PostgreSQL started on 127.0.0.1:$pgport" >&2
  else
    echo "warning: could not start PostgreSQL (see $pgdir); PostgreSQL tests will be skipped" >&2
  fi
fi
# A throwaway Redis on loopback (several-node tests: SignalR backplane and live pushes between nodes).
redisport="${MINWON_TEST_REDISPORT:-56379}"
redispid=""
if command -v redis-server >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port "$redisport" --save "" --appendonly no --daemonize no >"$pgdir/redis.log" 2>&1 &
  redispid=$!
  for _ in $(seq 1 50); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$redisport") 2>/dev/null; then break; fi
    sleep 0.1
  done
  export MINWON_TEST_REDIS="127.0.0.1:$redisport"
  echo "Redis started on 127.0.0.1:$redisport" >&2
else
  echo "warning: redis-server missing; several-node tests will be skipped" >&2
fi
# coturn on loopback with a throwaway shared secret (Minwon:Video:TurnSecret in the relay test, docs/video.md).
turnport="${MINWON_TEST_TURNPORT:-57478}"
turnpid=""
if command -v turnserver >/dev/null 2>&1; then
  export MINWON_TEST_TURN_SECRET="test-$RANDOM$RANDOM$RANDOM"
  turnserver -n --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 --listening-port="$turnport" --use-auth-secret \
    --static-auth-secret="$MINWON_TEST_TURN_SECRET" --realm=minwon.test --allow-loopback-peers --no-cli --no-tls --no-dtls \
    --fingerprint --userdb="$pgdir/turndb" --log-file=stdout --simple-log >"$pgdir/turn.log" 2>&1 &
  turnpid=$!
  export MINWON_TEST_TURN="turn:127.0.0.1:$turnport?transport=udp"
  echo "coturn started on 127.0.0.1:$turnport" >&2
else
  echo "warning: turnserver (coturn) missing; the TURN relay test will be skipped" >&2
fi
cleanup() {
  [ -n "$redispid" ] && kill "$redispid" 2>/dev/null
  [ -n "$turnpid" ] && kill "$turnpid" 2>/dev/null
  [ -n "$pgbin" ] && as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pgdir"
}
trap cleanup EXIT

export MINWON_CHROMIUM="${MINWON_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
log="$(mktemp /tmp/minwon-test.XXXXXX.log)"
dotnet build Minwon.slnx -c Release -nologo -v quiet 2>&1 | tee -a "$log" | grep -E "error|Build FAILED" >&2
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "Build failed." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
  echo "== $project" >&2
  dotnet test --project "$project" -c Release --no-build --no-progress --output Detailed 2>&1 | tee -a "$log" >"$log.project"
  rc=${PIPESTATUS[0]}
  grep -E "^\s*(failed|skipped) |^Test run summary" "$log.project" >&2 || true
  if ! grep -qE "^Test run summary" "$log.project"; then
    echo "no test summary for $project (exit $rc)" >&2
    tail -n 30 "$log.project" >&2
    failed=$((failed + 1)); status=1
    continue
  fi
  count() { grep -E "^\s+$1: [0-9]+" "$log.project" | tail -n 1 | sed -E 's/[^0-9]*([0-9]+).*/\1/'; }
  p=$(count succeeded); f=$(count failed); s=$(count skipped)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  [ "$rc" -ne 0 ] && [ "$rc" -ne 8 ] && status=1
done
rm -f "$log.project"

# ==== BEGIN benchmark smokes (issue 17; owner: bench; docs/testing.md "Benchmark smokes") ====
# Every benchmark in docs/benchmarks.md runs once in its --smoke mode (a small size, a short time) from the Release build
# above; each counts as one test. A smoke checks that the run completes and reports its figures (0 lost, results
# written), never speed. A bench project under bench/ with no smoke wired here counts as skipped, with its name.
# MINWON_SKIP_BENCH_SMOKES=1 skips them all (counted as skipped).
smokedir="$(mktemp -d /tmp/minwon-smoke.XXXXXX)"
free_port() {  # a loopback port nobody listens on (bash only: no python in the test command)
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo 0
}
bench_smoke() {  # bench_smoke NAME COMMAND...: passes on exit 0 with a "smoke passed:" line
  local name="$1"; shift
  local out="$smokedir/$name.log" t0=$SECONDS rc
  echo "== smoke: $name" >&2
  if [ -n "${MINWON_SKIP_BENCH_SMOKES:-}" ]; then
    echo "  skipped smoke $name (MINWON_SKIP_BENCH_SMOKES is set)" >&2; skipped=$((skipped + 1)); return
  fi
  timeout 600 "$@" >"$out" 2>&1; rc=$?
  { echo "== smoke: $name: $*"; cat "$out"; } >>"$log"
  if [ "$rc" -eq 0 ] && grep -q "^smoke passed: " "$out"; then
    echo "  passed smoke $name ($((SECONDS - t0)) s)" >&2; passed=$((passed + 1))
  else
    echo "  failed smoke $name (exit $rc, $((SECONDS - t0)) s):" >&2; tail -n 25 "$out" >&2
    failed=$((failed + 1)); status=1
  fi
}
bench_run=(dotnet run -c Release --no-build --project)
bench_smoke routing-latency "${bench_run[@]}" bench/Minwon.Bench -- routing-latency --smoke
bench_smoke knowledge-scale "${bench_run[@]}" bench/Minwon.Bench -- knowledge-scale --smoke
bench_smoke knowledge-index-scale "${bench_run[@]}" bench/Minwon.Bench -- knowledge-index-scale --smoke
bench_smoke quality-throughput "${bench_run[@]}" bench/Minwon.Bench -- quality-throughput --smoke
bench_smoke channels "${bench_run[@]}" bench/Minwon.Bench -- channels --smoke
bench_smoke tts-latency "${bench_run[@]}" bench/Minwon.Bench -- tts-latency --smoke
bench_smoke benchmarkdotnet-suites "${bench_run[@]}" bench/Minwon.Bench -- --smoke
bench_smoke loadgen "${bench_run[@]}" bench/Minwon.LoadGen -- --smoke --out "$smokedir/loadgen.json"
if [ -n "${MINWON_TEST_POSTGRES:-}" ] && [ -n "${MINWON_TEST_REDIS:-}" ]; then
  # Issue 10's shape, small: three server processes on this run's PostgreSQL (a database of its own) and Redis.
  bench_smoke loadgen-3-nodes "${bench_run[@]}" bench/Minwon.LoadGen -- --smoke --nodes 3 --conversations 12 --duration 6 --interval 2 --no-echo \
    --postgres "${MINWON_TEST_POSTGRES/Database=postgres/Database=minwon_smoke_nodes}" --redis "$MINWON_TEST_REDIS" --out "$smokedir/loadgen-nodes.json"
else
  echo "== smoke: skipped loadgen-3-nodes: needs the test PostgreSQL and Redis" >&2; skipped=$((skipped + 1))
fi
bench_smoke voice "${bench_run[@]}" bench/Minwon.VoiceBench -- --smoke --http-port "$(free_port)" --audiosocket-port "$(free_port)" --echo-port "$(free_port)"
bench_smoke analytics env MINWON_BENCH_PGPORT="$(free_port)" MINWON_BENCH_NO_BUILD=1 bench/Minwon.AnalyticsBench/run.sh --smoke
for project in bench/*/*.csproj; do
  case "$(basename "$(dirname "$project")")" in
    Minwon.Bench|Minwon.LoadGen|Minwon.AnalyticsBench|Minwon.VoiceBench) ;;
    *) echo "== smoke: skipped $project: no smoke wired in eng/test.sh" >&2; skipped=$((skipped + 1)) ;;
  esac
done
rm -rf "$smokedir"
# ==== END benchmark smokes ====
echo "Full log: $log" >&2
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && exit "$status" || exit 1
