#!/usr/bin/env python3
"""Run SQL files with DuckDB (the Python package) and print each result as a table.

    python3 examples/run-sql.py examples/sql/who-said-what.sql ...

`make demo` installs DuckDB into target/duckdb-venv and runs this with its Python; the SQL reads
the JSON Lines that the examples/*.sh pipelines leave in target/demo/."""
import sys

import duckdb

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        sql = f.read()
    print(f"-- {path}")
    duckdb.sql(sql).show(max_width=200, max_rows=1000)
