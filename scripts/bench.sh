#!/usr/bin/env bash
# The benchmark of issue 9: the server as it ships against PostGraphile v4 on the same database, with
# realistic volume (a pairing with 200 meetings, one with 20,000), through wrk. Reported, not
# asserted; not part of scripts/test.sh. Prints a markdown table (see README "Benchmark").
#
# What it does, in order: installs what it lacks (wrk from Debian, PostGraphile v4 into a cache
# outside the repository), builds the server as it ships (profile `lean`), creates the database BENCH_DB (dropped
# first) with `alliance migrate`, `alliance seed --demo`, scripts/bench/seed.sql and the peer's
# functions (scripts/bench/postgraphile.sql), starts both servers, logs in through the API, checks
# that both answer the same rows, counts SQL statements per request (log_statement, then reset),
# restarts both and runs BENCH_ROUNDS alternating A/B rounds of BENCH_SECONDS per query, measures
# server RSS under load, and replays a hand-written dashboard statement with pgbench (the floor).
#
# Settings: BENCH_DB (alliance_bench), BENCH_PG (postgres://postgres@127.0.0.1:5432),
# BENCH_PORT_ALLIANCE (18283), BENCH_PORT_PEER (18284), BENCH_SECONDS (15), BENCH_ROUNDS (3),
# BENCH_CONNECTIONS (16), BENCH_SSLMODE (disable: the sslmode of both servers and pgbench), BENCH_CACHE (~/.cache/alliance-bench), BENCH_KEEP_DB=1 to reuse a seeded
# database, BENCH_BIN (a server binary to measure instead of building one, e.g. a copy of an
# earlier build for a before/after under the same load), BENCH_ONLY (space-separated case names, e.g. "dashboard-200 me"), BENCH_PRELOAD (a
# shared library preloaded into the Alliance server only, to try an allocator without a rebuild:
# /usr/lib/x86_64-linux-gnu/libmimalloc.so.2 from Debian's libmimalloc2.0).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
DB="${BENCH_DB:-alliance_bench}"
PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
PORT_A="${BENCH_PORT_ALLIANCE:-18283}"
PORT_P="${BENCH_PORT_PEER:-18284}"
SECONDS_PER_ROUND="${BENCH_SECONDS:-15}"
ROUNDS="${BENCH_ROUNDS:-3}"
CONNS="${BENCH_CONNECTIONS:-16}"
CACHE="${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/alliance-bench}"
ONLY="${BENCH_ONLY:-dashboard-200 dashboard-20000 organizations me}"
WORK="$(mktemp -d /tmp/alliance-bench.XXXXXX)"
PG_LOG="${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}"
export DATABASE_URL="${PG}/${DB}"
# What both servers and the floor's pgbench connect with: plain TCP on the loopback, which is what
# PostGraphile (node-postgres) does by default. libpq and sqlx would otherwise negotiate TLS with a
# server that offers it (Debian's does), and encrypting every statement on both ends cost the
# Alliance server about a fifth of its CPU on `me` while the peer paid nothing.
SERVE_URL="${PG}/${DB}?sslmode=${BENCH_SSLMODE:-disable}"

say() { printf '==> %s\n' "$*" >&2; }
fail() {
  printf 'bench: %s\n' "$*" >&2
  exit 1
}
psql_db() { psql -X -q -v ON_ERROR_STOP=1 "${PG}/${DB}" "$@"; }

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -X -q "${PG}/postgres" -c "ALTER DATABASE ${DB} RESET log_statement" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

say "Tools"
if ! command -v wrk >/dev/null; then
  say "installing wrk (Debian)"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for tool in wrk pgbench psql jq python3 node npm curl; do
  command -v "$tool" >/dev/null || fail "missing: $tool"
done
PEER_BIN="${CACHE}/node_modules/.bin/postgraphile"
if [[ ! -x "$PEER_BIN" ]]; then
  say "installing PostGraphile v4 into ${CACHE}"
  mkdir -p "$CACHE"
  npm install --no-audit --no-fund --prefix "$CACHE" postgraphile@4 >/dev/null
fi
PEER_VERSION="$("$PEER_BIN" --version 2>/dev/null | tail -1)"

if [[ -n "${BENCH_BIN:-}" ]]; then
  BIN="$BENCH_BIN"
else
  say "Building the server as it ships (cargo build --profile lean: the release build with fat LTO)"
  cargo build --profile lean --locked -p alliance-server >&2
  BIN="${CARGO_TARGET_DIR:-${ROOT}/target}/lean/alliance"
fi
[[ -x "$BIN" ]] || fail "no ${BIN}"

