#!/bin/sh
# make bench: each filter beside its peers on the shared bench scripts, one run each.
# Usage: scripts/bench.sh BENCH_DIR PYTHON   (PYTHON: a venv's python with the Python peers)
#   normalize: beside jq (and ftfy, cat when PYTHON has ftfy).
#   sentences: quality on every gold set and MB per CPU-second on the 20 MB German input,
#     beside the Python peers when PYTHON has them, and beside the sentencex and UAX #29
#     Rust filters when RUST_PEERS names the built rust_peers binary (see the bench README).
set -eu
bench=${1:-../shared/bench}
python=${2:-python3}
top=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$bench/normalize" ] || [ ! -d "$bench/sentences" ]; then
    echo "bench: no $bench/normalize or $bench/sentences (set BENCH=path/to/shared/bench)" >&2
    exit 2
fi
mkdir -p "$top/target/bench"

peers=jq
if "$python" -c 'import ftfy' 2>/dev/null; then
    peers=jq,ftfy,ftfy-encoding,cat
fi
python3 "$bench/normalize/bench.py" --python "$python" --runs 5 --only "$peers,korpus" \
    --cmd "korpus=$top/target/release/normalize" --out "$top/target/bench/normalize"
echo "table: target/bench/normalize/table.md"

set -- --cmd "korpus=$top/target/release/sentences --lang {lang}"
if [ -n "${RUST_PEERS:-}" ] && [ -x "$RUST_PEERS" ]; then
    set -- "$@" --cmd "sentencex_rs=$RUST_PEERS sentencex {lang}" --cmd "uax29_rs=$RUST_PEERS uax29 {lang}"
fi
if "$python" -c 'import pysbd' 2>/dev/null; then
    set -- "$@" --python "$python"
else
    set -- "$@" --peers ""
fi
(cd "$bench/sentences" && python3 run_bench.py "$@" --runs 3 --seconds 10 \
    --out "$top/target/bench/sentences")
echo "table: target/bench/sentences/RESULTS.md"

# numbers: its run_bench.py writes into its own results/ folder, so it runs on a copy of the
# bench under target/ (the shared folder stays untouched). Peers: those of the bench README
# that PYTHON has (text2num, recognizers-text-suite, duckling with Java, quantulum3,
# dateparser); the stdlib regex baseline always.
if [ -d "$bench/numbers" ]; then
    copy="$top/target/bench/numbers"
    rm -rf "$copy" && mkdir -p "$copy"
    cp -r "$bench/numbers/." "$copy/" && chmod -R u+w "$copy"
    rm -rf "$copy/results" && mkdir -p "$copy/results"
    peers=regex
    "$python" -c 'import text_to_num' 2>/dev/null && peers="$peers,text2num,regex+text2num"
    "$python" -c 'import recognizers_number' 2>/dev/null && peers="$peers,recognizers"
    "$python" -c 'import duckling' 2>/dev/null && command -v java >/dev/null && peers="$peers,duckling"
    "$python" -c 'import quantulum3' 2>/dev/null && peers="$peers,quantulum3"
    "$python" -c 'import dateparser' 2>/dev/null && peers="$peers,dateparser"
    (cd "$copy" && python3 run_bench.py --py "$python" --peers "$peers" --runs 3 \
        --cmd "project=$top/target/release/numbers")
    echo "table: target/bench/numbers/results/RESULTS.md"
fi

# dedupe: on a copy of its bench under target/ too. Peers: the stdlib ones always (exact,
# exact-norm, jaccard), the others when DEDUPE_PYTHON (default: PYTHON) has them (the bench
# README's venv: datasketch, rensa, gaoya, simhash, text-dedup, datatrove). The big stream is
# make_big.py 200000 (32 MB), run by the project and the stdlib and rensa peers.
if [ -d "$bench/dedupe" ]; then
    dpython=${DEDUPE_PYTHON:-$python}
    copy="$top/target/bench/dedupe"
    rm -rf "$copy" && mkdir -p "$copy"
    cp -r "$bench/dedupe/." "$copy/" && chmod -R u+w "$copy"
    rm -rf "$copy/results" && mkdir -p "$copy/results"
    peers=exact,exact-norm,jaccard
    big=exact,exact-norm
    "$dpython" -c 'import datasketch' 2>/dev/null && peers="$peers,datasketch,datasketch-c5"
    "$dpython" -c 'import rensa' 2>/dev/null && peers="$peers,rensa,rensa-c5,rensa-t05,rensa-c5-t05" && big="$big,rensa,rensa-c5"
    "$dpython" -c 'import gaoya' 2>/dev/null && peers="$peers,gaoya"
    "$dpython" -c 'import simhash' 2>/dev/null && peers="$peers,simhash"
    "$dpython" -c 'import text_dedup' 2>/dev/null && peers="$peers,textdedup"
    "$dpython" -c 'import datatrove' 2>/dev/null && peers="$peers,datatrove"
    (cd "$copy" && python3 make_big.py 200000 big200k.jsonl \
        && "$dpython" run_bench.py --python "$dpython" --peers "$peers" --big big200k.jsonl \
            --big-peers "$big" --dedupe "$top/target/release/dedupe --mark" \
            --out results/results.jsonl > results/table.md)
    echo "table: target/bench/dedupe/results/table.md"
fi

# quotes: quality on the GNQA splits beside the regex and marks peers, and MB per CPU-second
# beside the regex peer on the same 16 MB (the splits ten times over), median of 3.
if [ -d "$bench/quotes" ]; then
    python3 "$top/scripts/quotes_bench.py" "$bench/quotes" "$top/target/release/quotes" \
        "$top/target/bench/quotes" 3
    echo "table: target/bench/quotes/RESULTS.md"
fi
