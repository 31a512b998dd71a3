#!/usr/bin/env bash
# Installs whatever this project needs and is missing, from package registries
# only (Debian, crates.io, npm, PyPI), each step skipped when already present at the
# right version. Safe to run any number of times.
#
# Versions are pinned here and must agree with Cargo.lock and Trunk.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen library in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
# nginx-light: tests/e2e/nginx.test.mjs serves dist/ with deploy/nginx.conf.
APT_PACKAGES=(chromium chromium-driver fonts-noto-core fonts-hosny-amiri fonts-dejavu-core nginx-light)

say() { printf '[setup] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# --- Debian packages: Chromium for browser tests, Arabic fonts for real rendering,
# nginx for the deployment test.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Rust: the wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# --- Trunk, pinned (0.22 needs a newer rustc than this machine's).
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen CLI, equal to Cargo.lock.
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked fails on a yanked transitive release; fall back to a fresh resolve.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# --- npm: binaryen (wasm-opt 132) and playwright-core, exactly as in package-lock.json.
# npm writes node_modules/.package-lock.json on every install: when it is newer
# than package-lock.json and the tools are there, the install is current.
stamp=node_modules/.package-lock.json
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --prefer-offline >/dev/null
fi

# --- PyPI: brotli, for the transfer-size report.
if ! python3 -c "import brotli" 2>/dev/null; then
  say "installing the brotli module (pip)"
  python3 -m pip install --quiet --disable-pip-version-check "brotli==1.1.0" || say "brotli unavailable: the size report will show gzip only"
fi

# --- PyPI: a virtual environment for the Python package (crates/python):
# maturin builds its wheel, pytest runs its tests, dask[distributed] runs the
# cluster job, pandas backs to_pandas. Created once; pip runs only when a pin
# is missing or differs.
PY_PINS=("maturin==1.16.0" "pytest==9.2.0" "dask==2026.8.0" "distributed==2026.8.0" "pandas==3.1.1")
VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
  say "creating the Python virtual environment $VENV"
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" - "${PY_PINS[@]}" <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version
for pin in sys.argv[1:]:
    name, want = pin.split("==")
    try:
        if version(name) != want:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
then
  say "installing Python packages into $VENV: ${PY_PINS[*]}"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PY_PINS[@]}"
fi

# --- Rust crates, so that offline builds find them.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked

say "ready: trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(wasm-opt --version | awk '{print $1, $3}'), $(chromium --version 2>/dev/null | awk '{print $1, $2}')"
