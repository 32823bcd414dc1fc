#!/usr/bin/env bash
# Installs what the two README commands need, skipping whatever is already there, so that a warm
# machine passes through in seconds. Nothing here downloads from GitHub.
#   scripts/setup.sh            build tools: wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh --test     the above plus what the test command needs: Chromium,
#                               chromedriver, Playwright, cargo-fuzz and cargo-deny
#   scripts/setup.sh --bench    the above plus twiggy, for the benchmark's table of the bytes
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
say() { printf '[setup] %s\n' "$*" >&2; }

# Runs an install ("$@"), saying beforehand what it is and how long it took on a fresh 2-core
# machine, every minute how far in it is against that, and at the end how long it took.
install_step() {
  local what=$1 estimate=$2
  shift 2
  if [ "$estimate" -ge 60 ]; then
    say "installing $what (about $((estimate / 60)) min on 2 cores, once)"
  else
    say "installing $what (under a minute, once)"
  fi
  local start
  start=$(date +%s)
  (
    while sleep 60; do
      local spent=$(($(date +%s) - start))
      local left=$(((estimate - spent + 59) / 60))
      if [ "$left" -gt 0 ]; then
        say "$what: $((spent / 60)) min in, about $left min left"
      else
        say "$what: $((spent / 60)) min in, nearly done"
      fi
    done
  ) &
  local ticker=$!
  local rc=0
  "$@" || rc=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then
    say "installing $what failed"
    exit "$rc"
  fi
  local spent=$(($(date +%s) - start))
  say "$what installed in $((spent / 60)) min $((spent % 60)) s"
}

# The wasm target (rust-toolchain.toml names it; rustup adds it on first use, but be explicit).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk, pinned: 0.22 needs a newer rustc than this machine has.
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  # Without its default features (the update check and TLS): it serves plain HTTP on
  # 127.0.0.1 and finds wasm-bindgen and wasm-opt installed, so it never fetches anything.
  install_step "trunk $TRUNK_VERSION" 340 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly, or trunk tries to
# download one. Installed without --locked: the registry mirror lacks a crate its lockfile pins.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
  install_step "wasm-bindgen-cli $bindgen_version" 120 \
    cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# npm packages: wasm-opt (binaryen) and Playwright. `npm ci` only when the lockfile changed.
if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock.json
fi

if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--bench" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The fuzzer (scripts/fuzz.sh) and the supply-chain check (deny.toml), from crates.io.
  if ! cargo fuzz --version 2>/dev/null | grep -q "cargo-fuzz 0.13.2"; then
    install_step "cargo-fuzz 0.13.2" 30 cargo install cargo-fuzz --version 0.13.2 --locked
  fi
  if ! cargo deny --version 2>/dev/null | grep -q "cargo-deny 0.20.2"; then
    install_step "cargo-deny 0.20.2" 150 cargo install cargo-deny --version 0.20.2 --locked
  fi
fi
if [ "${1:-}" = "--bench" ] && ! twiggy --version 2>/dev/null | grep -qx "twiggy-opt 0.8.0"; then
  install_step "twiggy 0.8.0" 50 cargo install twiggy --version 0.8.0 --locked
fi

# Every crate, so that offline builds (trunk --offline) find what they need.
cargo fetch --quiet
