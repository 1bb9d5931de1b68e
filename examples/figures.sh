#!/bin/sh
# Which figures each outlet reports: every count, sum of money and range, grouped by what it
# counts, for the things two outlets or more give a figure for; with its value, hedge, outlet
# and date (TSV). The records go to target/demo/numbers.jsonl for the SQL version.
set -eu
cd "$(dirname "$0")/.."
PATH="${KORPUS_BIN:-$PWD/target/release}:$PATH"
mkdir -p target/demo

normalize --raw --quiet --drop-boilerplate --meta examples/meta.jsonl examples/articles/*.txt \
    | sentences | numbers > target/demo/numbers.jsonl

jq -r -s '[.[] | .outlet as $outlet | .date as $date | .numbers[]
        | select(.unit != null and (.kind == "cardinal" or .kind == "money" or .kind == "range"))
        | {unit, value, hedge: (.qualifier // "-"), text, $outlet, $date}]
    | group_by(.unit)
    | map(select(map(.outlet) | unique | length > 1))
    | .[] | sort_by(.value, .outlet)[]
    | [.unit, (.value | tostring), .hedge, .text, .outlet, .date] | @tsv' target/demo/numbers.jsonl
