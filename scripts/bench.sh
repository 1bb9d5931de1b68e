#!/bin/sh
# make bench: normalize beside jq and the peers on the shared normalize bench, one run.
# Usage: scripts/bench.sh BENCH_DIR PYTHON   (PYTHON: a venv's python with ftfy etc. for peers)
set -eu
bench=${1:-../shared/bench}
python=${2:-python3}
top=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$bench/normalize" ]; then
    echo "bench: no $bench/normalize (set BENCH=path/to/shared/bench)" >&2
    exit 2
fi
peers=jq
if "$python" -c 'import ftfy' 2>/dev/null; then
    peers=jq,ftfy,ftfy-encoding,cat
fi
mkdir -p "$top/target/bench"
python3 "$bench/normalize/bench.py" --python "$python" --runs 5 --only "$peers,korpus" \
    --cmd "korpus=$top/target/release/normalize" --out "$top/target/bench/normalize"
echo "table: target/bench/normalize/table.md"
