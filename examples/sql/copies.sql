-- Which stories are copies: each group of articles that dedupe finds to be one story, with its
-- first article and the outlets that printed it.
-- Input: target/demo/copies.jsonl (examples/copies.sh: normalize --raw --meta | dedupe --mark).
SELECT replace(coalesce(dup_of, id), 'examples/articles/', '') AS story,
       count(*) AS articles,
       string_agg(outlet || ' (' || date || ')', '; ' ORDER BY dup_of NULLS FIRST, id) AS outlets,
       min(dup_score) AS least_similarity
FROM read_json('target/demo/copies.jsonl', format = 'newline_delimited')
GROUP BY coalesce(dup_of, id)
HAVING count(*) > 1
ORDER BY story;
