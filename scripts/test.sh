#!/usr/bin/env bash
# Runs every check and test in order, stopping at the first failure, then
# prints the test counts and the gzip sizes of what ships. Called by
# `make test` after the set-up targets; logs go to target/test-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=target/test-logs
rm -rf "$LOG" && mkdir -p "$LOG"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
started=$SECONDS

step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "==> $name: $*"
  if ! "$@" > >(tee "$LOG/$name.log") 2>&1; then
    echo "FAILED at step '$name' (log: $LOG/$name.log)"
    exit 1
  fi
  wait
  echo "    $name ok ($((SECONDS - t0))s)"
}

step fmt            cargo fmt --all --check
step clippy-native  cargo clippy --workspace --all-targets -- -D warnings
step clippy-wasm    cargo clippy --target wasm32-unknown-unknown -p entiscope-app -p entiscope-core -p entiscope-extractor -- -D warnings
step test-native    cargo test --workspace
step test-wasm      cargo test --target wasm32-unknown-unknown -p entiscope-app
step lint-workflows action-validator .github/workflows/pages.yml
step build          make --no-print-directory dist
step build-subpath  make --no-print-directory dist PUBLIC_URL=/entiscope/ DIST=dist-sub
step size-budgets   bash scripts/sizes.sh --check
step build-hostile  bash scripts/hostile.sh
step fuzz-smoke     make --no-print-directory fuzz FUZZ_SECONDS=4
step e2e            node --test --test-concurrency=1 tests/e2e/

# --- summary --------------------------------------------------------------
sum_cargo() { grep -hoE "test result: ok\. [0-9]+ passed" "$@" | awk '{s+=$4} END {print s+0}'; }
native=$(sum_cargo "$LOG/test-native.log")
wasm=$(sum_cargo "$LOG/test-wasm.log")
e2e_pass=$(grep -hoE "^# pass [0-9]+" "$LOG/e2e.log" | awk '{print $3}')
e2e_fail=$(grep -hoE "^# fail [0-9]+" "$LOG/e2e.log" | awk '{print $3}')
echo
echo "Tests: native $native, wasm (headless Chromium) $wasm, end-to-end $e2e_pass"
bash scripts/sizes.sh
echo "Total time: $((SECONDS - started))s"
echo "all: $((native + wasm + e2e_pass)) passed, ${e2e_fail:-0} failed"