if [[ "${BENCH_KEEP_DB:-}" != 1 ]] || ! psql -X -Atc "SELECT 1 FROM pg_database WHERE datname = '${DB}'" "${PG}/postgres" | grep -q 1; then
  say "Database ${DB}: migrate, demo seed, bench volume"
  psql -X -q "${PG}/postgres" -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" -c "CREATE DATABASE ${DB}"
  "$BIN" migrate >&2
  ALLIANCE_DEV=1 "$BIN" seed --demo >&2
  psql_db -f scripts/bench/seed.sql >/dev/null
fi
psql_db -f scripts/bench/postgraphile.sql >/dev/null
psql_db -Atc "SELECT a.name || ': ' || count(*) || ' meetings' FROM meetings m JOIN alliances a ON a.id = m.alliance_id
  WHERE m.title LIKE 'bench %' GROUP BY a.name ORDER BY 1" >&2

SECRET="$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')"
ALLIANCE_PID=""
PEER_PID=""
start_servers() {
  DATABASE_URL="$SERVE_URL" ALLIANCE_LISTEN="127.0.0.1:${PORT_A}" ALLIANCE_JWT_SECRET="$SECRET" \
    ALLIANCE_JOBS=off ALLIANCE_ACCESS_TOKEN_TTL_SECS=3600 ALLIANCE_WEB_DIST="${WORK}/no-web" \
    LD_PRELOAD="${BENCH_PRELOAD:-}" "$BIN" serve >>"${WORK}/alliance.log" 2>&1 &
  ALLIANCE_PID=$!
  PIDS+=("$ALLIANCE_PID")
  # No authentication and no query log: both favour the peer.
  "$PEER_BIN" -c "$SERVE_URL" --schema public --host 127.0.0.1 --port "$PORT_P" \
    --disable-query-log >>"${WORK}/peer.log" 2>&1 &
  PEER_PID=$!
  PIDS+=("$PEER_PID")
  local _
  for _ in $(seq 1 100); do
    if curl -sf -o /dev/null "http://127.0.0.1:${PORT_A}/readyz" 2>/dev/null &&
      curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT_P}/graphql" -H 'content-type: application/json' \
        -d '{"query":"{__typename}"}' 2>/dev/null | grep -q 200; then
      return 0
    fi
    sleep 0.2
  done
  tail -20 "${WORK}/alliance.log" "${WORK}/peer.log" >&2
  fail "the servers did not start"
}
stop_servers() {
  kill "$ALLIANCE_PID" "$PEER_PID" 2>/dev/null || true
  wait "$ALLIANCE_PID" "$PEER_PID" 2>/dev/null || true
}

FROM="$(date -u +%Y-%m-%dT00:00:00Z)"
# case: Alliance query file, peer query file, viewer, shape checked by same_rows.py
declare -A VIEWER=([dashboard-200]=he.wei@example.com [dashboard-20000]=gao.xiang@example.com
  [organizations]=gao.xiang@example.com [me]=gao.xiang@example.com)
declare -A SHAPE=([dashboard-200]=dashboard [dashboard-20000]=dashboard [organizations]=organizations [me]=me)

# The dashboard is the document the web client sends, read from its source.
python3 -c 'import re, sys; print(re.search(r"graphql\(`(.*?)`\)", open(sys.argv[1], encoding="utf-8").read(), re.S).group(1).strip())' \
  frontend/src/features/dashboard/api/get-dashboard.ts >"${WORK}/dashboard.graphql"
cp scripts/bench/queries/organizations.graphql scripts/bench/queries/me.graphql "$WORK/"
bodies() {
  local case=$1 shape=${SHAPE[$1]} viewer=${VIEWER[$1]}
  jq -n --rawfile q "${WORK}/${shape}.graphql" --arg from "$FROM" \
    '{query: $q, variables: (if ($q | test("\\$from")) then {from: $from} else {} end)}' >"${WORK}/${case}.a.json"
  jq -n --rawfile q "scripts/bench/queries/${shape}.postgraphile.graphql" --arg from "$FROM" --arg viewer "$viewer" \
    '{query: $q, variables: ({viewer: $viewer} + (if ($q | test("\\$from")) then {from: $from} else {} end))}' >"${WORK}/${case}.p.json"
}

declare -A TOKEN
login() {
  local viewer=$1
  curl -s "http://127.0.0.1:${PORT_A}/graphql" -H 'content-type: application/json' \
    -d "$(jq -n --arg l "$viewer" '{query: "mutation($i: LoginInput!) { login(input: $i) { accessToken } }", variables: {i: {login: $l, password: "alliance-demo-2026"}}}')" |
    jq -er .data.login.accessToken
}

