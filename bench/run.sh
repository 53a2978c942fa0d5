#!/usr/bin/env bash
# NovaBilling benchmark: builds the jar, starts it on a fresh data directory, drives it with bench/LoadClient.java
# and prints the figures described in bench/README.md (also written to bench/out/<timestamp>.txt).
#
#   bench/run.sh                                   # full run (1,000 tenants; takes a long while)
#   BENCH_TENANTS=20 BENCH_WARMUP_SECONDS=2 BENCH_DURATION_SECONDS=5 bench/run.sh   # quick check
#   BENCH_ONLY=billing bench/run.sh               # figure 8 (billing run) alone
#
# Every knob is an environment variable; see bench/README.md for the list and their defaults.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
JAR="$REPO/app/target/novabilling.jar"

# ------------------------------------------------------------------ knobs
BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD:-0}
BENCH_CLIENTS=${BENCH_CLIENTS:-4}                       # the "several clients" level (phases 1, 2, 4, 6)
BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-5}
BENCH_JIT_WARMUP_SECONDS=${BENCH_JIT_WARMUP_SECONDS:-60}  # one discarded load of creates and reads before figure 1
BENCH_DURATION_SECONDS=${BENCH_DURATION_SECONDS:-20}
BENCH_MAX_REQUESTS=${BENCH_MAX_REQUESTS:-0}             # per throughput run, 0 = only the time bound
BENCH_REGISTRATIONS=${BENCH_REGISTRATIONS:-50}
BENCH_TENANTS=${BENCH_TENANTS:-1000}
BENCH_PHASE_MAX_SECONDS=${BENCH_PHASE_MAX_SECONDS:-3600} # time bound of the tenants and restart-check phases
BENCH_REQUEST_TIMEOUT_SECONDS=${BENCH_REQUEST_TIMEOUT_SECONDS:-60}
BENCH_IDLE_CPU_SECONDS=${BENCH_IDLE_CPU_SECONDS:-30}
BENCH_START_TIMEOUT_SECONDS=${BENCH_START_TIMEOUT_SECONDS:-900}
BENCH_STOP_TIMEOUT_SECONDS=${BENCH_STOP_TIMEOUT_SECONDS:-180}
BENCH_KEEP_DATA=${BENCH_KEEP_DATA:-0}
BENCH_OUT_DIR=${BENCH_OUT_DIR:-$BENCH_DIR/out}
BENCH_CLIENT_JAVA_OPTS=${BENCH_CLIENT_JAVA_OPTS:--Xmx512m}
JAVA_OPTS=${JAVA_OPTS:-}
# Unset: PT20S. Set to the empty string: not passed to the server at all.
IDLE_TIMEOUT=${NOVABILLING_TENANT_IDLE_TIMEOUT-PT20S}
RATE_LIMIT=${NOVABILLING_RATE_LIMIT_PER_MINUTE:-100000000}
BENCH_CLIENT_TRANSPORT=${BENCH_CLIENT_TRANSPORT:-raw}      # raw: a lean socket client; jdk: java.net.http.HttpClient (figures 1, 2, 7)
BENCH_ONLY=${BENCH_ONLY:-}                              # empty: every figure; billing: figure 8 alone
BENCH_BILLING=${BENCH_BILLING:-1}                       # 0: skip figure 8 (and start the server without test clocks)
BENCH_BILLING_SUBSCRIPTIONS=${BENCH_BILLING_SUBSCRIPTIONS:-10000}
BENCH_BILLING_EVENTS=${BENCH_BILLING_EVENTS:-3}         # usage events per subscription
BENCH_BILLING_WALLET_EVERY=${BENCH_BILLING_WALLET_EVERY:-10}  # every k-th billing customer gets a wallet (0: none)
BENCH_BILLING_MAX_SECONDS=${BENCH_BILLING_MAX_SECONDS:-900}
BENCH_VERIFY=${BENCH_VERIFY:-1}                         # 0: no ledger verification after the billing run
case "$BENCH_ONLY" in
  "") ;;
  billing) BENCH_BILLING=1 ;;
  *) echo "BENCH_ONLY must be empty (every figure) or billing" >&2; exit 2 ;;
esac

# ------------------------------------------------------------------ output
TS=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$BENCH_OUT_DIR"
OUT="$BENCH_OUT_DIR/$TS.txt"
# Everything printed from here on also goes to $OUT (tee ignores Ctrl-C so that the last lines are kept).
exec > >(tee -i -a "$OUT") 2>&1

