#!/usr/bin/env bash
# The benchmark: builds the release, serves it and the plain-JS baseline (bench/baseline.*) with
# the mock Basiq server, drives headless Chromium; prints a Markdown table and writes
# bench/results.json and BENCHMARKS.md. It prints figures; it is not a test.
#   BENCH_RUNS=10 (runs at 100 and 1,000 jobs, and repeat visits; at 10,000 jobs half) BENCH_PORT=4390
#   BENCH_ONLY=startup (first load, startup and render only, printed) or triage (with opening a
#   saved file), updates, profile (the traced cold loads), gateway or bytes (that section only;
#   the others kept from the last full run). The gateway's load run
#   (basiq-gateway/examples/load.rs) comes first, before the browser starts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
source scripts/env.sh
trunk build --release --offline
cargo build -p mock-basiq --release --quiet
# Where the bytes go (bench/bytes.mjs): the build's wasm-bindgen output through dist/'s
# `wasm-opt -Oz`, its names kept for twiggy.
BYTES_WASM=$(mktemp --suffix=.wasm)
export BYTES_WASM
wasm-opt -Oz -g target/wasm-bindgen/release/basiq-job-history_bg.wasm -o "$BYTES_WASM"
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = gateway ]; then
  GATEWAY_RESULT=$(cargo run --release --quiet -p basiq-gateway --example load -- 20000 200 | grep '^GATEWAY ')
  echo "$GATEWAY_RESULT"
  export GATEWAY_RESULT
fi
site=$(mktemp -d)
cp -r dist/. "$site"/
cp bench/baseline.html bench/baseline.js "$site"/
cp "$site"/style-*.css "$site"/app.css
# The baseline shows the app's playbook for failures: its text, inlined (`<` escaped for HTML).
cargo run -p basiq-job-history --release --quiet --example playbook_json | node -e '
  const fs = require("fs"), file = process.argv[1];
  const json = fs.readFileSync(0, "utf8").trim().replace(/</g, "\\u003c");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("__PLAYBOOK__", () => json));' "$site/baseline.html"
printf '{"apiBaseUrl": "/basiq", "userId": "a2cb616d-2a1c-4c08-b448-cedb22e707f6"}\n' > "$site"/config.json
port="${BENCH_PORT:-4390}"
target/release/mock-basiq --port "$port" --static "$site" > "$site/mock.log" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true; rm -rf "$site" "$BYTES_WASM"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" > /dev/null && break; sleep 0.1; done
node bench/run.mjs "$site" "$port"
