#!/usr/bin/env bash
# The Python package's check: a fresh virtual environment in a temporary directory,
# `pip install ./python pytest` (pip fetches maturin, the build backend, and builds the Rust
# extension), then `pytest python/tests -q`. Run it from anywhere; it works from the
# repository root. PYTHON picks the interpreter (default: python3); KHRONIKA_CI_PANDAS=1
# installs pandas too, so that the DataFrame tests run instead of being skipped.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

start=$SECONDS
"$python" -m venv "$tmp/venv"
venv_python="$tmp/venv/bin/python"
extra=()
if [ "${KHRONIKA_CI_PANDAS:-0}" = 1 ]; then
    extra+=(pandas)
fi
"$venv_python" -m pip install --quiet --disable-pip-version-check ./python pytest ${extra[@]+"${extra[@]}"}
echo "python/ci.sh: installed in $((SECONDS - start)) s"
# From the repository root, so that `import khronika` is the installed package (python/ is
# not on the path).
"$venv_python" -m pytest python/tests -q -p no:cacheprovider
echo "python/ci.sh: done in $((SECONDS - start)) s"
