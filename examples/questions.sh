#!/bin/sh
# The three questions on the demo corpus, each as a jq pipeline (examples/*.sh) and as SQL in
# DuckDB (examples/sql/*.sql, over the JSON Lines the pipelines leave in target/demo/).
# DUCKDB_PYTHON: a Python with the duckdb package (`make demo` installs one).
set -eu
cd "$(dirname "$0")/.."
tab=$(printf '\t')
for q in who-said-what figures copies; do
    echo "== examples/$q.sh"
    sh "examples/$q.sh" | if command -v column >/dev/null 2>&1; then column -t -s "$tab"; else cat; fi
    echo
done
if [ -n "${DUCKDB_PYTHON:-}" ]; then
    echo "== the same three in DuckDB: examples/run-sql.py examples/sql/*.sql"
    "$DUCKDB_PYTHON" examples/run-sql.py examples/sql/who-said-what.sql examples/sql/figures.sql \
        examples/sql/copies.sql
else
    echo "(set DUCKDB_PYTHON to a Python with duckdb, or run \`make demo\`, for the SQL versions)"
fi
