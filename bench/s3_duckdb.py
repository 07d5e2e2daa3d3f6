"""A DuckDB connection that reaches the benchmark's S3 emulator through httpfs, loaded offline.

The httpfs extension comes from the duckdb-extension-httpfs wheel (bench/requirements-s3.txt):
its file is LOADed by path, and automatic extension install and load are off, so DuckDB never
fetches anything. The endpoint and keys come from BENCH_S3_ENDPOINT (http://host:port),
BENCH_S3_KEY_ID and BENCH_S3_SECRET, as bench/run_s3.sh sets them.
"""
import os
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import duckdb_extension_httpfs


def httpfs_file() -> Path:
    """The httpfs extension file shipped in the wheel for this DuckDB version."""
    wanted = Path(duckdb_extension_httpfs.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    found = sorted(wanted.glob("httpfs.duckdb_extension"))
    if not found:
        raise SystemExit(f"no httpfs extension for DuckDB {duckdb.__version__} under {wanted}; "
                         "duckdb and duckdb-extension-httpfs must have the same version")
    return found[0]


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory connection with httpfs loaded and an S3 secret for the emulator."""
    endpoint = urlparse(os.environ["BENCH_S3_ENDPOINT"])
    con = duckdb.connect(config={
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    })
    con.execute("SET enable_progress_bar = false")
    con.execute(f"LOAD '{httpfs_file()}'")
    con.execute(
        "CREATE SECRET bench (TYPE s3, KEY_ID $key, SECRET $secret, ENDPOINT $endpoint,"
        " URL_STYLE 'path', USE_SSL false, REGION 'us-east-1')"
        .replace("$key", quote(os.environ["BENCH_S3_KEY_ID"]))
        .replace("$secret", quote(os.environ["BENCH_S3_SECRET"]))
        .replace("$endpoint", quote(endpoint.netloc)))
    return con


def quote(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
