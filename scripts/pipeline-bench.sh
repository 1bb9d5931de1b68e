#!/bin/sh
# Whole-pipeline throughput: `normalize | sentences | numbers | quotes | dedupe` on about
# SIZE MB (default 100) of German news-like text (scripts/news_like.py), as one streamed
# pipeline and each filter alone on its own input, with MB of the original input per
# wall-second and per CPU-second (user + system of every process). A benchmark, not a test.
#
#     sh scripts/pipeline-bench.sh [SIZE_MB] [SHARED_DIR]
set -eu
cd "$(dirname "$0")/.."
size=${1:-100}
shared=${2:-../shared}
bin=target/release
dir=target/bench/pipeline
mkdir -p "$dir"
in="$dir/news$size.jsonl"
[ -s "$in" ] || python3 scripts/news_like.py "$size" "$in" "$shared"/bench/quotes/data/gnqa_de_*.jsonl \
    "$shared"/bench/dedupe/data/articles.jsonl examples/articles/*.txt "$shared"/corpus/*.txt
mb=$(wc -c < "$in")

# time_it NAME CMD...: runs CMD under /usr/bin/time and prints its figures
time_it() {
    name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$@"
    read -r wall user sys rss < "$dir/time"
    awk -v n="$name" -v mb="$mb" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
        cpu = u + s; printf "%-10s %7.2f s wall %7.2f s CPU %7.1f MB/wall-s %7.1f MB/CPU-s %6.0f MB max RSS\n",
        n, w, cpu, mb / 1e6 / w, mb / 1e6 / cpu, r / 1024 }'
}

echo "input: $in, $(awk -v b="$mb" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $(wc -l < "$in") articles"
time_it normalize sh -c "$bin/normalize $in > $dir/1.jsonl"
time_it sentences sh -c "$bin/sentences $dir/1.jsonl > $dir/2.jsonl"
time_it numbers sh -c "$bin/numbers $dir/2.jsonl > $dir/3.jsonl"
time_it quotes sh -c "$bin/quotes $dir/3.jsonl > $dir/4.jsonl"
time_it dedupe sh -c "$bin/dedupe $dir/4.jsonl > $dir/5.jsonl"
echo "$(wc -l < "$dir/2.jsonl") sentences, $(wc -l < "$dir/5.jsonl") kept by dedupe"
time_it pipeline sh -c "$bin/normalize $in | $bin/sentences | $bin/numbers | $bin/quotes | $bin/dedupe > $dir/pipe.jsonl"
cmp -s "$dir/pipe.jsonl" "$dir/5.jsonl" && echo "pipeline output = the stages' output"
time_it threads sh -c "$bin/normalize $in | $bin/sentences --threads 2 | $bin/numbers --threads 2 | $bin/quotes --threads 2 | $bin/dedupe > $dir/pipe2.jsonl"
cmp -s "$dir/pipe2.jsonl" "$dir/5.jsonl" && echo "--threads 2 output = the stages' output"
