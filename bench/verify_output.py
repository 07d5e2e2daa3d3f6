#!/usr/bin/env python3
"""Check a tool's output: its Parquet files hold exactly the input's rows and columns.

Usage: verify_output.py TOOL INPUT.parquet OUTPUT_DIR

Counts rows with DuckDB over every *.parquet file under OUTPUT_DIR (skipping hidden
and underscore-prefixed names, where staging or marker files live) and exits non-zero
with a message naming the tool if the row count or the column names differ.
"""
import sys
from pathlib import Path

import duckdb


def output_files(out_dir: Path) -> list[Path]:
    """Every visible *.parquet file under out_dir, sorted."""
    files = []
    for path in sorted(out_dir.rglob("*.parquet")):
        parts = path.relative_to(out_dir).parts
        if any(part.startswith((".", "_")) for part in parts):
            continue
        if path.is_file():
            files.append(path)
    return files


READ = "read_parquet($files, hive_partitioning = false)"


def count_and_columns(con, files: list[str]) -> tuple[int, list[str]]:
    """Row count and column names of the given Parquet files read together."""
    columns = con.sql(f"SELECT * FROM {READ} LIMIT 0", params={"files": files}).columns
    (rows,) = con.execute(f"SELECT count(*) FROM {READ}", {"files": files}).fetchone()
    return int(rows), list(columns)


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: verify_output.py TOOL INPUT.parquet OUTPUT_DIR", file=sys.stderr)
        return 2
    tool, src, out_dir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    files = output_files(out_dir) if out_dir.is_dir() else []
    if not files:
        print(f"FAIL [{tool}]: no Parquet output under {out_dir}", file=sys.stderr)
        return 1
    con = duckdb.connect()
    want_rows, want_cols = count_and_columns(con, [src])
    got_rows, got_cols = count_and_columns(con, [str(f) for f in files])
    con.close()
    if got_rows != want_rows:
        print(
            f"FAIL [{tool}]: output {out_dir} has {got_rows} rows in {len(files)} file(s), "
            f"input {src} has {want_rows}",
            file=sys.stderr,
        )
        return 1
    if got_cols != want_cols:
        print(
            f"FAIL [{tool}]: output columns {got_cols} differ from input columns {want_cols}",
            file=sys.stderr,
        )
        return 1
    print(f"  verified [{tool}]: {got_rows} rows, {len(got_cols)} columns in {len(files)} file(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
