#!/usr/bin/env bash
# Put an `annotator` command on PATH: a two-line script in $XDG_BIN_HOME (default ~/.local/bin)
# that runs this checkout's .venv/bin/annotator. Says so in one line when it writes the script;
# a command of that name it did not write is left alone.
# Usage: bash packaging/install-launcher.sh      (packaging/run.sh calls it)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${XDG_BIN_HOME:-$HOME/.local/bin}"
launcher="$bin/annotator"
mark="# annotator launcher, written by packaging/install-launcher.sh"
body="#!/bin/sh
$mark
exec $(printf '%q' "$root/.venv/bin/annotator") \"\$@\""

if [ -e "$launcher" ] && ! grep -qxF "$mark" "$launcher"; then
  echo "annotator: $launcher is another program, left as it is; this one is $root/.venv/bin/annotator" >&2
  exit 0
fi
[ -f "$launcher" ] && [ "$(cat "$launcher")" = "$body" ] && exit 0
mkdir -p "$bin"
printf '%s\n' "$body" >"$launcher"
chmod 755 "$launcher"
case ":$PATH:" in
  *":$bin:"*) echo "annotator: the 'annotator' command is installed in $bin" >&2 ;;
  *) echo "annotator: the 'annotator' command is installed in $bin, which is not on PATH:" \
          "add it with  export PATH=\"$bin:\$PATH\"  (e.g. in ~/.profile)" >&2 ;;
esac
