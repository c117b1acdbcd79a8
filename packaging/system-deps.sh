#!/usr/bin/env bash
# Install the Debian/Ubuntu libraries Qt's xcb platform plugin needs on a bare desktop.
# The list comes from `ldd` on PySide6's libQt6XcbQpa.so.6 and plugins/platforms/libqxcb.so;
# and two fonts: DejaVu for the text, Noto Color Emoji for the emoji that news quotes of social
# media carry (without it they are empty boxes).
# Usage: bash packaging/system-deps.sh [--with-xvfb]   (uses sudo when not root)
set -euo pipefail

packages=(
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
  libxcb-xkb1 libxcb1 libx11-xcb1 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 fonts-dejavu-core
  fonts-noto-color-emoji
)
# the test dependencies: an X server, and the validators of the .desktop and AppStream files
[ "${1:-}" = "--with-xvfb" ] && packages+=(xvfb xauth desktop-file-utils appstream)

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get here; install the equivalents of: ${packages[*]}" >&2
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "system-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