ask() { # ask <a|p> <case>: one request, the answer on stdout
  if [[ $1 == a ]]; then
    curl -s "http://127.0.0.1:${PORT_A}/graphql" -H 'content-type: application/json' \
      -H "authorization: Bearer ${TOKEN[${VIEWER[$2]}]}" --data-binary "@${WORK}/$2.a.json"
  else
    curl -s "http://127.0.0.1:${PORT_P}/graphql" -H 'content-type: application/json' --data-binary "@${WORK}/$2.p.json"
  fi
}

say "Statements per request (log_statement = all on ${DB}, reset afterwards)"
[[ -r "$PG_LOG" ]] || fail "cannot read the Postgres log ${PG_LOG} (set BENCH_PG_LOG)"
psql -X -q "${PG}/postgres" -c "ALTER DATABASE ${DB} SET log_statement = 'all'"
start_servers
for viewer in he.wei@example.com gao.xiang@example.com; do TOKEN[$viewer]="$(login "$viewer")"; done
declare -A STATEMENTS
for case in $ONLY; do
  bodies "$case"
  ask a "$case" >"${WORK}/${case}.a.out"
  ask p "$case" >"${WORK}/${case}.p.out"
  python3 scripts/bench/same_rows.py "${SHAPE[$case]}" "${WORK}/${case}.a.out" "${WORK}/${case}.p.out" >&2 ||
    fail "${case}: Alliance and PostGraphile do not answer the same rows"
  for side in a p; do
    ask "$side" "$case" >/dev/null # warm (prepared statements, introspection cache)
    sleep 0.3
    before=$(wc -l <"$PG_LOG")
    for _ in 1 2 3 4 5 6 7 8 9 10; do ask "$side" "$case" >/dev/null; done
    sleep 0.5
    n=$(tail -n +"$((before + 1))" "$PG_LOG" | grep -cE "@${DB} LOG:  (statement|execute) " || true)
    STATEMENTS[$case.$side]=$(python3 -c "print(f'{$n/10:g}')")
  done
  say "${case}: ${STATEMENTS[$case.a]} statements per request (PostGraphile ${STATEMENTS[$case.p]})"
done
stop_servers
psql -X -q "${PG}/postgres" -c "ALTER DATABASE ${DB} RESET log_statement"

