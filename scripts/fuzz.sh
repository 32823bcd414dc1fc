#!/usr/bin/env bash
# Fuzzes parsing and status derivation (fuzz/fuzz_targets/parse_and_derive.rs) with libFuzzer for
# a bounded time, seeded from the shared Basiq fixtures; fails on a crash.
#   scripts/fuzz.sh [seconds]   (default: $FUZZ_SECONDS or 60)
# cargo-fuzz needs nightly-only compiler flags; RUSTC_BOOTSTRAP lets the one stable toolchain
# accept them. Without a sanitizer: a panic or an assertion is what counts as a crash here.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
seconds="${1:-${FUZZ_SECONDS:-60}}"
fixtures="${BASIQ_FIXTURES:-../shared/basiq/fixtures}"
corpus=fuzz/corpus/parse_and_derive
mkdir -p "$corpus"
cp "$fixtures"/*.json "$corpus"/
export RUSTC_BOOTSTRAP=1
cargo fuzz build --sanitizer none --release parse_and_derive
status=0
cargo fuzz run --sanitizer none --release parse_and_derive "$corpus" -- \
  -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=4096 -print_final_stats=1 \
  >fuzz/last-run.log 2>&1 || status=$?
grep -E '^(#[0-9]+ +(INITED|DONE)|Done|stat::number_of_executed_units|stat::peak_rss_mb|thread .* panicked|SUMMARY|==[0-9]+== ERROR)' fuzz/last-run.log || true
if [ "$status" -ne 0 ]; then
  tail -40 fuzz/last-run.log
  echo "fuzz: crash (exit $status); the input is under fuzz/artifacts/parse_and_derive/" >&2
fi
if [ "$status" -eq 0 ]; then
  runs=$(awk '/^stat::number_of_executed_units/ { print $2 }' fuzz/last-run.log)
  echo "fuzz: parse_and_derive ran ${runs:-?} inputs in ${seconds} s, no crash"
fi
exit "$status"
