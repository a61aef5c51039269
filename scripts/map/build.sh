#!/usr/bin/env bash
# Rebuild assets/map.txt (the map view's country outlines) from the pinned
# npm packages in scripts/map/package-lock.json. Deterministic: the same
# packages give the same bytes.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
printf 'gzip -9: %d bytes\n' "$(gzip -9c ../../assets/map.txt | wc -c)"