say() { printf '%s\n' "$*"; }
hdr() { printf '\n== %s  [%s]\n' "$*" "$(date -u +%H:%M:%S)"; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

WORK=""
JAVA_PID=""
CLIENT_PID=""
HTTP_PORT=""
PG_PORT=""
SUMMARY=""

put() { printf '%s\t%s\n' "$1" "$2" >> "$SUMMARY"; }
get() { awk -F'\t' -v k="$1" '$1 == k { v = $2 } END { print v }' "$SUMMARY"; }
getd() { local v; v=$(get "$1"); printf '%s' "${v:-${2:-n/a}}"; }

# ------------------------------------------------------------------ processes
# "pid state ppid … utime stime cutime cstime …" for every process (the comm field, which may hold spaces, cut off).
proc_table() {
  local f l
  for f in /proc/[0-9]*/stat; do
    { read -r l < "$f"; } 2>/dev/null || continue
    f=${f#/proc/}
    printf '%s %s\n' "${f%/stat}" "${l##*) }"
  done
}

# Whether pid $1 is a postmaster of data directory $2 ("…/postgres -D <dir> …").
is_postmaster() {
  local -a args
  { mapfile -d '' -t args < "/proc/$1/cmdline"; } 2>/dev/null || return 1
  [[ "${args[0]:-}" == */postgres && "${args[1]:-}" == -D && "${args[2]:-}" == "$2" ]]
}

# The postmaster of our data directory (empty when none runs): from postmaster.pid, else by command line.
postmaster_pid() {
  [[ -n "$WORK" ]] || return 0
  local pgdata="$WORK/data/postgres" pid f
  if [[ -f "$pgdata/postmaster.pid" ]]; then
    { read -r pid < "$pgdata/postmaster.pid"; } 2>/dev/null || pid=""
    if [[ "$pid" =~ ^[0-9]+$ ]] && is_postmaster "$pid" "$pgdata"; then
      echo "$pid"; return 0
    fi
  fi
  for f in $(grep -lxzF -- "$pgdata" /proc/[0-9]*/cmdline 2>/dev/null || true); do
    pid=${f#/proc/}; pid=${pid%/cmdline}
    if is_postmaster "$pid" "$pgdata"; then
      echo "$pid"; return 0
    fi
  done
}

# The postmaster and all its descendants, one pid a line.
pg_pids() {
  local pm; pm=$(postmaster_pid)
  [[ -n "$pm" ]] || return 0
  proc_table | awk -v root="$pm" '
    { parent[$1] = $3 }
    END {
      keep[root] = 1; changed = 1
      while (changed) { changed = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
      for (p in keep) print p
    }'
}

# utime+stime+cutime+cstime (clock ticks) summed over the given pids. cutime/cstime hold the time of children
# already reaped, so short-lived backends that exit inside a measuring window are still counted exactly once.
cpu_ticks() {
  local total=0 p l
  local -a f
  for p in "$@"; do
    { read -r l < "/proc/$p/stat"; } 2>/dev/null || continue
    read -r -a f <<< "${l##*) }"   # f[0] = state (field 3), so utime (field 14) is f[11]
    total=$(( total + f[11] + f[12] + f[13] + f[14] ))
  done
  echo "$total"
}

# Sum of a /proc/<pid>/<file> kB field over pids ("VmRSS" in status, "Pss" in smaps_rollup).
kb_sum() {
  local file=$1 field=$2; shift 2
  local -a files=()
  local p
  for p in "$@"; do [[ -r "/proc/$p/$file" ]] && files+=("/proc/$p/$file"); done
  if (( ${#files[@]} == 0 )); then echo 0; return; fi
  awk -v f="$field:" '$1 == f { total += $2 } END { print total + 0 }' "${files[@]}" 2>/dev/null || echo 0
}

# The interesting lines of a server log: errors and their causes (a raw tail is mostly stack frames).
log_excerpt() {
  local lines
  lines=$(grep -E ' ERROR |FATAL|^Caused by|Exception: |APPLICATION FAILED' "$1" 2>/dev/null | tail -8 | cut -c1-300 || true)
  if [[ -n "$lines" ]]; then printf '%s\n' "$lines"; else tail -15 "$1" | cut -c1-300; fi
}

mib() { awk -v kb="$1" 'BEGIN { printf "%.1f MiB", kb / 1024 }'; }

server_alive() { [[ -n "$JAVA_PID" ]] && kill -0 "$JAVA_PID" 2>/dev/null; }

# Starts the server in the background (JAVA_PID), logging to $1, and records SERVER_LAUNCH_MS.
start_server() {
  local log=$1
  local -a envs=(SERVER_PORT="$HTTP_PORT" NOVABILLING_DATA_DIR="$WORK/data" NOVABILLING_EMBEDDED_PG_PORT="$PG_PORT"
                 NOVABILLING_RATE_LIMIT_PER_MINUTE="$RATE_LIMIT" AXONIQ_UPDATE_CHECKER_DISABLED=true)
  [[ -n "$IDLE_TIMEOUT" ]] && envs+=(NOVABILLING_TENANT_IDLE_TIMEOUT="$IDLE_TIMEOUT")
  # figure 8 moves its tenant's test clock; other tenants never touch theirs, so their time is the real one
  [[ "$BENCH_BILLING" == 1 ]] && envs+=(NOVABILLING_TEST_CLOCK=true)
  local -a jopts=()
  [[ -n "$JAVA_OPTS" ]] && read -r -a jopts <<< "$JAVA_OPTS"
  SERVER_LAUNCH_MS=$(now_ms)
  ( cd "$WORK" && exec env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
      "${envs[@]}" java "${jopts[@]}" -jar "$JAR" ) > "$log" 2>&1 < /dev/null &
  JAVA_PID=$!
}

# Waits for GET /health 200; sets HEALTH_MS (launch → 200). Fails when the server dies or the timeout passes.
wait_health() {
  local log=$1 deadline code
  deadline=$(( $(now_ms) + BENCH_START_TIMEOUT_SECONDS * 1000 ))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$HTTP_PORT/health" || true)
    if [[ "$code" == 200 ]]; then
      HEALTH_MS=$(( $(now_ms) - SERVER_LAUNCH_MS )); return 0
    fi
    if ! kill -0 "$JAVA_PID" 2>/dev/null; then
      say "!! the server exited before answering /health; from $log:"; log_excerpt "$log"; return 1
    fi
    if (( $(now_ms) > deadline )); then
      say "!! no /health 200 within ${BENCH_START_TIMEOUT_SECONDS}s; from $log:"; log_excerpt "$log"; return 1
    fi
    sleep 0.1
  done
}

# SIGTERM to the server, wait (SIGKILL after the stop timeout), then make sure no postgres of our data dir is left.
# Sets STOP_MS (SIGTERM → exit; empty when the JVM had already exited) and STOP_CLEAN ("yes" or "no (why)").
stop_server() {
  STOP_CLEAN=yes
  STOP_MS=""
  local t0 deadline pm
  if [[ -n "$JAVA_PID" ]] && ! kill -0 "$JAVA_PID" 2>/dev/null; then
    wait "$JAVA_PID" 2>/dev/null || true
    STOP_CLEAN="no (the JVM had already exited)"
  elif [[ -n "$JAVA_PID" ]]; then
    t0=$(now_ms); deadline=$(( t0 + BENCH_STOP_TIMEOUT_SECONDS * 1000 ))
    kill -TERM "$JAVA_PID" 2>/dev/null || true
    while kill -0 "$JAVA_PID" 2>/dev/null && (( $(now_ms) < deadline )); do sleep 0.1; done
    if kill -0 "$JAVA_PID" 2>/dev/null; then
      say "!! the server did not exit within ${BENCH_STOP_TIMEOUT_SECONDS}s of SIGTERM: SIGKILL"
      kill -KILL "$JAVA_PID" 2>/dev/null || true; STOP_CLEAN="no (SIGKILL after ${BENCH_STOP_TIMEOUT_SECONDS} s)"
    fi
    wait "$JAVA_PID" 2>/dev/null || true
    STOP_MS=$(( $(now_ms) - t0 ))
  fi
  JAVA_PID=""
  # The postmaster runs in its own session (pg_ctl detaches it), so it outlives a killed JVM, or one that failed to
  # stop it: give it a moment to finish a shutdown under way, then stop it ourselves.
  deadline=$(( $(now_ms) + 15000 ))
  while [[ -n "$(postmaster_pid)" ]] && (( $(now_ms) < deadline )); do sleep 0.2; done
  pm=$(postmaster_pid)
  if [[ -n "$pm" ]]; then
    say "!! the embedded PostgreSQL (postmaster $pm) still runs 15 s after the JVM exited: fast shutdown (SIGINT)"
    [[ "$STOP_CLEAN" == yes ]] && STOP_CLEAN="no (PostgreSQL outlived the JVM; stopped by the bench)"
    kill -INT "$pm" 2>/dev/null || true
    deadline=$(( $(now_ms) + 30000 ))
    while kill -0 "$pm" 2>/dev/null && (( $(now_ms) < deadline )); do sleep 0.2; done
    if kill -0 "$pm" 2>/dev/null; then
      local pids; pids=$(pg_pids | tr '\n' ' ')
      say "!! SIGKILL to postgres processes $pids"
      # shellcheck disable=SC2086
      kill -KILL $pids 2>/dev/null || true
    fi
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM   # a second Ctrl-C must not leave the server running
  if [[ -n "$CLIENT_PID" ]] && kill -0 "$CLIENT_PID" 2>/dev/null; then
    kill -TERM "$CLIENT_PID" 2>/dev/null || true; wait "$CLIENT_PID" 2>/dev/null || true
  fi
  if [[ -n "$JAVA_PID" ]] || [[ -n "$(postmaster_pid)" ]]; then
    say "-- stopping the server"
    stop_server
  fi
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    local left; left=$(pg_pids | tr '\n' ' ')
    [[ -n "$left" ]] && say "!! postgres processes still running: $left"
    for f in server.log server-restart.log; do
      [[ -f "$WORK/$f" ]] && cp "$WORK/$f" "$BENCH_OUT_DIR/$TS-$f"
    done
    if [[ "$BENCH_KEEP_DATA" == 1 ]]; then
      say "-- data kept in $WORK"
    elif [[ -z "$left" ]]; then
      rm -rf "$WORK"
    fi
  fi
  say "-- output: $OUT"
  exit "$rc"
}
trap cleanup EXIT
trap 'say "!! interrupted"; exit 130' INT TERM

# Runs the load client in the background and waits for it, so that Ctrl-C/TERM reach the trap at once.
client() {
  local -a copts=()
  [[ -n "$BENCH_CLIENT_JAVA_OPTS" ]] && read -r -a copts <<< "$BENCH_CLIENT_JAVA_OPTS"
  java "${copts[@]}" "$BENCH_DIR/LoadClient.java" "$@" --base "http://127.0.0.1:$HTTP_PORT" \
      --timeout "$BENCH_REQUEST_TIMEOUT_SECONDS" --summary "$SUMMARY" --run-id "$RUN_ID" < /dev/null &
  CLIENT_PID=$!
  local rc=0
  wait "$CLIENT_PID" || rc=$?
  CLIENT_PID=""
  return "$rc"
}

pause() { sleep "$1" & CLIENT_PID=$!; wait "$CLIENT_PID" || true; CLIENT_PID=""; }

free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    [[ "$p" == "${1:-}" ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      if ! command -v ss > /dev/null || [[ -z "$(ss -Htan "( sport = :$p )" 2>/dev/null)" ]]; then
        echo "$p"; return 0
      fi
    fi
  done
  return 1
}

# ISO-8601 duration → seconds (PTnHnMnS in bash; anything else through java.time.Duration).
iso_seconds() {
  if [[ "$1" =~ ^PT(([0-9]+)H)?(([0-9]+)M)?(([0-9]+)(\.[0-9]+)?S)?$ ]]; then
    local s=$(( ${BASH_REMATCH[2]:-0} * 3600 + ${BASH_REMATCH[4]:-0} * 60 + ${BASH_REMATCH[6]:-0} ))
    [[ -n "${BASH_REMATCH[7]}" ]] && s=$(( s + 1 ))
    echo "$s"
  else
    java "$BENCH_DIR/LoadClient.java" seconds "$1"
  fi
}

psql_q() {
  PGPASSWORD=postgres PGCONNECT_TIMEOUT=10 psql -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U postgres -d novabilling -c "$1"
}

# ------------------------------------------------------------------ preparation
hdr "NovaBilling benchmark $TS"
command -v java > /dev/null || { say "!! java not found on PATH"; exit 1; }
command -v curl > /dev/null || { say "!! curl not found on PATH (needed for /health)"; exit 1; }
HAVE_PSQL=1
if ! command -v psql > /dev/null; then
  HAVE_PSQL=0
  say "!! psql not found: the PostgreSQL connection count and pg_database_size figures are skipped"
  say "   (install the PostgreSQL client, e.g. 'apt-get install postgresql-client', to get them)"
fi

if [[ -n "$IDLE_TIMEOUT" ]]; then
  IDLE_TIMEOUT_SECONDS=$(iso_seconds "$IDLE_TIMEOUT")
else
  IDLE_TIMEOUT_SECONDS=0
fi
BENCH_IDLE_WAIT_SECONDS=${BENCH_IDLE_WAIT_SECONDS:-$(( IDLE_TIMEOUT_SECONDS + 45 ))}

GIT_COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -n "$(git -C "$REPO" status --porcelain 2>/dev/null | grep -v '^?? bench/out' || true)" ]] && GIT_COMMIT="$GIT_COMMIT (uncommitted changes)"
GIT_BRANCH=$(git -C "$REPO" rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
[[ -z "$CPU_MODEL" ]] && CPU_MODEL=$(lscpu 2>/dev/null | awk -F': +' '/Model name/ { print $2; exit }' || true)
MEM_TOTAL=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
JAVA_VERSION=$(java -version 2>&1 | head -1)
NPROC=$(nproc)
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
CLK_TCK=$(getconf CLK_TCK)
RUN_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
RUN_ID=$(date +%s | tail -c 7)$RANDOM

say "commit $GIT_COMMIT on $GIT_BRANCH; $NPROC cores ($CPU_MODEL), $MEM_TOTAL; $JAVA_VERSION; load average $LOADAVG"
say "settings: tenants $BENCH_TENANTS, clients $BENCH_CLIENTS ($BENCH_CLIENT_TRANSPORT), JIT warm-up ${BENCH_JIT_WARMUP_SECONDS}s, warm-up ${BENCH_WARMUP_SECONDS}s, measured ${BENCH_DURATION_SECONDS}s," \
    "registrations $BENCH_REGISTRATIONS, idle timeout ${IDLE_TIMEOUT:-(not set)}, idle wait ${BENCH_IDLE_WAIT_SECONDS}s," \
    "idle CPU window ${BENCH_IDLE_CPU_SECONDS}s, request timeout ${BENCH_REQUEST_TIMEOUT_SECONDS}s, JAVA_OPTS '${JAVA_OPTS}'"
say "figure 8: $( [[ "$BENCH_BILLING" == 1 ]] && printf '%s subscriptions, %s events each, bound %ss' \
    "$BENCH_BILLING_SUBSCRIPTIONS" "$BENCH_BILLING_EVENTS" "$BENCH_BILLING_MAX_SECONDS" || printf 'skipped')$( [[ -n "$BENCH_ONLY" ]] && printf '; only figure 8')"

if [[ "$BENCH_SKIP_BUILD" != 1 ]]; then
  hdr "build (./mvnw -q -DskipTests package)"
  t0=$(now_ms)
  (cd "$REPO" && ./mvnw -q -DskipTests package)
  say "built in $(secs $(( $(now_ms) - t0 ))) s"
fi
[[ -f "$JAR" ]] || { say "!! $JAR not found (build it, or unset BENCH_SKIP_BUILD)"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/novabilling-bench.XXXXXX")
SUMMARY="$WORK/summary.tsv"; : > "$SUMMARY"
HTTP_PORT=${BENCH_HTTP_PORT:-$(free_port)}
PG_PORT=${BENCH_PG_PORT:-$(free_port "$HTTP_PORT")}
say "work dir $WORK (data in $WORK/data), HTTP port $HTTP_PORT, embedded PostgreSQL port $PG_PORT"

hdr "start (fresh data directory)"
start_server "$WORK/server.log"
wait_health "$WORK/server.log"
say "server pid $JAVA_PID: /health 200 after $(secs "$HEALTH_MS") s (first start, includes creating the PostgreSQL cluster)"
put first.health "$(secs "$HEALTH_MS")"

if [[ "$BENCH_ONLY" != billing ]]; then
client bench-tenant --out "$WORK/bench-key"
KEY=$(cat "$WORK/bench-key")
IDS="$WORK/customer-ids"; : > "$IDS"

# ------------------------------------------------------------------ JIT warm-up (discarded)
# The JIT compiles the write path for about 40 s of CPU on two cores: a figure taken before that measures the
# compiler as much as the server.
if (( BENCH_JIT_WARMUP_SECONDS > 0 )); then
  hdr "JIT warm-up: creates and reads for $BENCH_JIT_WARMUP_SECONDS s, $BENCH_CLIENTS clients (discarded)"
  client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op create --key "$KEY" --ids "$IDS" --clients "$BENCH_CLIENTS" \
    --label jit.create --warmup "$BENCH_JIT_WARMUP_SECONDS" --duration 1 >/dev/null || say "!! load client failed"
  client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op get --key "$KEY" --ids "$IDS" --clients "$BENCH_CLIENTS" \
    --label jit.get --warmup $(( (BENCH_JIT_WARMUP_SECONDS + 2) / 3 )) --duration 1 >/dev/null || say "!! load client failed"
fi

# ------------------------------------------------------------------ 1, 2: throughput and latency on one tenant
hdr "1. create customer (POST /api/customers, one tenant, closed loop)"
client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op create --key "$KEY" --ids "$IDS" --clients 1 --label create.c1 \
  --warmup "$BENCH_WARMUP_SECONDS" --duration "$BENCH_DURATION_SECONDS" --max-requests "$BENCH_MAX_REQUESTS" || say "!! load client failed"
client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op create --key "$KEY" --ids "$IDS" --clients "$BENCH_CLIENTS" --label create.cN \
  --warmup "$BENCH_WARMUP_SECONDS" --duration "$BENCH_DURATION_SECONDS" --max-requests "$BENCH_MAX_REQUESTS" || say "!! load client failed"

hdr "2. GET customer by id (random among the $(wc -l < "$IDS") created above)"
client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op get --key "$KEY" --ids "$IDS" --clients 1 --label get.c1 \
  --warmup "$BENCH_WARMUP_SECONDS" --duration "$BENCH_DURATION_SECONDS" --max-requests "$BENCH_MAX_REQUESTS" || say "!! load client failed"
client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op get --key "$KEY" --ids "$IDS" --clients "$BENCH_CLIENTS" --label get.cN \
  --warmup "$BENCH_WARMUP_SECONDS" --duration "$BENCH_DURATION_SECONDS" --max-requests "$BENCH_MAX_REQUESTS" || say "!! load client failed"

# ------------------------------------------------------------------ 3: registration latency
hdr "3. registration (POST /api/auth/register, 1 client)"
client registrations --count "$BENCH_REGISTRATIONS" --clients 1 --label reg || say "!! load client failed"

# ------------------------------------------------------------------ 7: usage events (run before the tenants phase)
if [[ "${BENCH_USAGE:-1}" == 1 ]]; then
  hdr "7. usage events (POST /api/events and /api/events/batch, one subscription of the bench tenant)"
  USAGE="$WORK/usage"
  if client usage-setup --key "$KEY" --out "$USAGE"; then
    if (( BENCH_JIT_WARMUP_SECONDS > 0 )); then
      say "  JIT warm-up of the event path: $(( (BENCH_JIT_WARMUP_SECONDS + 1) / 2 )) s, 4 clients (discarded)"
      client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op event --key "$KEY" --ids "$IDS" --usage "$USAGE" --clients 4 \
        --label jit.event --warmup $(( (BENCH_JIT_WARMUP_SECONDS + 1) / 2 )) --duration 1 >/dev/null || say "!! load client failed"
    fi
    for c in 1 4 8; do
      client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op event --key "$KEY" --ids "$IDS" --usage "$USAGE" --clients "$c" --label "event.c$c" \
        --warmup "$BENCH_WARMUP_SECONDS" --duration "$BENCH_DURATION_SECONDS" --max-requests "$BENCH_MAX_REQUESTS" || say "!! load client failed"
    done
    for b in 100 1000; do
      client throughput --transport "$BENCH_CLIENT_TRANSPORT" --op batch --batch "$b" --key "$KEY" --ids "$IDS" --usage "$USAGE" --clients 4 --label "batch$b.c4" \
        --warmup "$BENCH_WARMUP_SECONDS" --duration "$BENCH_DURATION_SECONDS" --max-requests "$BENCH_MAX_REQUESTS" || say "!! load client failed"
    done
    # a subscription of its own, so the current usage is rated over exactly BENCH_USAGE_EVENTS events
    if client usage-setup --key "$KEY" --out "$USAGE.large"; then
      client usage-fill --key "$KEY" --usage "$USAGE.large" --events "${BENCH_USAGE_EVENTS:-1000000}" --clients 4 \
        --label usagefill || say "!! load client failed"
      client current-usage --key "$KEY" --usage "$USAGE.large" --count 10 --label currentusage || say "!! load client failed"
    fi
  else
    say "!! usage set-up failed; figure 7 skipped"
  fi
fi

# ------------------------------------------------------------------ 4: many tenants
hdr "4. $BENCH_TENANTS tenants: register, create one customer, GET it ($BENCH_CLIENTS clients)"
TENANTS_FILE="$WORK/tenants.tsv"
client tenants --count "$BENCH_TENANTS" --clients "$BENCH_CLIENTS" --out "$TENANTS_FILE" \
  --max-seconds "$BENCH_PHASE_MAX_SECONDS" --label tenants || say "!! load client failed"

# ------------------------------------------------------------------ 5: idle footprint
hdr "5. idle footprint (waiting ${BENCH_IDLE_WAIT_SECONDS} s without traffic; idle timeout ${IDLE_TIMEOUT:-not set})"
pause "$BENCH_IDLE_WAIT_SECONDS"
idle_phase() {
  mapfile -t PGP < <(pg_pids)
  j0=$(cpu_ticks "$JAVA_PID"); p0=$(cpu_ticks "${PGP[@]}"); w0=$(now_ms)
  pause "$BENCH_IDLE_CPU_SECONDS"
  mapfile -t PGP1 < <(pg_pids)
  j1=$(cpu_ticks "$JAVA_PID"); p1=$(cpu_ticks "${PGP1[@]}"); w1=$(now_ms)
  JAVA_CPU=$(awk -v d=$(( j1 - j0 )) -v hz="$CLK_TCK" -v ms=$(( w1 - w0 )) 'BEGIN { printf "%.2f", 100 * d / hz / (ms / 1000) }')
  PG_CPU=$(awk -v d=$(( p1 - p0 )) -v hz="$CLK_TCK" -v ms=$(( w1 - w0 )) 'BEGIN { printf "%.2f", 100 * d / hz / (ms / 1000) }')

  THREADS=$(awk '/^Threads:/ { print $2 }' "/proc/$JAVA_PID/status")
  JAVA_RSS=$(kb_sum status VmRSS "$JAVA_PID")
  PG_RSS=$(kb_sum status VmRSS "${PGP1[@]}")
  PG_PSS=$(kb_sum smaps_rollup Pss "${PGP1[@]}")
  PG_PROCS=${#PGP1[@]}
  DATA_BYTES=$(du -sb "$WORK/data" | cut -f1)

  say "  idle CPU over $(secs $(( w1 - w0 ))) s (% of one core): java ${JAVA_CPU}%, postgres ${PG_CPU}% ($(( j1 - j0 )) / $(( p1 - p0 )) ticks at $CLK_TCK/s)"
  say "  JVM threads: $THREADS"
  say "  RSS: java $(mib "$JAVA_RSS"); postgres $(mib "$PG_RSS") over $PG_PROCS processes (PSS $(mib "$PG_PSS"), which counts shared buffers once)"
  put idle.javaCpu "$JAVA_CPU"; put idle.pgCpu "$PG_CPU"; put idle.threads "$THREADS"
  put idle.javaRss "$(mib "$JAVA_RSS")"; put idle.pgRss "$(mib "$PG_RSS")"; put idle.pgPss "$(mib "$PG_PSS")"; put idle.pgProcs "$PG_PROCS"

  TENANT_DBS=""
  if [[ "$HAVE_PSQL" == 1 ]]; then
    if CONNS=$(psql_q "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()") &&
       DBSTAT=$(psql_q "SELECT count(*), coalesce(round(avg(pg_database_size(datname))), 0) FROM pg_database WHERE datname LIKE 'nb\_tenant\_%'"); then
      TENANT_DBS=${DBSTAT%%|*}; AVG_DB=${DBSTAT##*|}
      BY_DB=$(psql_q "SELECT string_agg(k || ' ' || n, ', ' ORDER BY k) FROM (SELECT CASE WHEN datname LIKE 'nb\_tenant\_%' THEN 'tenant databases' ELSE coalesce(datname, '-') END AS k, count(*) AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() GROUP BY 1) s")
      say "  PostgreSQL client connections held: $CONNS (by database: ${BY_DB:-none})"
      say "  tenant databases: $TENANT_DBS; average pg_database_size: $(awk -v b="$AVG_DB" 'BEGIN { printf "%.2f MiB", b / 1048576 }')"
      put idle.pgConnections "$CONNS"; put idle.tenantDbs "$TENANT_DBS"
      put idle.avgDbSize "$(awk -v b="$AVG_DB" 'BEGIN { printf "%.2f MiB", b / 1048576 }')"
    else
      say "!! psql could not query the embedded PostgreSQL on port $PG_PORT"
    fi
  fi
  # Tenants in the data dir: from pg_database when psql is there, else the registrations that succeeded.
  if [[ -z "$TENANT_DBS" ]]; then
    TENANT_DBS=$(( 1 + $(getd reg.ok 0) + $(wc -l < "${TENANTS_FILE}" 2>/dev/null || echo 0) ))
  fi
  DU_PER=$(awk -v b="$DATA_BYTES" -v n="$TENANT_DBS" 'BEGIN { if (n > 0) printf "%.2f MiB", b / n / 1048576; else print "n/a" }')
  say "  data dir: $(awk -v b="$DATA_BYTES" 'BEGIN { printf "%.1f MiB", b / 1048576 }') (du -sb) for $TENANT_DBS tenants = $DU_PER per tenant"
  put idle.duPerTenant "$DU_PER"; put idle.duTotal "$(awk -v b="$DATA_BYTES" 'BEGIN { printf "%.1f MiB", b / 1048576 }')"
  put idle.tenantCount "$TENANT_DBS"
}

# ------------------------------------------------------------------ 6: restart
restart_phase() {
  hdr "6. restart on the same data directory and ports"
  stop_server
  say "  SIGTERM → exit: $( [[ -n "$STOP_MS" ]] && printf '%s s' "$(secs "$STOP_MS")" || printf 'n/a'); clean stop (no SIGKILL, no PostgreSQL left behind): $STOP_CLEAN"
  [[ -n "$STOP_MS" ]] && put restart.stop "$(secs "$STOP_MS")"
  put restart.clean "$STOP_CLEAN"
  start_server "$WORK/server-restart.log"
  if wait_health "$WORK/server-restart.log"; then
    say "  launch → /health 200: $(secs "$HEALTH_MS") s"
    put restart.health "$(secs "$HEALTH_MS")"
    EXPECTED=$(awk -F'\t' '$3 != "-"' "$TENANTS_FILE" 2>/dev/null | wc -l)
    say "  ($EXPECTED of $BENCH_TENANTS tenants have a customer to read back)"
    client verify --tenants "$TENANTS_FILE" --clients "$BENCH_CLIENTS" --max-seconds "$BENCH_PHASE_MAX_SECONDS" \
      --expected "$BENCH_TENANTS" --label restart.get || say "!! load client failed"
    LAST_OK=$(get restart.get.lastOkEpochMs); FIRST=$(get restart.get.startEpochMs)
    if [[ -n "$LAST_OK" && -n "$FIRST" && "$(get restart.get.answered)" != 0 ]]; then
      say "  launch → last successful answer: $(secs $(( LAST_OK - SERVER_LAUNCH_MS ))) s (includes $(secs $(( FIRST - SERVER_LAUNCH_MS - HEALTH_MS ))) s of load-client start after /health)"
      put restart.lastAnswer "$(secs $(( LAST_OK - SERVER_LAUNCH_MS )))"
    fi
  else
    say "!! the restarted server did not become healthy"
    put restart.health "failed (see $TS-server-restart.log)"
  fi
}

# Called in a "||" list so that a failing step inside (say, the server dying mid-measurement) leaves its figures
# blank instead of ending the run before the summary.
if server_alive; then
  idle_phase || say "!! the idle measurement failed part-way"
  restart_phase || say "!! the restart phase failed part-way"
else
  say "!! the server is gone (last lines of its log below): idle figures and restart skipped"
  log_excerpt "$WORK/server.log"
  put idle.skipped "server gone"
fi
fi  # BENCH_ONLY != billing

# ------------------------------------------------------------------ 8: billing run (last, on the running server)
if [[ "$BENCH_BILLING" == 1 ]]; then
  hdr "8. billing run: $BENCH_BILLING_SUBSCRIPTIONS subscriptions closed and invoiced by one P1M advance of the test clock"
  if server_alive; then
    SERVER_LOG="$WORK/server.log"; [[ -f "$WORK/server-restart.log" ]] && SERVER_LOG="$WORK/server-restart.log"
    LOG_FROM=$(( $(wc -l < "$SERVER_LOG") + 1 ))
    client billing --subscriptions "$BENCH_BILLING_SUBSCRIPTIONS" --events-per-subscription "$BENCH_BILLING_EVENTS" \
      --wallet-every "$BENCH_BILLING_WALLET_EVERY" --clients "$BENCH_CLIENTS" --max-seconds "$BENCH_BILLING_MAX_SECONDS" \
      --verify "$( [[ "$BENCH_VERIFY" == 1 ]] && printf true || printf false)" --label billing || say "!! load client failed"
    # the server's errors logged during the figure (the product's, not the bench's: the client reports its own)
    LOG_ERRORS=$(tail -n "+$LOG_FROM" "$SERVER_LOG" | grep -cE ' ERROR |^Caused by' || true)
    put billing.serverErrors "$LOG_ERRORS"
    if [[ "$LOG_ERRORS" != 0 ]]; then
      say "!! the server logged $LOG_ERRORS ERROR / Caused by lines during figure 8; the first ones:"
      tail -n "+$LOG_FROM" "$SERVER_LOG" | grep -E ' ERROR |^Caused by' | head -8 | cut -c1-300
    fi
    if ! server_alive; then
      say "!! the server died during the billing run (last lines of its log below)"
      log_excerpt "$SERVER_LOG"
    fi
  else
    say "!! the server is gone: figure 8 skipped"
    put billing.skipped "server gone"
  fi
fi

# ------------------------------------------------------------------ summary
row() { printf '| %s | %s |\n' "$1" "$2"; }
tp_row() {  # label prefix
  local p=$2
  if [[ -n "$(get "$p.skipped")" ]]; then row "$1" "skipped: $(get "$p.skipped")"; return; fi
  if [[ -z "$(get "$p.ok")" ]]; then row "$1" "not measured"; return; fi
  row "$1" "$(getd "$p.throughput") req/s, p50 $(getd "$p.p50") ms, p99 $(getd "$p.p99") ms, max $(getd "$p.max") ms, errors $(getd "$p.errors")$( [[ "$(getd "$p.errors" 0)" != 0 ]] && printf ' %s' "$(get "$p.errorsByStatus")")"
}
err_of() { local e; e=$(getd "$1.errors" 0); [[ "$e" == 0 ]] && printf '0' || printf '%s %s' "$e" "$(get "$1.errorsByStatus")"; }

hdr "summary (Markdown, for bench/RESULTS.md)"
{
  say ""
  say "### Run $RUN_DATE, commit $GIT_COMMIT"
  say ""
  row "machine" "value"
  row "---" "---"
  row "cores (nproc)" "$NPROC"
  row "CPU" "$CPU_MODEL"
  row "memory" "$MEM_TOTAL"
  row "java" "$JAVA_VERSION"
  row "date" "$RUN_DATE"
  row "git commit" "$GIT_COMMIT ($GIT_BRANCH)"
  row "load average at start" "$LOADAVG"
  row "settings" "$( [[ "$BENCH_ONLY" == billing ]] && printf 'only figure 8, ')tenants $BENCH_TENANTS, clients 1 and $BENCH_CLIENTS ($BENCH_CLIENT_TRANSPORT transport), warm-up ${BENCH_WARMUP_SECONDS} s, measured ${BENCH_DURATION_SECONDS} s, registrations $BENCH_REGISTRATIONS, idle timeout ${IDLE_TIMEOUT:-not set}, idle wait ${BENCH_IDLE_WAIT_SECONDS} s, $( [[ "$BENCH_BILLING" == 1 ]] && printf 'billing %s subscriptions × %s events (test clocks on)' "$BENCH_BILLING_SUBSCRIPTIONS" "$BENCH_BILLING_EVENTS" || printf 'no billing run'), JAVA_OPTS '${JAVA_OPTS}'"
  say ""
  row "figure" "value"
  row "---" "---"
  row "0. first start (empty data dir) → /health 200" "$(getd first.health) s"
  if [[ "$BENCH_ONLY" != billing ]]; then
  tp_row "1. create customer, 1 client" create.c1
  tp_row "1. create customer, $BENCH_CLIENTS clients" create.cN
  tp_row "2. GET customer, 1 client" get.c1
  tp_row "2. GET customer, $BENCH_CLIENTS clients" get.cN
  if [[ -z "$(get reg.ok)" ]]; then row "3. registration, 1 client ($BENCH_REGISTRATIONS)" "not measured"; else
  row "3. registration, 1 client ($BENCH_REGISTRATIONS)" "p50 $(getd reg.p50) ms, p99 $(getd reg.p99) ms, max $(getd reg.max) ms, errors $(err_of reg)"; fi
  for c in 1 4 8; do
    tp_row "7. POST /events, $c client$( [[ $c == 1 ]] || printf s) ($(getd event.c$c.events 'n/a') events/s)" "event.c$c"
  done
  for b in 100 1000; do
    tp_row "7. POST /events/batch of $b, 4 clients ($(getd batch$b.c4.events 'n/a') events/s)" "batch$b.c4"
  done
  row "7. fill: events stored in batches of 1,000 (4 clients)" "$(getd usagefill.stored 'not measured') at $(getd usagefill.events 'n/a') events/s"
  if [[ -n "$(get currentusage.ok)" ]]; then
  row "7. GET /subscriptions/{id}/usage over the $(getd usagefill.stored '?') events of one subscription (10 in a row)" "p50 $(getd currentusage.p50) ms, p99 $(getd currentusage.p99) ms, max $(getd currentusage.max) ms, errors $(err_of currentusage)"; fi
  if [[ -z "$(get tenants.fullyOk)" ]]; then row "4. $BENCH_TENANTS tenants" "not measured"; else
  row "4. $BENCH_TENANTS tenants ($BENCH_CLIENTS clients): fully answering" "$(getd tenants.fullyOk) (failed $(getd tenants.failedTenants), not attempted $(getd tenants.notAttempted)), elapsed $(getd tenants.elapsed) s"
  row "4. … register / create / GET errors" "$(err_of tenants.register) / $(err_of tenants.create) / $(err_of tenants.get)"
  row "4. … registration latency" "p50 $(getd tenants.register.p50) ms, p99 $(getd tenants.register.p99) ms"
  [[ -n "$(get tenants.register.firstError)" ]] && row "4. … first registration error" "$(get tenants.register.firstError | sed 's/|/\\|/g')"
  [[ -n "$(get tenants.create.firstError)" ]] && row "4. … first create error" "$(get tenants.create.firstError | sed 's/|/\\|/g')"
  fi
  if [[ -z "$(get idle.threads)" ]]; then row "5. idle footprint" "not measured$( [[ -n "$(get idle.skipped)" ]] && printf ' (%s)' "$(get idle.skipped)")"; else
  row "5. idle: JVM threads" "$(getd idle.threads)"
  row "5. idle: PostgreSQL client connections" "$(getd idle.pgConnections 'n/a (no psql)')"
  row "5. idle: CPU over ${BENCH_IDLE_CPU_SECONDS} s, java / postgres (% of one core)" "$(getd idle.javaCpu) % / $(getd idle.pgCpu) %"
  row "5. idle: RSS java / postgres (sum over $(getd idle.pgProcs) processes)" "$(getd idle.javaRss) / $(getd idle.pgRss) (postgres PSS $(getd idle.pgPss))"
  row "5. disk per tenant: avg pg_database_size / du of data dir ÷ tenants" "$(getd idle.avgDbSize 'n/a (no psql)') / $(getd idle.duPerTenant) ($(getd idle.duTotal) for $(getd idle.tenantCount) tenants)"; fi
  row "6. restart: SIGTERM → exit" "$( [[ -n "$(get restart.stop)" ]] && printf '%s s' "$(get restart.stop)" || printf 'n/a') (clean: $(getd restart.clean))"
  if [[ "$(get restart.health)" =~ ^[0-9.]+$ ]]; then
    row "6. restart: launch → /health 200" "$(get restart.health) s"
    row "6. restart: every tenant answered its GET" "$(getd restart.get.answered) of $(getd restart.get.expected) answered, pass $(getd restart.get.elapsed) s, launch → last answer $(getd restart.lastAnswer) s, errors $(err_of restart.get)"
  else
    row "6. restart: launch → /health 200" "$(getd restart.health 'not run')"
    row "6. restart: every tenant answered its GET" "not measured"
  fi
  fi  # BENCH_ONLY != billing
  if [[ "$BENCH_BILLING" == 1 ]]; then
    if [[ -n "$(get billing.skipped)" ]]; then row "8. billing run" "skipped: $(get billing.skipped)"
    elif [[ -z "$(get billing.seconds)" ]]; then row "8. billing run ($BENCH_BILLING_SUBSCRIPTIONS subscriptions)" "not measured$( [[ -n "$(get billing.failed)" ]] && printf ' (%s)' "$(get billing.failed)")"
    else
      row "8. billing run: $(getd billing.subscriptions) subscriptions × 1 P1M advance → invoices FINALIZED" "$(getd billing.billed) of $(getd billing.subscriptions) in $(getd billing.seconds) s = $(getd billing.invoicesPerSecond) invoices/s$( [[ "$(get billing.complete)" == true ]] || printf ' (INCOMPLETE)')"
      row "8. … advance request (closes the periods) / all invoices issued" "$(getd billing.advanceSeconds) s (status $(getd billing.advanceStatus)) / $(getd billing.issuedSeconds) s after the advance"
      row "8. … sample invoice total, server ERROR lines" "$(getd billing.check 'not checked'), $(getd billing.serverErrors 'n/a')"
      row "8. … wallets drawn at finalization (KES 1,000.00 granted each), sample amount due" "$(getd billing.wallets 0), $(getd billing.walletCheck 'not checked')"
      row "8. … set-up (untimed): customers + subscriptions, events" "$(getd billing.setupSeconds) s for $(getd billing.subscriptions), $(getd billing.events) events ($BENCH_BILLING_EVENTS each)"
      if [[ "$BENCH_VERIFY" == 1 ]]; then
        row "8. … ledger verify (GET /api/admin/ledger/verify) over the billing tenant" "$(getd billing.verify 'not measured'); counts $(getd billing.verifyCounts 'n/a')"
      fi
    fi
  fi
}

hdr "stop"
stop_server
say "  SIGTERM → exit: $( [[ -n "$STOP_MS" ]] && printf '%s s' "$(secs "$STOP_MS")" || printf 'n/a'); clean: $STOP_CLEAN"
