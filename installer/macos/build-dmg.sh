#!/usr/bin/env bash
# macOS: wrap the one-folder bundle in an .app and a .dmg. Run on a Mac after
# `bash installer/build.sh` has produced dist/art5/. Signing and notarisation are release
# steps (installer/README.md); without them Gatekeeper asks the user to confirm the first start.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT/dist"
version="$("$ROOT/.venv/bin/python" -c 'import app; print(app.__version__)')"
APP="Art5 Assessor.app"
rm -rf "$APP"
mkdir -p "$APP/Contents/MacOS" "$APP/Contents/Resources"
cp -R art5/ "$APP/Contents/MacOS/"
cat > "$APP/Contents/MacOS/launch" <<'SH'
#!/bin/sh
exec "$(dirname "$0")/art5" gui
SH
chmod +x "$APP/Contents/MacOS/launch"
sed "s/@VERSION@/$version/" "$ROOT/installer/macos/Info.plist" > "$APP/Contents/Info.plist"
hdiutil create -volname "Art5 Assessor" -srcfolder "$APP" -ov -format UDZO "art5-assessor-$version.dmg"
