#!/usr/bin/env bash
# Installs everything, loads the demo database (the 国网咸宁供电公司 case) and opens the window.
# The demo lives in .demo-data/ unless REDPAIR_DATA_DIR names another folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export REDPAIR_DATA_DIR=${REDPAIR_DATA_DIR:-$PWD/.demo-data}
mkdir -p "$REDPAIR_DATA_DIR"
stations=$(.venv/bin/redpair info --json | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["stations"])')
[ "$stations" -gt 0 ] || .venv/bin/redpair demo
exec .venv/bin/redpair-desktop "$@"
