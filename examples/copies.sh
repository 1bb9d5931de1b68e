#!/bin/sh
# Which stories are copies: the groups of articles that dedupe finds to be one story (a wire
# copy printed by several outlets), each first article with the outlets that printed it again
# and how alike they are. The records go to target/demo/copies.jsonl for the SQL version.
set -eu
cd "$(dirname "$0")/.."
PATH="${KORPUS_BIN:-$PWD/target/release}:$PATH"
mkdir -p target/demo

normalize --raw --quiet --drop-boilerplate --meta examples/meta.jsonl examples/articles/*.txt \
    | dedupe --mark > target/demo/copies.jsonl

jq -r -s 'group_by(.dup_of // .id) | map(select(length > 1)) | .[]
    | (.[0] | "\(.id | ltrimstr("examples/articles/"))\t\(.outlet)\t\(.date)\tfirst"),
      (.[1:][] | "\(.id | ltrimstr("examples/articles/"))\t\(.outlet)\t\(.date)\tcopy, similarity \(.dup_score)"),
      ""' target/demo/copies.jsonl
