#!/usr/bin/env python3
"""Benchmark step: copy one Parquet file to another with DuckDB (snappy)."""
import sys

import duckdb


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: copy_duckdb.py IN.parquet OUT.parquet")
    src, dst = sys.argv[1], sys.argv[2]
    con = duckdb.connect()
    con.execute(
        "COPY (SELECT * FROM read_parquet($src)) TO '"
        + dst.replace("'", "''")
        + "' (FORMAT parquet, COMPRESSION snappy)",
        {"src": src},
    )
    con.close()


if __name__ == "__main__":
    main()
