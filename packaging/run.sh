#!/usr/bin/env bash
# Install annotator into ./.venv (with the system libraries Qt needs), put an `annotator` command
# on PATH (packaging/install-launcher.sh) and run it. The install is redone only when
# pyproject.toml or the system libraries' list changed since the last one (.venv/.installed).
# Usage: bash packaging/run.sh [annotator arguments]     e.g. bash packaging/run.sh demo
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=.venv/.installed
want="$(cat pyproject.toml packaging/system-deps.sh | sha256sum | cut -d' ' -f1)"
if [ ! -x .venv/bin/annotator ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  bash packaging/system-deps.sh
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  # without setuptools' note on editable installs, which asks nothing of the user
  PYTHONWARNINGS="ignore:Editable installation" .venv/bin/python -m pip install -q -e .
  echo "$want" >"$stamp"
fi
bash packaging/install-launcher.sh
exec .venv/bin/annotator "$@"
