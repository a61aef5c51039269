#!/usr/bin/env sh
# Trunk post-build hook: preload the JS snippets the app's glue imports.
#
# entiscope-app.js imports wasm-bindgen's snippet modules (src/*.js), whose
# folder name carries a hash, so index.html cannot name them. Without a
# preload, the browser learns of them only after parsing the glue, a second
# round of requests before the wasm can start (about 50 ms of first render).
# This adds a <link rel="modulepreload"> per snippet next to the glue's own.
set -eu
dir=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
html="$dir/index.html"
links=$(cd "$dir" && find snippets -name '*.js' 2>/dev/null | sort | while read -r f; do
  printf '  <link rel="modulepreload" href="%s" />\\n' "$f"
done)
[ -n "$links" ] || exit 0
anchor='<link rel="modulepreload" href="entiscope-app.js" />'
grep -qF "$anchor" "$html" || { echo "preload-snippets: $html has no '$anchor'" >&2; exit 1; }
sed -i "s#^\( *\)$anchor#&\\n$links#" "$html"
