#!/usr/bin/env bash
# gzip -9 sizes of what dist/ ships. With --check, fails when a budget of the
# performance issue is exceeded (sizes are stable, so they are enforced here).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${DIST:-dist}
gz() { cat "$@" 2>/dev/null | gzip -9 -c | wc -c; }
# The app's wasm, glue and snippets and the CSS are what every visit loads;
# the extractor's module (wasm + glue) and its knowledge files are fetched
# when a reader first adds articles.
app_wasm=$(gz "$DIST"/entiscope-app_bg.wasm)
ex_wasm=$(gz "$DIST"/entiscope-extractor_bg.wasm)
js=$(gz "$DIST"/boot.js "$DIST"/entiscope-app.js $(find "$DIST/snippets" -name '*.js' | sort))
ex_js=$(gz "$DIST"/entiscope-extractor.js)
css=$(gz "$DIST"/*.css)
data=$(for f in countries.tsv places.tsv known.tsv given_names.txt; do gzip -9 -c "$DIST/data/$f" | wc -c; done | awk '{s += $1} END {print s + 0}')
printf 'Shipped (gzip -9), first load: app wasm %d B, js %d B, css %d B, js+css %d B\n' "$app_wasm" "$js" "$css" $((js + css))
printf 'Shipped (gzip -9), on first extraction: extractor wasm %d B, its js %d B, knowledge files %d B (extractor with data %d B)\n' \
  "$ex_wasm" "$ex_js" "$data" $((ex_wasm + ex_js + data))
if [[ "${1:-}" == "--check" ]]; then
  # Regression guards: the app's wasm (explorer, workspace, analyses, bundles,
  # overviews, embedded corpus) <= 470 KiB; the extractor's module <= 160 KiB;
  # knowledge files <= 300 KB (issue 8's data budget); first-load JS + CSS
  # <= 20 KiB. Issue 8's app target (<= 150 KB) is not met; make bench
  # reports the figures.
  fail=0
  (( app_wasm > 0 && app_wasm <= 470 * 1024 )) || { echo "app wasm: $app_wasm B (missing, or over 470 KiB)"; fail=1; }
  (( ex_wasm > 0 && ex_wasm <= 160 * 1024 )) || { echo "extractor wasm: $ex_wasm B (missing, or over 160 KiB)"; fail=1; }
  (( data > 0 && data <= 300 * 1000 )) || { echo "knowledge files: $data B (missing, or over 300 KB)"; fail=1; }
  (( js + css <= 20 * 1024 )) || { echo "over budget: first-load js+css $((js + css)) B > 20 KiB"; fail=1; }
  # Every file index.html preloads must exist (the glue's snippet folder is
  # named by wasm-bindgen; a renamed one would silently cost a round trip).
  for f in $(grep -o 'rel="modulepreload" href="[^"]*"' "$DIST/index.html" | sed 's/.*href="//; s/"$//'); do
    [[ -f "$DIST/$f" ]] || { echo "index.html preloads $f, which $DIST/ does not have"; fail=1; }
  done
  exit $fail
fi
