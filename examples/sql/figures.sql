-- Which figures each outlet reports: counts, sums of money and ranges grouped by what they
-- count, for the things that two outlets or more give a figure for.
-- Input: target/demo/numbers.jsonl (examples/figures.sh: ... | sentences | numbers).
WITH f AS (
    SELECT outlet, date, unnest(numbers) AS n
    FROM read_json('target/demo/numbers.jsonl', format = 'newline_delimited')
),
counted AS (
    SELECT n.unit AS counted, CAST(n.value AS VARCHAR) AS value, n.qualifier AS hedge,
           n.text AS figure, outlet, date
    FROM f
    WHERE n.unit IS NOT NULL AND n.kind IN ('cardinal', 'money', 'range')
)
SELECT counted, value, coalesce(hedge, '-') AS hedge, figure, outlet, date
FROM counted
WHERE counted IN (SELECT counted FROM counted GROUP BY counted HAVING count(DISTINCT outlet) > 1)
ORDER BY counted, try_cast(value AS DOUBLE) NULLS LAST, value, outlet;
