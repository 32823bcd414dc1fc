#!/usr/bin/env bash
# Installs what the two README commands need, skipping whatever is already there, so that a warm
# machine passes through in seconds. Nothing here downloads from GitHub.
#   scripts/setup.sh            build tools: wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh --test     the above plus what the test command needs: Chromium,
#                               chromedriver, Playwright, cargo-fuzz and cargo-deny
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
say() { printf '[setup] %s\n' "$*" >&2; }

# The wasm target (rust-toolchain.toml names it; rustup adds it on first use, but be explicit).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk, pinned: 0.22 needs a newer rustc than this machine has.
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly, or trunk tries to
# download one. Installed without --locked: the registry mirror lacks a crate its lockfile pins.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
  say "installing wasm-bindgen-cli $bindgen_version (about 2 minutes, once)"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# npm packages: wasm-opt (binaryen) and Playwright. `npm ci` only when the lockfile changed.
if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock.json
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The fuzzer (scripts/fuzz.sh) and the supply-chain check (deny.toml), from crates.io.
  if ! cargo fuzz --version 2>/dev/null | grep -q "cargo-fuzz 0.13.2"; then
    say "installing cargo-fuzz 0.13.2 (under a minute, once)"
    cargo install cargo-fuzz --version 0.13.2 --locked
  fi
  if ! cargo deny --version 2>/dev/null | grep -q "cargo-deny 0.20.2"; then
    say "installing cargo-deny 0.20.2 (about 2 minutes, once)"
    cargo install cargo-deny --version 0.20.2 --locked
  fi
fi

# Every crate, so that offline builds (trunk --offline) find what they need.
cargo fetch --quiet
