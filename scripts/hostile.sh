#!/usr/bin/env bash
# Builds the site from the hostile test corpus (tests/hostile plus generated
# giants) into dist-hostile/, skipping bad files as a user would with
# ENTISCOPE_SKIP_BAD=1, and checks that the skipped file was reported by name.
# A separate target dir keeps the default build's cache warm.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
corpus=target/hostile-corpus
mkdir -p "$corpus"
# Files are rewritten only when their content changes, so a second run
# reuses the previous build (the build script watches their timestamps).
python3 - "$corpus" <<'PY'
import glob, os, random, shutil, sys
out = sys.argv[1]

def put(name, data):
    path = os.path.join(out, name)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if os.path.exists(path) and open(path, "rb").read() == data:
        return
    open(path, "wb").write(data)

for src in sorted(glob.glob("tests/hostile/*.txt")):
    put(os.path.basename(src), open(src, "rb").read())
random.seed(7)
words = "the talks in Baku and Yerevan resumed as Ilham Aliyev and Nikol Pashinyan met in Moscow while shelling hit Stepanakert and Ganja".split()
# One line of 100,000 characters (no line break at all).
line = []
n = 0
while n < 100_000:
    w = random.choice(words)
    line.append(w)
    n += len(w) + 1
put("04-long-line.txt", " ".join(line)[:100_000])
# A 5 MB article of ordinary paragraphs.
paras = []
size = 0
while size < 5_000_000:
    p = " ".join(random.choice(words) for _ in range(60)).capitalize() + "."
    paras.append(p)
    size += len(p) + 2
put("05-five-megabytes.txt", "\n\n".join(paras))
PY
log=target/hostile-build.log
stamp=dist-hostile/.built
inputs=$(find src crates/core/src crates/core/data crates/extractor-web style tests/hostile "$corpus" -type f; ls index.html boot.js build.rs Cargo.toml Cargo.lock Trunk.toml)
if [[ -f "$stamp" && -f "$log" ]] && [[ -z "$(find $inputs -newer "$stamp" 2>/dev/null | head -1)" ]]; then
  echo "hostile build is up to date"
  grep -q "skipped .*03-not-utf8.txt: not valid UTF-8" "$log" || { echo "hostile build: the non-UTF-8 file was not reported by name"; exit 1; }
  exit 0
fi
CARGO_TARGET_DIR=target/hostile-build ENTISCOPE_CORPUS="$corpus" ENTISCOPE_SKIP_BAD=1 \
  trunk build --offline --release --dist dist-hostile 2>&1 | tee "$log" | grep -E "warning|error|success" || true
grep -q "skipped .*03-not-utf8.txt: not valid UTF-8" "$log" \
  || { echo "hostile build: the non-UTF-8 file was not reported by name"; exit 1; }
test -f dist-hostile/index.html || { echo "hostile build: no dist-hostile/index.html"; exit 1; }
touch "$stamp"
echo "hostile corpus built: $(ls "$corpus" | wc -l) files, 03-not-utf8.txt skipped and reported"
