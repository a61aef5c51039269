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

.PHONY: help serve test dist eval setup setup-rust setup-node setup-browser clean

help:
	@echo "make serve   install what is missing, build and serve the app at http://127.0.0.1:8080"
	@echo "make test    install what is missing and run every check and test"
	@echo "make dist    release build into dist/ (PUBLIC_URL=/repo/ for a sub-path)"
	@echo "make eval    score the extractor on the default corpus against ../shared/eval"

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
	npm ci --no-audit --no-fund
	@touch $@

setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

## --- the two commands -------------------------------------------------------

serve: setup
	trunk serve --offline --release

test: setup setup-browser
	bash scripts/test.sh

## --- other entry points -----------------------------------------------------

dist: setup
	trunk build --offline --release --public-url "$(PUBLIC_URL)" --dist "$(DIST)"
	cp "$(DIST)/index.html" "$(DIST)/404.html"

eval:
	bash scripts/eval.sh

clean:
	cargo clean
	rm -rf dist dist-sub node_modules
