#!/usr/bin/env python3
"""Benchmark step: copy one Parquet object to another through S3 with DuckDB (snappy)."""
import sys

from s3_duckdb import connect, quote


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: copy_duckdb_s3.py s3://bucket/in.parquet s3://bucket/out.parquet")
    src, dst = sys.argv[1], sys.argv[2]
    con = connect()
    con.execute(f"COPY (SELECT * FROM read_parquet({quote(src)})) TO {quote(dst)}"
                " (FORMAT parquet, COMPRESSION snappy)")
    con.close()


if __name__ == "__main__":
    main()
