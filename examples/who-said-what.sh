#!/bin/sh
# Who said what: every direct quotation in the demo corpus with its speaker, cue verb, outlet
# and date, as a table (TSV). The records go to target/demo/quotes.jsonl for the SQL version.
set -eu
cd "$(dirname "$0")/.."
PATH="${KORPUS_BIN:-$PWD/target/release}:$PATH"
mkdir -p target/demo

normalize --raw --quiet --drop-boilerplate --meta examples/meta.jsonl examples/articles/*.txt \
    | quotes > target/demo/quotes.jsonl

jq -r '.outlet as $outlet | .date as $date | .quotes[]
    | [.speaker // "?", .cue // "-", $outlet, $date,
       (.text | if length > 70 then .[0:69] + "…" else . end)] | @tsv' target/demo/quotes.jsonl
