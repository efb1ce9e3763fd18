#!/usr/bin/env bash
# Start Art5 Assessor (the wizard). Extra arguments go to the art5 command, e.g. --data-dir DIR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/installer/bootstrap.sh"
exec "$ROOT/.venv/bin/art5" "$@"
