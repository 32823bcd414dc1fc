#!/usr/bin/env bash
# Prints raw and gzip -9 sizes of the .wasm, .js and .css files in a build folder.
set -euo pipefail
dir=${1:-dist}
printf '%-44s %10s %10s\n' file raw gzip
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
  [ -e "$f" ] || continue
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"
done
