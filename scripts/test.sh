#!/usr/bin/env bash
# Runs every test of Alliance: formatting, clippy, the Rust tests (domain, API over HTTP, server),
# the web client's build (codegen + typecheck), and the browser end-to-end tests against a freshly
# seeded server. Exits non-zero on the first failure.
#
#   scripts/test.sh              everything (what CI runs)
#   scripts/test.sh --skip-e2e   everything but the browser tests
#   scripts/test.sh --rust-only  formatting, clippy and the Rust tests only
#   scripts/test.sh --web-bench  the web benchmark only: build the web client, report the first
#                                screen's JavaScript (fails above WEIGHT_BUDGET_KB, default 200) and
#                                Lighthouse's mobile scores of /login, the dashboard and check-in
#
# The browser tests use a server on 127.0.0.1:${ALLIANCE_E2E_PORT:-18080} and a database
# ${ALLIANCE_E2E_DB:-alliance_e2e} that is dropped and re-created on every run.
#
# Needs: Rust (cargo, rustfmt, clippy; cargo-nextest if installed), Node.js 20+ with npm, PostgreSQL on
# 127.0.0.1:5432 (trust auth for user postgres; started here when it is down), and for the browser
# tests Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and curl; python3 with venv for the S3
# media tests' moto_server (installed here when missing; ALLIANCE_MOTO_SERVER names one).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

RUN_RUST=1
RUN_WEB=1
RUN_E2E=1
RUN_BROWSER_TESTS=1
for arg in "$@"; do
  case "$arg" in
    --rust-only)
      RUN_WEB=0
      RUN_E2E=0
      ;;
    --skip-e2e) RUN_E2E=0 ;;
    --web-bench)
      RUN_RUST=0
      RUN_BROWSER_TESTS=0
      ;;
    -h | --help)
      sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      printf 'error: unknown option %s (try --help)\n' "$arg" >&2
      exit 2
      ;;
  esac
done

E2E_PORT="${ALLIANCE_E2E_PORT:-18080}"
E2E_DB="${ALLIANCE_E2E_DB:-alliance_e2e}"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
START=$SECONDS
[[ "$E2E_DB" =~ ^[a-z_][a-z0-9_]*$ ]] || {
  printf 'error: ALLIANCE_E2E_DB=%s is not a plain database name\n' "$E2E_DB" >&2
  exit 2
}

step() { printf '\n==> %s  [%ds]\n' "$*" "$((SECONDS - START))"; }
fail() {
  printf '\nerror: %s\n' "$*" >&2
  exit 1
}

