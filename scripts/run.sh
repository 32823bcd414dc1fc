#!/usr/bin/env bash
# Installs what is missing, then serves the app at http://127.0.0.1:8080: on the built-in demo
# data by default; with BASIQ_API_KEY set, through basiq-gateway against the real Basiq API
# (BASIQ_USER_ID: the user whose jobs are listed; BASIQ_API_URL: another API host), with
# --dev-allow-all, for your own machine only.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
if [ ! -d target/wasm32-unknown-unknown/debug ]; then
  echo "run.sh: the app's first build: about 3 minutes on 2 cores (cargo names each crate as it" \
    "compiles it); later starts take seconds" >&2
fi
if [ -z "${BASIQ_API_KEY:-}" ]; then
  exec trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
fi
user="${BASIQ_USER_ID:-}"
if [ -n "$user" ] && ! [[ "$user" =~ ^[A-Za-z0-9_-]{1,128}$ ]]; then
  echo "run.sh: BASIQ_USER_ID must be a Basiq user id (letters, digits, - and _)" >&2
  exit 2
fi
trunk build --release --offline
cargo build --release --quiet -p basiq-gateway
app_config=$(mktemp)
trap 'rm -f "$app_config"' EXIT
if [ -n "$user" ]; then
  printf '{"userId": "%s"}\n' "$user" > "$app_config"
else
  printf '{}\n' > "$app_config"
fi
echo "run.sh: the app through basiq-gateway at http://127.0.0.1:8080/ (the key stays in the gateway)"
target/release/basiq-gateway --listen 127.0.0.1:8080 --dist dist --app-config "$app_config" \
  --dev-allow-all "$@"
