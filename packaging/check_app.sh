#!/usr/bin/env bash
# Check the built one-folder app (packaging/build_app.sh) offscreen, in a throw-away home:
# it builds and opens the demo project, imports an article with the bundled German pipeline,
# and opens that project. Prints how long each start took.
# Usage: bash packaging/check_app.sh [path/to/annotator]     (default: dist/annotator/annotator)
set -euo pipefail
cd "$(dirname "$0")/.."
app="$(realpath "${1:-dist/annotator/annotator}")"
[ -x "$app" ] || { echo "check_app: no $app (run packaging/build_app.sh)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_CONFIG_HOME="$work/config" \
  XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" ANNOTATOR_NAME=check
mkdir -p "$HOME"
cd "$work"  # nothing of the checkout is in reach

step() {  # step NAME COMMAND...: run it (2 minutes at most), print its time
  local name="$1" start end; shift
  start=$(date +%s%N)
  if ! timeout 120 "$@" >"$work/out.txt" 2>"$work/err.txt"; then
    echo "check_app: $name failed:" >&2; cat "$work/out.txt" "$work/err.txt" >&2; exit 1
  fi
  end=$(date +%s%N)
  printf 'check_app: %-34s %5d ms\n' "$name" $(( (end - start) / 1000000 ))
}
expect() {  # expect PATTERN WHAT: the last step's output holds it
  grep -Eq "$1" "$work/out.txt" || {
    echo "check_app: expected $2, got:" >&2; cat "$work/out.txt" "$work/err.txt" >&2; exit 1; }
}
shown() {  # shown FILE: the window was saved as a PNG that is not a blank square
  [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] && \
    [ "$(stat -c %s "$1")" -gt 20000 ] || { echo "check_app: no window in $1" >&2; exit 1; }
}

step "help (the command starts)" "$app" --help
expect "import" "the command list"
step "demo: build it and open it" "$app" demo --screenshot "$work/demo.png"
shown "$work/demo.png"
step "demo: open it again" "$app" demo --screenshot "$work/demo2.png"
shown "$work/demo2.png"

cat >"$work/artikel.txt" <<'TEXT'
Hafenstadt vereinbart neue Fährverbindung

Kiel. Die Stadt Kiel und die Reederei Nordlicht haben am Montag eine neue Fährverbindung nach
Göteborg vereinbart. „Die erste Fahrt ist für den Frühling geplant“, sagte Bürgermeisterin
Anna Petersen im Rathaus. Der Verkehrsverbund Schleswig-Holstein begrüßte die Entscheidung.
TEXT
step "import an article" "$app" import "$work/p.db" "$work/artikel.txt"
expect "^1 imported.*[1-9][0-9]* entity suggestions" "one article with entity suggestions"
step "stats" "$app" stats "$work/p.db" --json
expect '"articles": 1' "the article in the project"
step "open the project" "$app" open "$work/p.db" --screenshot "$work/p.png"
shown "$work/p.png"
qm="$(dirname "$app")/_internal/annotator/resources/i18n/annotator_de.qm"
[ -s "$qm" ] || { echo "check_app: no German translation in the bundle ($qm)" >&2; exit 1; }
step "open it in German" env LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 "$app" open "$work/p.db" \
  --screenshot "$work/p-de.png"
shown "$work/p-de.png"
echo "check_app: ok ($(du -sm "$(dirname "$app")" | cut -f1) MB in $(dirname "$app"))"
