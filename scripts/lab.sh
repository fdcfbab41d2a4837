#!/usr/bin/env bash
# `make lab`: JupyterLab on notebooks/ with the project's kernel. Extra arguments go to jupyter lab
# (e.g. scripts/lab.sh --port 8890 --no-browser). Root (containers) needs --allow-root.
set -euo pipefail
cd "$(dirname "$0")/.."
extra=()
if [ "$(id -u)" = 0 ]; then extra+=(--allow-root); fi
exec .venv/bin/jupyter lab --ServerApp.root_dir=notebooks "${extra[@]}" "$@"
