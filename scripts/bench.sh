#!/usr/bin/env bash
# `make bench`: build in release, prepare the sites to measure, then measure
# them in headless Chromium (scripts/bench/bench.mjs). Writes
# target/bench/report.json and target/bench/report.md. Times are noisy, so
# they are reported here and not enforced; sizes are enforced by `make test`.
#
#   BENCH_RUNS=15 (cold runs per first-render figure), BENCH_CLICKS=50
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench
mkdir -p "$OUT"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "==> release builds: the app, the floor counter, the CLI"
make --no-print-directory dist
floor_stamp="$OUT/floor/.built"
if [[ ! -f $floor_stamp ]] || [[ -n $(find crates/floor Cargo.lock -newer "$floor_stamp" -type f | head -1) ]]; then
  (cd crates/floor && trunk build --offline --release --dist ../../target/bench/floor)
  touch "$floor_stamp"
fi
cargo build --release -p entiscope-cli
B=target/release/entiscope

echo "==> synthetic corpora (documented as synthetic: entiscope_core::synth)"
for n in 10000 100000; do
  dir="$OUT/corpus-$n"
  if [[ ! -f $dir/.done || $B -nt $dir/.done ]]; then
    rm -rf "$dir"
    $B generate --articles "$n" --seed 1 --out "$dir"
    touch "$dir/.done"
  fi
done

# A site = the release build + a bundle, named by the page's meta tag.
site() { # <corpus dir> <site dir> [bundle args...]
  local corpus=$1 site=$2; shift 2
  rm -rf "$site" && cp -r dist "$site" && rm -f "$site"/.built*
  "$B" bundle "$corpus" --out "$site/bundle" "$@"
  for f in index.html 404.html; do
    sed -i 's|<meta name="referrer"|<meta name="entiscope-bundle" content="bundle/">\n  <meta name="referrer"|' "$site/$f"
  done
}
echo "==> bundles"
site "$OUT/corpus-10000" "$OUT/site-10k"
t0=$(date +%s.%N)
site "$OUT/corpus-100000" "$OUT/site-100k" --threads 1
t1=$(date +%s.%N)
"$B" bundle "$OUT/corpus-100000" --out "$OUT/bundle-100k-all-cores"
t2=$(date +%s.%N)
rm -rf "$OUT/bundle-100k-all-cores"

echo "==> native extraction throughput (divan, one core)"
cargo bench -p entiscope-core --bench extract -- extract_1mb 2>&1 | tee "$OUT/divan.log"
# divan prints the item throughput (words) as e.g. "3.1 Mitem/s" in the
# median column: take the line's median (third figure).
wps=$(python3 - "$OUT/divan.log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
scale = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}
rates = [float(n) * scale[u] for n, u in re.findall(r"([\d.]+) ([KMG]?)item/s", text)]
# columns: fastest, slowest, median, mean
print(int(rates[2]) if len(rates) >= 3 else 0)
PY
)
cores=$(nproc)
python3 - "$OUT" "$wps" "$t0" "$t1" "$t2" "$cores" <<'PY'
import json, sys, os, gzip, glob
out, wps, t0, t1, t2, cores = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:6]), int(sys.argv[6])
json.dump({"words_per_s": wps, "bundle_100k_one_core_s": round(t1 - t0, 1),
           "bundle_100k_all_cores_s": round(t2 - t1, 1), "cores": cores},
          open(os.path.join(out, "native.json"), "w"))
# What the app's wasm embeds as data: the outlet and furniture lists (for
# titles, outlets and dates), the quote lexicon, the default corpus and its
# build-time extraction. The extractor's module embeds the cue words (and
# its own copies of the outlet and furniture lists). The knowledge files
# (places, countries, given names, curated names) are in neither: the page
# fetches them from data/ when it first extracts text.
FETCHED = ["countries.tsv", "places.tsv", "known.tsv", "given_names.txt"]
EXTRACTOR_ONLY = ["cues.txt"]
extractor_files = sorted(glob.glob("crates/core/data/*.tsv") + glob.glob("crates/core/data/*.txt"))
extractor_files = [f for f in extractor_files if os.path.basename(f) not in FETCHED]
files = sorted([f for f in extractor_files if os.path.basename(f) not in EXTRACTOR_ONLY]
               + ["crates/core/src/across/lexicon.txt"] + glob.glob("corpus/*.txt")
               + sorted(glob.glob("target/wasm32-unknown-unknown/wasm-release/build/entiscope-app-*/out/extraction.postcard"),
                        key=os.path.getmtime)[-1:])
fetched = [os.path.join("dist/data", f) for f in FETCHED]
fetched_gz = sum(len(gzip.compress(open(f, "rb").read(), 9)) for f in fetched)
blob = b"".join(open(f, "rb").read() for f in files)
def bundle(d):
    fs = glob.glob(os.path.join(d, "*.gz"))
    head = [f for f in fs if f.endswith("head.bin.gz")]
    post = [f for f in fs if f.endswith("postings.bin.gz")]
    return {"head": sum(map(os.path.getsize, head)), "postings": sum(map(os.path.getsize, post)),
            "texts": sum(map(os.path.getsize, fs)) - sum(map(os.path.getsize, head + post)), "chunks": len(fs) - 2}
extractor_blob = b"".join(open(f, "rb").read() for f in extractor_files)
json.dump({"embedded_data_gz": len(gzip.compress(blob, 9)), "data_files": files,
           "extractor_embedded_data_gz": len(gzip.compress(extractor_blob, 9)),
           "extractor_data_files": extractor_files,
           "fetched_data_gz": fetched_gz, "fetched_data_files": fetched,
           "bundle_10k": bundle(os.path.join(out, "site-10k/bundle")),
           "bundle_100k": bundle(os.path.join(out, "site-100k/bundle"))},
          open(os.path.join(out, "sizes.json"), "w"), indent=1)
PY

echo "==> browser measurements"
node scripts/bench/bench.mjs
echo "report: $OUT/report.json, $OUT/report.md"
