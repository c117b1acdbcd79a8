#!/bin/sh
# Collect the interface's texts into resources/i18n/annotator_de.ts (new texts come in as
# "unfinished", texts no longer in the code as "vanished"); then translate them with Qt Linguist
# (pyside6-linguist) or in the file itself. docs/translations.md says how.
set -eu
cd "$(dirname "$0")/.."
pyside6-lupdate -locations relative -no-obsolete annotator/ui/*.py -ts resources/i18n/annotator_de.ts "$@"
