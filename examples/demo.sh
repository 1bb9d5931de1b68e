#!/bin/sh
# The demo pipeline on the demo corpus: `normalize | sentences | numbers`, `normalize |
# quotes` and `normalize | dedupe`. Shows each article's record, shortened, what normalize repaired in it, the
# sentences of two articles with their spans, and the figures of the articles that report the
# same events, with what they count and how they are hedged, and who said what.
set -eu
cd "$(dirname "$0")/.."
bin=${KORPUS_BIN:-target/release}
out=target/demo
mkdir -p "$out"

echo "== normalize --raw --drop-boilerplate examples/articles/*.txt"
"$bin/normalize" --raw --drop-boilerplate examples/articles/*.txt > "$out/articles.jsonl"
cut -c1-160 "$out/articles.jsonl"

echo
echo "== faults found in each article: raw file -> normalized record"
nbsp=$(printf '\302\240'); shy=$(printf '\302\255'); zw=$(printf '\342\200\213'); bom=$(printf '\357\273\277')
cr=$(printf '\r')
for f in examples/articles/*.txt; do
    rec=$(grep -F "\"id\":\"$f\"" "$out/articles.jsonl")
    line=""
    for fault in "mojibake:Ã|â€" "CRLF:$cr" "soft-hyphen:$shy" "NBSP:$nbsp" "zero-width:$zw|$bom" "entity:&(amp|quot|#[0-9]+);" "double-space:[^ ]  [^ ]"; do
        name=${fault%%:*}; pat=${fault#*:}
        if LC_ALL=C grep -Eq "$pat" "$f"; then
            if printf '%s' "$rec" | LC_ALL=C grep -Eq "$pat"; then line="$line $name:LEFT"; else line="$line $name:fixed"; fi
        fi
    done
    if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then line="$line not-UTF-8:read-as-cp1252"; fi
    printf '%-32s%s\n' "${f#examples/articles/}" "${line:- (clean)}"
done

echo
echo "== the mojibake article, before and after (first 3 lines)"
head -n 3 examples/articles/04-demo-polizeibilanz.txt
echo "--"
"$bin/normalize" --raw examples/articles/04-demo-polizeibilanz.txt \
    | sed 's/.*"text":"//; s/\\n/\n/g' | head -n 3
echo
echo "== normalize --raw --drop-boilerplate examples/articles/*.txt | sentences"
"$bin/sentences" "$out/articles.jsonl" > "$out/sentences.jsonl"
echo "$(wc -l < "$out/sentences.jsonl") sentences from $(wc -l < "$out/articles.jsonl") articles; two of them (sentence, start-end, text):"
for id in examples/articles/01-stadtrat-haushalt.txt examples/articles/10-harbour-strike.txt; do
    echo "-- $id"
    grep -F "\"id\":\"$id\"" "$out/sentences.jsonl" \
        | sed 's/.*"text":"\(.*\)","sentence":\([0-9]*\),"start":\([0-9]*\),"end":\([0-9]*\)}$/\2	\3-\4	\1/' \
        | LC_ALL=C.UTF-8 sed 's/^\(.\{0,110\}\).*/\1/' | head -n 16
done
echo
echo "== ... | sentences | numbers: the figures of the three reports on one demonstration and"
echo "   the two on one hospital (article, figure, value, kind, counted thing, hedge)"
"$bin/numbers" "$out/sentences.jsonl" > "$out/numbers.jsonl"
tab=$(printf '\t')
for id in 02-klimademo-innenstadt 03-demo-verkehr 04-demo-polizeibilanz 05-klinikum-stellenabbau 06-klinikum-jobabbau; do
    if command -v jq >/dev/null 2>&1; then
        jq -r --arg id "examples/articles/$id.txt" 'select(.id == $id) | .numbers[]
            | [($id | ltrimstr("examples/articles/") | rtrimstr(".txt")), .text, (.value | tostring),
               .kind, (.unit // "-"), (.qualifier // "-")] | @tsv' "$out/numbers.jsonl"
    else
        grep -F "\"id\":\"examples/articles/$id.txt\"" "$out/numbers.jsonl" | grep -o '"numbers":\[.*'
    fi
done | awk -F"$tab" '{ printf "%-26s %-20s %-11s %-8s %-14s %s\n", $1, $2, $3, $4, $5, $6 }'
echo
echo "== ... | quotes: who said what (article, speaker, cue, quotation)"
"$bin/quotes" "$out/articles.jsonl" > "$out/quotes.jsonl"
if command -v jq >/dev/null 2>&1; then
    jq -r '.id as $id | .quotes[] | [($id | ltrimstr("examples/articles/") | rtrimstr(".txt")),
        (.speaker // "-"), (.cue // "-"), .text] | @tsv' "$out/quotes.jsonl"
else
    grep -o '"quotes":\[.*' "$out/quotes.jsonl"
fi | awk -F"$tab" '{ q = $4; if (length(q) > 60) q = substr(q, 1, 57) "..."; printf "%-26s %-22s %-10s %s\n", $1, $2, $3, q }'
echo
echo "== ... | dedupe --mark: which stories are copies (article, first copy, similarity)"
"$bin/dedupe" --mark "$out/articles.jsonl" > "$out/dedupe.jsonl"
if command -v jq >/dev/null 2>&1; then
    jq -r 'select(.dup_of != null) | [(.id | ltrimstr("examples/articles/")),
        (.dup_of | ltrimstr("examples/articles/")), (.dup_score | tostring)] | @tsv' "$out/dedupe.jsonl"
else
    grep -o '"id":"[^"]*".*"dup_of":"[^"]*"' "$out/dedupe.jsonl"
fi | awk -F"$tab" '{ printf "%-30s copy of %-30s %s\n", $1, $2, $3 }'
echo "-- and the sentences every copy repeats: $("$bin/dedupe" --mark "$out/sentences.jsonl" \
    | grep -c '"dup_of":"') of $(wc -l < "$out/sentences.jsonl") sentences are copies of an earlier one"
echo
echo "(full output: $out/articles.jsonl, $out/sentences.jsonl, $out/numbers.jsonl, $out/quotes.jsonl, $out/dedupe.jsonl)"
