#!/usr/bin/env bash
# Runs every check: lint, supply chain, host tests, a bounded fuzz run, component tests in
# headless Chromium, the release build with its size budget, and end-to-end tests against it. Prints each level's summary; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

logs=$(mktemp -d)
summary=()
passed_total=0
failed_total=0

section() { printf '\n==== %s ====\n' "$*"; }

# Adds up "N passed" / "N failed" from a level's log (cargo's and Playwright's formats).
count() {
  local level=$1 log=$2 passed failed
  passed=$(grep -oE '[0-9]+ passed' "$log" | awk '{ s += $1 } END { print s + 0 }' || true)
  failed=$(grep -oE '[0-9]+ failed' "$log" | awk '{ s += $1 } END { print s + 0 }' || true)
  passed_total=$((passed_total + passed))
  failed_total=$((failed_total + failed))
  summary+=("$(printf '%-22s %5d passed, %d failed' "$level" "$passed" "$failed")")
}

run_level() {
  local level=$1; shift
  section "$level"
  local log="$logs/${level// /-}.log"
  if ! "$@" 2>&1 | tee "$log"; then
    count "$level" "$log"
    printf '\n%s FAILED\n' "$level"
    printf '%s\n' "${summary[@]}"
    exit 1
  fi
  count "$level" "$log"
}

section "lint"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p basiq-job-history --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
echo "lint: clean (fmt, clippy host, clippy wasm32)"

section "supply chain"
cargo deny --workspace --offline check --hide-inclusion-graph licenses bans sources
echo "supply chain: licences, bans and sources clean (deny.toml)"

run_level "host unit tests" cargo test --workspace

section "fuzz"
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"

# The browser tests talk to a mock Basiq server over real HTTP; the end-to-end tests also run
# basiq-gateway in front of one.
cargo build -p mock-basiq -p basiq-gateway --quiet
mock_port=4012
target/debug/mock-basiq --port "$mock_port" > "$logs/mock.log" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true' EXIT
export MOCK_BASIQ_URL="http://127.0.0.1:$mock_port"
run_level "browser components" cargo test -p basiq-job-history --target wasm32-unknown-unknown --test browser

section "release build"
trunk build --release --offline
run_level "size budget" scripts/sizes.sh dist

run_level "end-to-end" npx playwright test -c tests/e2e/playwright.config.ts

section "summary"
printf '%s\n' "${summary[@]}"
echo "$passed_total passed, $failed_total failed"
[ "$failed_total" -eq 0 ]
