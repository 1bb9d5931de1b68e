# korpus: build, test, demo, benchmark. `make test` is what CI runs (.ci/run).

CARGO ?= cargo
BENCH ?= ../shared/bench
BENCH_PYTHON ?= python3
PREFIX ?= $(HOME)/.cargo

.PHONY: all build test lint demo man install bench bench-pipeline clean

all: build

build:
	$(CARGO) build --release --workspace

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Every test: formatting, lints, unit, binary, property and pipeline tests.
# The examples' scripts, which the pipeline tests run, need jq (installed here when missing).
test: lint
	@command -v jq >/dev/null 2>&1 || sh scripts/install-jq.sh
	$(CARGO) test --workspace

# The demo: the filters on examples/, then the three questions in jq and in DuckDB SQL. Installs
# what it needs: jq (apt-get, as root) and DuckDB (from PyPI into target/duckdb-venv).
DUCKDB_VENV ?= target/duckdb-venv

$(DUCKDB_VENV)/bin/python:
	python3 -m venv $(DUCKDB_VENV)
	$(DUCKDB_VENV)/bin/pip install --quiet duckdb

demo: build $(DUCKDB_VENV)/bin/python
	@command -v jq >/dev/null 2>&1 || sh scripts/install-jq.sh
	sh examples/demo.sh
	@echo
	DUCKDB_PYTHON=$(DUCKDB_VENV)/bin/python sh examples/questions.sh

# Write man/*.1 anew from the clap definitions (a test fails when they are out of date).
man:
	KORPUS_UPDATE_MAN=1 $(CARGO) test -p korpus-normalize --test man
	KORPUS_UPDATE_MAN=1 $(CARGO) test -p korpus-sentences --test man
	KORPUS_UPDATE_MAN=1 $(CARGO) test -p korpus-numbers --test man
	KORPUS_UPDATE_MAN=1 $(CARGO) test -p korpus-quotes --test man
	KORPUS_UPDATE_MAN=1 $(CARGO) test -p korpus-dedupe --test man

install:
	$(CARGO) install --locked --path crates/normalize --root $(PREFIX)
	$(CARGO) install --locked --path crates/sentences --root $(PREFIX)
	$(CARGO) install --locked --path crates/numbers --root $(PREFIX)
	$(CARGO) install --locked --path crates/quotes --root $(PREFIX)
	$(CARGO) install --locked --path crates/dedupe --root $(PREFIX)
	install -d $(PREFIX)/share/man/man1
	install -m 644 man/*.1 $(PREFIX)/share/man/man1/
	install -d $(PREFIX)/share/man/man7
	install -m 644 man/korpus.7 $(PREFIX)/share/man/man7/

# Throughput and quality beside the peers, with the shared bench scripts (a benchmark, never a
# test). BENCH_PYTHON=VENV/bin/python adds the Python peers (ftfy, pysbd, ...) installed there;
# RUST_PEERS=path/to/rust_peers adds the sentencex and UAX #29 Rust filters.
bench: build
	sh scripts/bench.sh "$(BENCH)" "$(BENCH_PYTHON)"
	sh scripts/pipeline-bench.sh 100 "$(BENCH)/.."

# The whole pipeline on 100 MB of news-like German text, beside each filter alone.
bench-pipeline: build
	sh scripts/pipeline-bench.sh 100 "$(BENCH)/.."

clean:
	$(CARGO) clean
