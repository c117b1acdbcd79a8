#!/bin/sh
# Collect the interface's texts (annotator/ui, and annotator/app's messages) into resources/i18n/annotator_de.ts (new texts come in as
# "unfinished", texts no longer in the code are dropped) and the English plural forms into
# annotator_en.ts; then translate the new texts with Qt Linguist (pyside6-linguist) or in the
# file itself. docs/translations.md says how; the build compiles the .ts files (setup.py).
set -eu
cd "$(dirname "$0")/.."
pyside6-lupdate -locations relative -no-obsolete annotator/ui/*.py annotator/app/*.py -ts resources/i18n/annotator_de.ts
pyside6-lupdate -locations relative -no-obsolete -pluralonly annotator/ui/*.py annotator/app/*.py -ts resources/i18n/annotator_en.ts