# --- Preflight: fail in seconds, not after the builds -------------------------------------------
step "Checking tools"
need=(cargo psql pg_isready)
if ((RUN_WEB)); then need+=(node npm); fi
if ((RUN_E2E)); then need+=(curl); fi
missing=()
for tool in "${need[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
((${#missing[@]} == 0)) || fail "missing: ${missing[*]}"
if ((RUN_E2E)) && [[ ! -x "$CHROMIUM_PATH" ]]; then
  fail "Chromium is needed for the browser tests and was not found at ${CHROMIUM_PATH}.
Install it with:  apt-get update && apt-get install -y chromium
(or set CHROMIUM_PATH to a Chromium binary, or run with --skip-e2e)."
fi
if ((RUN_E2E)) && curl -s -o /dev/null --max-time 2 "http://127.0.0.1:${E2E_PORT}/"; then
  fail "port ${E2E_PORT} is already in use; stop what listens there or set ALLIANCE_E2E_PORT."
fi

step "Checking Postgres on 127.0.0.1:5432"
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  command -v pg_ctlcluster >/dev/null 2>&1 ||
    fail "Postgres does not answer on 127.0.0.1:5432 and pg_ctlcluster is not available to start it."
  echo "Postgres does not answer; starting cluster 15/main"
  pg_ctlcluster --skip-systemctl-redirect 15 main start
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p 5432 || fail "Postgres did not start within 30 s (see /var/log/postgresql/)."
fi
echo "Postgres is up"

# The S3 media tests start moto_server, an S3-compatible server from PyPI (`moto[server]`); it is
# installed into a virtualenv when missing. The tests fail (never skip) when it cannot start.
if ((RUN_RUST)) && [[ -z "${ALLIANCE_MOTO_SERVER:-}" ]] && ! command -v moto_server >/dev/null 2>&1; then
  MOTO_VENV="${ALLIANCE_MOTO_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/alliance/moto-venv}"
  if [[ ! -x "$MOTO_VENV/bin/moto_server" ]]; then
    step "Installing moto[server] into ${MOTO_VENV} (the S3 media tests start it)"
    command -v python3 >/dev/null 2>&1 || fail "python3 is needed to install moto[server] for the S3 media tests"
    python3 -m venv "$MOTO_VENV" ||
      fail "cannot create a virtualenv at ${MOTO_VENV} (apt-get install -y python3-venv)"
    "$MOTO_VENV/bin/pip" install -q 'moto[server]' || fail "pip could not install moto[server]"
  fi
  export ALLIANCE_MOTO_SERVER="$MOTO_VENV/bin/moto_server"
fi

# --- Rust ---------------------------------------------------------------------------------------
if ((RUN_RUST)); then
  step "cargo fmt --check"
  cargo fmt --all -- --check

  step "Architecture checks (scripts/check-architecture.sh)"
  bash scripts/check-architecture.sh

  step "cargo clippy (warnings are errors)"
  cargo clippy --workspace --all-targets --locked -- -D warnings

  if cargo nextest --version >/dev/null 2>&1; then
    step "Rust tests (cargo nextest)"
    cargo nextest run --workspace --locked --no-fail-fast
  else
    step "Rust tests (cargo test; install cargo-nextest for a faster run)"
    cargo test --workspace --locked --no-fail-fast
  fi
fi

# --- Web client ---------------------------------------------------------------------------------
if ((RUN_WEB)); then
  step "Web client: npm ci"
  (cd frontend && npm ci --no-audit --no-fund)
  step "Web client: npm run build (codegen, typecheck, bundle)"
  (cd frontend && npm run build)
  # Fails above the budget (WEIGHT_BUDGET_KB, default 200).
  step "Web client: weight of /login (scripts/weight.sh)"
  bash scripts/weight.sh
fi

# --- Browser end-to-end tests -------------------------------------------------------------------
if ((RUN_E2E)); then
  step "E2E: npm ci (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund)

  step "E2E: building the server (debug)"
  cargo build --locked -p alliance-server
  ALLIANCE_BIN="${CARGO_TARGET_DIR:-${ROOT}/target}/debug/alliance"
  [[ -x "$ALLIANCE_BIN" ]] || fail "the build did not produce ${ALLIANCE_BIN}"

  step "E2E: fresh database ${E2E_DB}"
  psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS ${E2E_DB} WITH (FORCE)" \
    -c "CREATE DATABASE ${E2E_DB}"
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${E2E_DB}"
  "$ALLIANCE_BIN" migrate
  "$ALLIANCE_BIN" seed --demo

  SERVER_LOG="${ROOT}/target/e2e-server.log"
  mkdir -p "$(dirname "$SERVER_LOG")"
  step "E2E: starting the server on 127.0.0.1:${E2E_PORT} (log: ${SERVER_LOG#"${ROOT}/"})"
  SERVER_PID=""
  stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
      kill -TERM "$SERVER_PID" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
      done
      kill -KILL "$SERVER_PID" 2>/dev/null || true
      wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
  }
  show_log() {
    printf '\n--- last lines of %s ---\n' "$SERVER_LOG" >&2
    tail -n 40 "$SERVER_LOG" >&2 || true
  }
  trap stop_server EXIT
  trap 'stop_server; exit 130' INT
  trap 'stop_server; exit 143' TERM

  ALLIANCE_DEV=1 \
    ALLIANCE_LISTEN="127.0.0.1:${E2E_PORT}" \
    ALLIANCE_PUBLIC_URL="http://localhost:${E2E_PORT}" \
    ALLIANCE_WEB_DIST="${ROOT}/frontend/dist" \
    NO_COLOR=1 "$ALLIANCE_BIN" serve >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!

  ready=0
  for _ in $(seq 1 120); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      show_log
      fail "the server exited before it was ready"
    fi
    if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${E2E_PORT}/readyz"; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if ((!ready)); then
    show_log
    fail "the server was not ready within 60 s"
  fi
  echo "server ready"

  if ((RUN_BROWSER_TESTS)); then
    step "E2E: browser tests (node --test tests/e2e/)"
    if ! ALLIANCE_E2E_URL="http://localhost:${E2E_PORT}" CHROMIUM_PATH="$CHROMIUM_PATH" \
      node --test tests/e2e/; then
      show_log
      fail "browser tests failed (screenshots of failures: tests/e2e/artifacts/)"
    fi
  fi

  # Reported, not asserted: the scores move with the machine's load (README, "Weight").
  step "Web benchmark: Lighthouse mobile scores (tests/e2e/lighthouse.mjs)"
  if ! ALLIANCE_E2E_URL="http://localhost:${E2E_PORT}" CHROMIUM_PATH="$CHROMIUM_PATH" \
    node tests/e2e/lighthouse.mjs; then
    show_log
    fail "Lighthouse could not run"
  fi
  stop_server
fi

step "All tests passed"
