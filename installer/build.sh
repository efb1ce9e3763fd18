#!/usr/bin/env bash
# Build the one-folder bundle dist/art5/ (the program is dist/art5/art5, art5.exe on Windows)
# on the machine it runs on, then run its self-test offscreen. Offline once the packages are
# installed. Also writes dist/art5-<version>-linux-<arch>.tar.gz with a .desktop file on Linux.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash installer/bootstrap.sh
.venv/bin/python -m pip install -q -c requirements.lock -e ".[build]"
.venv/bin/python installer/translations.py check >/dev/null || {
  echo "build: untranslated strings (run: .venv/bin/python installer/translations.py check)" >&2; exit 1; }
.venv/bin/python installer/translations.py build >/dev/null
rm -rf build/art5 dist/art5
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build installer/art5.spec
BIN="dist/art5/art5"
[ -x "$BIN" ] || BIN="dist/art5/art5.exe"
QT_QPA_PLATFORM=offscreen ART5_DATA_DIR="$(mktemp -d)" "$BIN" self-test
if [ "$(uname -s)" = "Linux" ]; then
  version="$(.venv/bin/python -c 'import app; print(app.__version__)')"
  cp installer/linux/art5.desktop dist/art5/
  tar -C dist -czf "dist/art5-${version}-linux-$(uname -m).tar.gz" art5
  echo "built dist/art5/ and dist/art5-${version}-linux-$(uname -m).tar.gz"
fi
