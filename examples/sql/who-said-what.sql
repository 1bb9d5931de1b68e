-- Who said what: every quotation with its speaker, cue verb, outlet and date, by speaker.
-- Input: target/demo/quotes.jsonl (examples/who-said-what.sh: normalize --raw --meta | quotes).
WITH q AS (
    SELECT outlet, date, unnest(quotes) AS quote
    FROM read_json('target/demo/quotes.jsonl', format = 'newline_delimited')
)
SELECT coalesce(quote.speaker, '?') AS speaker,
       quote.cue AS cue,
       outlet,
       date,
       quote.text AS quotation
FROM q
ORDER BY speaker, date, outlet;
