#!/usr/bin/env bash
# gzip -9 size of each embedded data file and of all of them together.
set -euo pipefail
cd "$(dirname "$0")/../../crates/core/data"
total=0
for f in countries.tsv places.tsv known.tsv outlets.tsv cues.txt given_names.txt furniture.txt; do
    raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
    printf '%-16s %8d bytes  %7d gzip\n' "$f" "$raw" "$gz"
done
printf '%-16s %8s        %7d gzip (all, compressed one by one)\n' total "" "$total"
printf '%-16s %8s        %7d gzip (all, one stream)\n' concatenated "" "$(cat countries.tsv places.tsv known.tsv outlets.tsv cues.txt given_names.txt furniture.txt | gzip -9 | wc -c)"
