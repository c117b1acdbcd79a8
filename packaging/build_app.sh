#!/usr/bin/env bash
# Build the one-folder app dist/annotator/ with PyInstaller from packaging/annotator.spec.
# Python: $PYTHON, else ./.venv (as packaging/run.sh and CI make it), else a new build/app-venv
# with the project installed. PyInstaller and its community hooks come from PyPI.
# Usage: bash packaging/build_app.sh        then: bash packaging/check_app.sh
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-}"
if [ -z "$python" ] && [ -x .venv/bin/python ]; then
  python=.venv/bin/python
elif [ -z "$python" ]; then
  [ -x build/app-venv/bin/python ] || python3 -m venv build/app-venv
  python=build/app-venv/bin/python
  "$python" -m pip install -q --upgrade pip
  "$python" -m pip install -q .
fi
"$python" -m pip install -q "pyinstaller>=6.10,<7" "pyinstaller-hooks-contrib>=2024.10"

# The interface's translations, compiled into the package as the wheel's build does (setup.py):
# an editable install made before they existed has none, and the bundle carries no lrelease.
lrelease=$("$python" -c 'import pathlib, PySide6; print(pathlib.Path(PySide6.__file__).parent / "lrelease")')
mkdir -p annotator/resources/i18n
for ts in resources/i18n/*.ts; do
  "$lrelease" -silent "$ts" -qm "annotator/resources/i18n/$(basename "${ts%.ts}").qm"
done

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/annotator.spec
echo "build_app: dist/annotator/ in $(( $(date +%s) - start )) s, $(du -sm dist/annotator | cut -f1) MB"
