#!/usr/bin/env python3
"""Check a tool's S3 output: its Parquet objects hold exactly the input's rows and columns.

Usage: verify_s3.py TOOL INPUT.parquet s3://bucket/prefix

Reads every *.parquet object directly under the prefix with DuckDB (httpfs, see s3_duckdb.py)
and exits non-zero naming the tool if the row count or the column names differ from the
local input file's.
"""
import sys

from s3_duckdb import connect, quote


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: verify_s3.py TOOL INPUT.parquet s3://bucket/prefix")
    tool, input_path, prefix = sys.argv[1], sys.argv[2], sys.argv[3].rstrip("/")
    con = connect()
    want_rows = con.execute(f"SELECT count(*) FROM read_parquet({quote(input_path)})").fetchone()[0]
    want_cols = [r[0] for r in con.execute(
        f"DESCRIBE SELECT * FROM read_parquet({quote(input_path)})").fetchall()]
    pattern = quote(prefix + "/*.parquet")
    got_rows = con.execute(f"SELECT count(*) FROM read_parquet({pattern})").fetchone()[0]
    got_cols = [r[0] for r in con.execute(
        f"DESCRIBE SELECT * FROM read_parquet({pattern})").fetchall()]
    if got_rows != want_rows or got_cols != want_cols:
        sys.exit(f"{tool}: {prefix} has {got_rows} rows and columns {got_cols}; "
                 f"expected {want_rows} rows and columns {want_cols}")
    print(f"{tool}: {got_rows} rows, {len(got_cols)} columns: ok")


if __name__ == "__main__":
    main()
