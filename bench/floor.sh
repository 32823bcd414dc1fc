#!/usr/bin/env bash
# Prints the gzip size of the least Leptos app that does what this app's first view must do
# (bench/floor: router, one fetch, a serde list, keyed cards with a reactive status), built as
# the app is: same crate versions, release profile, wasm-bindgen and `wasm-opt -Oz`. It is the
# floor under issue 7's first-load target: the framework alone, before any of the app's features.
#   bench/floor.sh      (about 2 minutes cold; its build folder is bench/floor/target)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cd bench/floor
cargo build --release --offline --locked --target wasm32-unknown-unknown --quiet
out=target/site
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/release/floor.wasm
wasm-opt -Oz --enable-reference-types --output="$out/floor_bg.opt.wasm" "$out/floor_bg.wasm"
total=0
printf '%-24s %10s %10s\n' file raw gzip
for f in "$out/floor_bg.opt.wasm" "$out/floor.js"; do
  gz=$(gzip -9c "$f" | wc -c)
  total=$((total + gz))
  printf '%-24s %10d %10d\n' "$(basename "$f")" "$(wc -c <"$f")" "$gz"
done
printf '%-24s %10s %10d\n' "floor, total" "" "$total"
