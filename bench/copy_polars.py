#!/usr/bin/env python3
"""Benchmark step: copy one Parquet file to another with Polars' streaming sink (snappy)."""
import sys

import polars as pl


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: copy_polars.py IN.parquet OUT.parquet")
    pl.scan_parquet(sys.argv[1]).sink_parquet(sys.argv[2], compression="snappy")


if __name__ == "__main__":
    main()
