#!/usr/bin/env bash
# Run the whole test suite (Qt offscreen). Extra arguments go to pytest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ART5_EXTRA_DEBS="poppler-utils xvfb" bash "$ROOT/installer/bootstrap.sh"
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec .venv/bin/python -m pytest "$@"
