#!/usr/bin/env bash
# Score the extractor on the default corpus against the shared gold:
# builds the CLI (release), writes predictions to target/eval/pred, then runs
# the shared scorer for PERSON,ORG,PLACE and for all five types.
# Another annotated set: EVAL_CORPUS=dir EVAL_GOLD=dir make eval.
set -euo pipefail
top=$(git rev-parse --show-toplevel)
cd "$top"
shared="$top/../shared"
[ -d "$shared/eval" ] || shared=/work/shared
if [ ! -f "$shared/eval/score.py" ]; then
    echo "eval: no shared/eval/score.py beside the repo or in /work/shared" >&2
    exit 2
fi
corpus=${EVAL_CORPUS:-corpus}
gold=${EVAL_GOLD:-$shared/eval/gold}
cargo build --release -q -p entiscope-cli
rm -rf target/eval/pred
./target/release/entiscope extract "$corpus" --out target/eval/pred
echo "== PERSON, ORG, PLACE"
python3 "$shared/eval/score.py" --gold "$gold" --pred target/eval/pred --texts "$corpus" --types PERSON,ORG,PLACE
echo
echo "== all five types"
python3 "$shared/eval/score.py" --gold "$gold" --pred target/eval/pred --texts "$corpus"
# Linking on its own line, beside the gold scored as a prediction: the gold
# gives a nationality its country's id ("Armenian" and "Armenia": `armenia`)
# and the scorer keys ids across types, so the gold does not reach 100. The
# CLI keys a nationality apart from its country (`norp:armenia`).
purity() {
    python3 "$shared/eval/score.py" --gold "$gold" --pred "$1" --json |
        python3 -c 'import json, sys; f = json.load(sys.stdin)["micro"]["fragmentation"]; print("fragmentation %.2f, purity %.1f" % (f["fragmentation"], 100 * f["purity"]))'
}
echo
echo "== linking, all five types"
echo "predictions:          $(purity target/eval/pred)"
echo "gold as a prediction: $(purity "$gold")"
