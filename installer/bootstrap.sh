#!/usr/bin/env bash
# Shared set-up for the README's two commands: makes sure the Qt runtime libraries are present
# (installs them with apt-get when run as root on Debian/Ubuntu, otherwise names them), then creates
# .venv and installs the project with pinned versions. Quiet and quick when nothing changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

QT_DEBS="libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fontconfig fonts-dejavu-core \
libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0"
# Fonts for the scripts DejaVu does not draw in the PDFs (Arabic, Hebrew, Indic, Thai, ...: Noto;
# CJK: Droid Sans Fallback, TrueType, which reportlab can embed). app/pdf/fonts.py finds them in
# /usr/share/fonts; the bundle copies them into resources/fonts. Not in git: Debian ships them.
FONT_DEBS="fonts-noto-core fonts-droid-fallback"
EXTRA_DEBS="$FONT_DEBS ${ART5_EXTRA_DEBS:-}"

missing_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local p out=""
  for p in $QT_DEBS $EXTRA_DEBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out="$out $p"
  done
  echo "$out"
}

need="$(missing_debs)"
if [ -n "${need// /}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "art5: installing system libraries:${need}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $need >/dev/null
  else
    echo "art5: please install these system packages first (as root): apt-get install${need}" >&2
    exit 1
  fi
fi

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
  echo "art5: Python 3.11 or newer is needed ($PY is $("$PY" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.art5-installed"
want="$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "art5: installing Python packages into .venv (first run only)" >&2
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  # pip's own output (and the build backend's notices about editable installs) goes to a log,
  # shown only when the installation fails
  log=".venv/install.log"
  if ! .venv/bin/python -m pip install -q -c requirements.lock -e ".[test]" >"$log" 2>&1; then
    cat "$log" >&2
    echo "art5: installing the Python packages failed (the messages above are also in $log)" >&2
    exit 1
  fi
  echo "$want" > "$stamp"
fi
# The translations Qt loads (.qm) from their sources (.ts): built, never committed. Quick (under
# a second) and only when a source changed.
qm_stale=0
for ts in resources/translations/art5_*.ts; do
  [ -e "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ] || [ installer/translations.py -nt "$qm" ]; then qm_stale=1; fi
done
[ -f resources/translations/art5_xx.qm ] || qm_stale=1
if [ "$qm_stale" = "1" ]; then
  .venv/bin/python installer/translations.py build >/dev/null
fi
