#!/usr/bin/env bash
# Score the extractor on the default corpus against the shared gold:
# builds the CLI (release), writes predictions to target/eval/pred, then runs
# the shared scorer for PERSON,ORG,PLACE and for all five types.
set -euo pipefail
top=$(git rev-parse --show-toplevel)
cd "$top"
shared="$top/../shared"
[ -d "$shared/eval" ] || shared=/work/shared
if [ ! -f "$shared/eval/score.py" ]; then
    echo "eval: no shared/eval/score.py beside the repo or in /work/shared" >&2
    exit 2
fi
cargo build --release -q -p entiscope-cli
rm -rf target/eval/pred
./target/release/entiscope extract corpus --out target/eval/pred
echo "== PERSON, ORG, PLACE"
python3 "$shared/eval/score.py" --gold "$shared/eval/gold" --pred target/eval/pred --texts corpus --types PERSON,ORG,PLACE
echo
echo "== all five types"
python3 "$shared/eval/score.py" --gold "$shared/eval/gold" --pred target/eval/pred --texts corpus
