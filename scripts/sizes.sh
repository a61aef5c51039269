#!/usr/bin/env bash
# gzip -9 sizes of what dist/ ships. With --check, fails when a budget of the
# performance issue is exceeded (sizes are stable, so they are enforced here).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${DIST:-dist}
gz() { cat "$@" 2>/dev/null | gzip -9 -c | wc -c; }
wasm=$(gz "$DIST"/*.wasm)
js=$(gz "$DIST"/*.js)
css=$(gz "$DIST"/*.css)
printf 'Shipped (gzip -9): wasm %d B, js %d B, css %d B, js+css %d B\n' "$wasm" "$js" "$css" $((js + css))
if [[ "${1:-}" == "--check" ]]; then
  # Regression guards: wasm (app + extractor + data + analyses + bundles +
  # overviews) <= 740 KiB; JS + CSS <= 20 KiB. Issue 8's targets (app <= 150 KB,
  # data <= 300 KB) are not met; make bench reports both figures.
  fail=0
  (( wasm <= 740 * 1024 )) || { echo "over budget: wasm $wasm B > 740 KiB"; fail=1; }
  (( js + css <= 20 * 1024 )) || { echo "over budget: js+css $((js + css)) B > 20 KiB"; fail=1; }
  exit $fail
fi