cat >"${WORK}/post.lua" <<'LUA'
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("BENCH_AUTH")
if auth ~= nil and auth ~= "" then wrk.headers["Authorization"] = auth end
done = function(summary, latency, requests)
  io.write(string.format("BENCH %f %f %f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.requests))
end
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; } # 0 for a process that just exited
# The peer's node process (npx/bin wrapper or node itself) and its children.
tree_pids() { echo "$1"; pgrep -P "$1" 2>/dev/null | while read -r c; do tree_pids "$c"; done; }
rss_kb() { # peak RSS (VmHWM) of a process tree, summed
  local total=0 p v
  for p in $(tree_pids "$1"); do
    v=$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
# Resets the peak (VmHWM) of a process tree to its current RSS (proc(5), clear_refs "5"), so
# that the peak read after the load is the load's own: not the two logins before it, each an
# argon2id hash that allocates its 19 MiB and frees it.
reset_peak() {
  local p
  for p in $(tree_pids "$1"); do echo 5 >"/proc/$p/clear_refs" 2>/dev/null || true; done
}

run_wrk() { # run_wrk <a|p> <case> → "rps p50 p99 non2xx requests"
  local side=$1 case=$2 url auth=""
  if [[ $side == a ]]; then
    url="http://127.0.0.1:${PORT_A}/graphql"
    auth="Bearer ${TOKEN[${VIEWER[$case]}]}"
  else
    url="http://127.0.0.1:${PORT_P}/graphql"
  fi
  BENCH_BODY="${WORK}/${case}.${side}.json" BENCH_AUTH="$auth" \
    wrk -t2 -c"$CONNS" -d"${SECONDS_PER_ROUND}s" --timeout 10s -s "${WORK}/post.lua" "$url" | awk '/^BENCH / {print $2, $3, $4, $5, $6}'
}

say "Load: ${ROUNDS} alternating rounds of ${SECONDS_PER_ROUND} s per query and server, ${CONNS} connections (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
start_servers
for viewer in he.wei@example.com gao.xiang@example.com; do TOKEN[$viewer]="$(login "$viewer")"; done
RSS_LOGIN_A=$(($(rss_kb "$ALLIANCE_PID") / 1024))
reset_peak "$ALLIANCE_PID"
reset_peak "$PEER_PID"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A RESULT CPU
for case in $ONLY; do
  for side in a p; do ask "$side" "$case" >/dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    order="a p"
    ((round % 2 == 0)) && order="p a"
    for side in $order; do
      pid=$ALLIANCE_PID
      [[ $side == p ]] && pid=$PEER_PID
      t0=0
      for p in $(tree_pids "$pid"); do t0=$((t0 + $(cpu_ticks "$p"))); done
      line="$(run_wrk "$side" "$case")"
      t1=0
      for p in $(tree_pids "$pid"); do t1=$((t1 + $(cpu_ticks "$p"))); done
      read -r rps p50 p99 bad requests <<<"$line"
      [[ "${bad:-1}" == 0 ]] || fail "${case}: ${bad} answers of ${side} were not 2xx"
      RESULT[$case.$side]+="$rps $p50 $p99;"
      # CPU milliseconds of the server per request (clock ticks of 10 ms).
      CPU[$case.$side]+="$(python3 -c "print(($t1 - $t0) * 10 / max($requests, 1))");"
      say "${case} round ${round} ${side}: ${rps%.*} req/s, p50 ${p50} ms, p99 ${p99} ms"
    done
  done
done
RSS_A=$(($(rss_kb "$ALLIANCE_PID") / 1024))
RSS_P=$(($(rss_kb "$PEER_PID") / 1024))
stop_servers

say "Floor: the dashboard as one hand-written statement through pgbench (${CONNS} clients, ${SECONDS_PER_ROUND} s)"
declare -A FLOOR
for case in dashboard-200 dashboard-20000; do
  [[ " $ONLY " == *" $case "* ]] || continue
  FLOOR[$case]=$(pgbench -n -c "$CONNS" -j 2 -T "$SECONDS_PER_ROUND" -D "viewer='${VIEWER[$case]}'" -D "from='${FROM}'" \
    -f scripts/bench/floor.sql "$SERVE_URL" 2>/dev/null | awk '/^tps = / {print $3}')
  say "${case}: floor ${FLOOR[$case]%.*} statements/s"
done
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$ONLY" "$RSS_A" "$RSS_P" "$RSS_LOGIN_A" "$(nproc)" "$LOAD_START" "$LOAD_END" "$PEER_VERSION" "$SECONDS_PER_ROUND" "$ROUNDS" "$CONNS" <<PY
import os, statistics, sys
only, rss_a, rss_p, rss_login, cores, load0, load1, peer, secs, rounds, conns = sys.argv[1:]
result = {$(for k in "${!RESULT[@]}"; do printf '"%s": "%s", ' "$k" "${RESULT[$k]}"; done)}
cpu = {$(for k in "${!CPU[@]}"; do printf '"%s": "%s", ' "$k" "${CPU[$k]}"; done)}
statements = {$(for k in "${!STATEMENTS[@]}"; do printf '"%s": "%s", ' "$k" "${STATEMENTS[$k]}"; done)}
floor = {$(for k in "${!FLOOR[@]}"; do printf '"%s": "%s", ' "$k" "${FLOOR[$k]}"; done)}
names = {"dashboard-200": "dashboard (web client's query), 200 meetings",
         "dashboard-20000": "dashboard (web client's query), 20,000 meetings",
         "organizations": "\`organizations(first: 20) { nodes { id name } }\`",
         "me": "\`me { id }\`"}
def med(case, side):
    rows = [tuple(map(float, r.split())) for r in result[f"{case}.{side}"].split(";") if r.strip()]
    return tuple(statistics.median(col) for col in zip(*rows))
def med_cpu(case, side):
    return statistics.median(float(x) for x in cpu[f"{case}.{side}"].split(";") if x.strip())
print()
print(f"{'Alliance with ' + os.environ['BENCH_PRELOAD'] + ' preloaded; ' if os.environ.get('BENCH_PRELOAD') else ''}"
      f"{cores} cores, load average {load0} at the start and {load1} at the end; wrk {conns} connections, "
      f"{rounds} alternating rounds of {secs} s, medians; PostGraphile {peer} without authentication (favours the peer).")
print()
print("| query | Alliance req/s | p50 ms | p99 ms | PostGraphile req/s | p50 ms | ratio | statements/request (Alliance / PostGraphile) | server CPU ms/request (A / P) | floor req/s | Alliance / floor |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for case in only.split():
    a, p = med(case, "a"), med(case, "p")
    f = float(floor[case]) if case in floor else None
    print(f"| {names[case]} | {a[0]:,.0f} | {a[1]:.1f} | {a[2]:.1f} | {p[0]:,.0f} | {p[1]:.1f} | {a[0] / p[0]:.2f} | "
          f"{statements.get(case + '.a', '?')} / {statements.get(case + '.p', '?')} | {med_cpu(case, 'a'):.2f} / {med_cpu(case, 'p'):.2f} | "
          + (f"{f:,.0f} | {a[0] / f:.2f} |" if f else "– | – |"))
print()
print(f"Peak RSS under load (VmHWM, reset after the logins): Alliance {rss_a} MB, PostGraphile {rss_p} MB. "
      f"Alliance's peak up to then, with its two logins (argon2id, 19 MiB each while it hashes): {rss_login} MB.")
PY
