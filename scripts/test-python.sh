#!/usr/bin/env bash
# Builds the stance_matrix wheel (crates/python) with maturin, installs it
# into .venv (made by scripts/setup.sh) and runs its pytest suite.
#
# The wheel is built with cargo's `wheel` profile into the workspace's
# target/ directory, so a second run recompiles nothing. A pytest run that
# collects or runs no test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  echo "test-python: $VENV is missing: run scripts/setup.sh" >&2
  exit 1
fi
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"

wheels=target/wheels/stance_matrix
rm -rf "$wheels"
"$VENV/bin/maturin" build --locked --quiet -m crates/python/Cargo.toml -o "$wheels" --interpreter "$PY"
wheel=$(ls "$wheels"/stance_matrix-*.whl)
"$PY" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel"

report=target/pytest-python.xml
rc=0
(cd crates/python && "../../$PY" -m pytest -q -p no:cacheprovider --junitxml="../../$report" tests) || rc=$?
if [ "$rc" -eq 5 ]; then
  echo "test-python: pytest collected no tests" >&2
  exit 1
fi
[ "$rc" -eq 0 ] || exit "$rc"
"$PY" - "$report" <<'PY'
import sys
import xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot()
suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
tests, skipped = int(suite.get("tests")), int(suite.get("skipped"))
failed = int(suite.get("failures")) + int(suite.get("errors"))
ran = tests - skipped
print(f"test-python: {ran} passed, {failed} failed, {skipped} skipped")
if ran == 0 or failed:
    sys.exit("test-python: no test ran" if ran == 0 else "test-python: failures")
PY
