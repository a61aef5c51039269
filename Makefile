# entiscope: the two commands that matter are `make serve` and `make test`.
# Every target installs what it needs first and skips what is already there,
# so both work on a fresh Debian machine with only the Rust toolchain.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION        := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
CARGO_BIN            := $(HOME)/.cargo/bin
export PATH          := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
PUBLIC_URL           ?= /
DIST                 ?= dist

.PHONY: help serve test dist eval bench fuzz setup setup-rust setup-node setup-browser setup-fuzz clean

help:
	@echo "make serve   install what is missing, build and serve the app at http://127.0.0.1:8080"
	@echo "make test    install what is missing and run every check and test"
	@echo "make dist    release build into dist/ (PUBLIC_URL=/repo/ for a sub-path)"
	@echo "make eval    score the extractor on the default corpus against ../shared/eval"
	@echo "make bench   measure sizes, first render, filter latency, extraction speed and memory"
	@echo "             (default corpus, 10,000 and 100,000 synthetic articles) into target/bench/"
	@echo "make fuzz    run every fuzz target for FUZZ_SECONDS each (default 300)"

## --- set-up (idempotent) ---------------------------------------------------

setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" \
	  || cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# npm tools (wasm-opt from binaryen 132, playwright-core, the workflow validator);
# re-run when the lock changes.
setup-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund
	@touch $@

setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

# cargo-fuzz drives libFuzzer; the stable toolchain runs it with
# RUSTC_BOOTSTRAP=1 and no sanitizer (no nightly can be fetched here).
setup-fuzz:
	@cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked

## --- the two commands -------------------------------------------------------

serve: setup
	trunk serve --offline --release

test: setup setup-browser setup-fuzz
	bash scripts/test.sh

## --- other entry points -----------------------------------------------------

# Everything a release build reads; a build newer than all of it is reused
# (wasm-opt alone takes about a minute per build).
APP_INPUTS := $(shell find src crates/core/src crates/core/data crates/extractor-web/src corpus style assets -type f 2>/dev/null) \
	index.html boot.js build.rs Cargo.toml Cargo.lock crates/core/Cargo.toml crates/extractor-web/Cargo.toml Trunk.toml \
	$(wildcard overrides.json)
STAMP = $(DIST)/.built$(subst /,-,$(PUBLIC_URL))

dist: setup $(STAMP)

$(STAMP): $(APP_INPUTS)
	trunk build --offline --release --public-url "$(PUBLIC_URL)" --dist "$(DIST)"
	@# Trunk ships the JS (loader, wasm-bindgen glue, snippet) as written;
	@# terser takes the first load's JS from about 16.7 to 10.5 KB gzip.
	@# (Trunk's own minifying is off: it would rewrite index.html, where a
	@# site names its bundle with a meta tag.)
	find "$(DIST)" -name '*.js' -not -path '*/.stage/*' -print0 \
	  | xargs -0 -I{} terser {} --module --compress --mangle --output {}
	cp "$(DIST)/index.html" "$(DIST)/404.html"
	@touch "$@"

eval:
	bash scripts/eval.sh

bench: setup setup-browser
	bash scripts/bench.sh

FUZZ_SECONDS ?= 300
FUZZ_TARGETS := extract url_state import workspace search bundle
fuzz: setup-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  echo "==> fuzz $$t ($(FUZZ_SECONDS)s)"; \
	  mkdir -p fuzz/corpus/$$t; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none --fuzz-dir fuzz $$t fuzz/corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|ERROR|panicked|Done" ; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done

clean:
	cargo clean
	rm -rf dist dist-sub dist-hostile node_modules fuzz/target
