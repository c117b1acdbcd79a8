#!/usr/bin/env bash
# Install annotator into ./.venv (with the system libraries Qt needs) and run it.
# Usage: bash packaging/run.sh [annotator arguments]     e.g. bash packaging/run.sh demo
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/system-deps.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/annotator "$@"
