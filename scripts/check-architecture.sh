#!/usr/bin/env bash
# Architecture checks that the compiler alone does not make: run by scripts/test.sh (and so by CI).
#  1. Only the policy module reads a principal's facts: the fact fields are `pub(in crate::policy)`,
#     and no code outside it takes a principal apart by matching on its variants.
#  2. The API crate talks to the domain only: no sea-orm dependency, no `sea_orm::` in its code.
#  3. Every domain read that the API can reach takes the principal: the loaders' batches are named
#     `*_visible`/`*_of_*` domain functions with a principal argument (checked in loaders.rs).
#  4. One clock: the current time comes only from the injected `Clock` (`services.now()`), so that
#     tests can stand on either side of a boundary; only `kernel/clock.rs` reads the system time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
failures=0
fail() {
  printf 'architecture: %s\n' "$*" >&2
  failures=$((failures + 1))
}

principal=crates/domain/src/policy/principal.rs
# Fields of the principal structs: every `name: Type,` line inside them must be policy-private.
if awk '/^pub struct (UserPrincipal|IntegrationPrincipal)/,/^}/' "$principal" |
  grep -E '^\s+pub [a-z_]+:' >/dev/null; then
  fail "$principal: a principal's facts must be pub(in crate::policy), not pub"
fi
# Destructuring a principal (`Principal::User(u) =>`, `let Principal::User(u) = …`) outside policy.
if grep -rnE 'Principal::(User|Integration)\((_|[a-z_]+)\)\s*(=>|=[^=>]|else)' \
  --include='*.rs' crates tests | grep -v '^crates/domain/src/policy/'; then
  fail "the lines above read a principal's facts outside crates/domain/src/policy/"
fi
if grep -rn 'sea-orm' crates/api/Cargo.toml >/dev/null || grep -rn 'sea_orm' crates/api/src >/dev/null; then
  fail "crates/api must not use sea-orm: it talks to the domain only"
fi
loaders=crates/api/src/kernel/loaders.rs
if grep -nE 'Box::pin\(async move \{ s\.\$method' "$loaders" >/dev/null; then
  fail "$loaders: batches must go through a domain façade (s.\$domain().\$method)"
fi
if ! grep -q 's.$domain().$method(&p, &ids' "$loaders"; then
  fail "$loaders: every batch passes the viewer's principal to the domain"
fi
# Reading the system time anywhere but the clock. `Instant::now()` (monotonic, for durations) is fine.
clock_pattern='Utc::now\(|SystemTime::now\(|Local::now\(|chrono::offset::Local|OffsetDateTime::now'
clock_hits=$(grep -rnE "$clock_pattern" --include='*.rs' crates | grep -v '^crates/domain/src/kernel/clock.rs:' || true)
if [[ -n "$clock_hits" ]]; then
  printf '%s\n' "$clock_hits" >&2
  fail "the lines above read the system time: use the injected clock (services.now()) instead"
fi
((failures == 0)) || exit 1
echo "architecture checks passed"
