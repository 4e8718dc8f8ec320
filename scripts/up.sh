#!/usr/bin/env bash
# Runs the whole of Alliance on this machine: Postgres, the database, the web client, the server
# (release build), migrations and the demo data, then serves http://localhost:8080 (with
# ALLIANCE_LISTEN=0.0.0.0:8080 also to phones on the same network, at the address it prints).
# Safe to run again: every step skips or repeats harmlessly what is already done.
#
# Settings come from the environment (see README.md and .env.example); a .env file at the
# repository root is loaded first when it exists.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

say() { printf '\n==> %s\n' "$*"; }
fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

if [[ -f .env ]]; then
  say "Loading settings from .env"
  set -a
  # shellcheck disable=SC1091
  . ./.env
  set +a
fi

say "Checking tools"
missing=()
for tool in cargo node npm psql pg_isready; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  fail "missing: ${missing[*]}. Install Rust (cargo), Node.js 20+ with npm, and PostgreSQL 15 (psql, pg_isready), then run this again."
fi
echo "cargo: $(cargo --version)"
echo "node:  $(node --version), npm $(npm --version)"
echo "psql:  $(psql --version)"

# The local Postgres is managed only when DATABASE_URL is not given: a given URL is the operator's own.
if [[ -z "${DATABASE_URL:-}" ]]; then
  DB_NAME=alliance
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB_NAME}"

  say "Checking Postgres on 127.0.0.1:5432"
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    command -v pg_ctlcluster >/dev/null 2>&1 ||
      fail "Postgres does not answer on 127.0.0.1:5432 and pg_ctlcluster is not available to start it. Start PostgreSQL, or set DATABASE_URL."
    echo "Postgres does not answer; starting cluster 15/main"
    pg_ctlcluster --skip-systemctl-redirect 15 main start
    for _ in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 && break
      sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p 5432 || fail "Postgres did not start within 30 s (see /var/log/postgresql/)."
  fi
  echo "Postgres is up"

  say "Checking database ${DB_NAME}"
  if psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'" | grep -q 1; then
    echo "database ${DB_NAME} exists"
  else
    psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE ${DB_NAME}"
    echo "database ${DB_NAME} created"
  fi
else
  say "Using DATABASE_URL from the environment"
fi

say "Building the web client (frontend/dist)"
(
  cd frontend
  npm ci --no-audit --no-fund
  npm run build
)

say "Building the server (cargo build --release -p alliance-server)"
cargo build --release --locked -p alliance-server
ALLIANCE_BIN="${CARGO_TARGET_DIR:-${ROOT}/target}/release/alliance"
[[ -x "$ALLIANCE_BIN" ]] || fail "the build did not produce ${ALLIANCE_BIN}"

say "Applying migrations"
"$ALLIANCE_BIN" migrate

say "Loading the demo data (idempotent)"
"$ALLIANCE_BIN" seed --demo

if [[ -z "${ALLIANCE_JWT_SECRET:-}" ]]; then
  # Development mode: the server generates a random signing secret (sessions end on restart).
  export ALLIANCE_DEV=1
fi
export ALLIANCE_WEB_DIST="${ALLIANCE_WEB_DIST:-${ROOT}/frontend/dist}"

listen="${ALLIANCE_LISTEN:-127.0.0.1:8080}"
port="${listen##*:}"
host="${listen%:*}"

# This machine's address on the local network (the first IPv4 address that is not loopback), read
# from the interfaces; nothing is sent anywhere.
lan_address() {
  local ip=""
  if command -v hostname >/dev/null 2>&1; then
    ip="$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -n 1 || true)"
  fi
  if [[ -z "$ip" ]] && command -v ip >/dev/null 2>&1; then
    ip="$(ip -4 -o addr show scope global 2>/dev/null | awk '{ sub(/\/.*/, "", $4); print $4; exit }' || true)"
  fi
  printf '%s' "$ip"
}

phone_url=""
case "$host" in
  0.0.0.0 | "[::]" | "::" | "")
    lan="$(lan_address)"
    if [[ -n "$lan" ]]; then
      phone_url="http://${lan}:${port}"
      # Invitation links and share cards name the address a phone can open, unless one is given.
      export ALLIANCE_PUBLIC_URL="${ALLIANCE_PUBLIC_URL:-${phone_url}}"
    fi
    ;;
  127.* | localhost | "[::1]") ;;
  *) phone_url="http://${host}:${port}" ;;
esac
url="${ALLIANCE_PUBLIC_URL:-http://localhost:${port}}"

if [[ -n "$phone_url" ]]; then
  phone_note="On a phone on the same network (Wi-Fi): ${phone_url}"
elif [[ "$host" == 127.* || "$host" == localhost || "$host" == "[::1]" ]]; then
  phone_note="Only this computer can reach it. For a phone on the same network, run:
      ALLIANCE_LISTEN=0.0.0.0:${port} ./scripts/up.sh"
else
  phone_note="Listening on ${listen}; no network address found for a phone (is the network up?)."
fi

cat <<EOF

==> Alliance is starting at ${url}
    GraphQL API: ${url}/graphql (GraphiQL in a browser)
    ${phone_note}

    Demo logins (password: alliance-demo-2026)
      admin@example.com        platform admin
      secretariat@example.com  alliance admin (secretariat) of 五家省级社会组织党建工作联合体
      convener@example.com     secretary of the current lead unit 安徽新四军革命传统教育基金会 (lead convener)
      supervisor@example.com   supervisor / instructor of the consortium
      orgadmin@example.com     organization admin of 省塑料协会
      member@example.com       member of 华安证券公益基金会

    Stop with Ctrl-C.

EOF

exec "$ALLIANCE_BIN" serve
