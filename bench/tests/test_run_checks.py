"""Tests for run.sh's checks before any work and for verify_output.py's row check."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import duckdb

BENCH = Path(__file__).resolve().parents[1]
SCRIPTS = ["run.sh", "report.py", "verify_output.py", "copy_duckdb.py", "copy_polars.py",
           "requirements.txt"]


class RunChecksTest(unittest.TestCase):
    """run.sh copied into a throwaway repo (no git, no shared dir) must fail early and clearly."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.repo = self.tmp / "repo"
        (self.repo / "bench").mkdir(parents=True)
        for name in SCRIPTS:
            shutil.copy2(BENCH / name, self.repo / "bench" / name)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_bench(self, **env):
        full_env = {k: v for k, v in os.environ.items()
                    if k not in ("SHARED_DIR", "ROWS", "TOOLS", "PYTHON")}
        full_env.update(env)
        return subprocess.run(["bash", str(self.repo / "bench" / "run.sh")], env=full_env,
                              capture_output=True, text=True, timeout=60, check=False)

    def add_shared(self):
        (self.tmp / "shared" / "bench").mkdir(parents=True)
        (self.tmp / "shared" / "bench" / "make_orders.py").write_text("raise SystemExit(9)\n")

    def assert_fails(self, done, message):
        self.assertEqual(done.returncode, 1, done.stdout + done.stderr)
        self.assertIn(message, done.stderr)
        self.assertFalse((self.repo / "bench" / ".venv").exists(), "failed after creating the venv")

    def test_bad_rows(self):
        self.assert_fails(self.run_bench(ROWS="10k"),
                          "bench: ERROR: ROWS must be a positive integer, got '10k'")

    def test_unknown_tool(self):
        self.assert_fails(self.run_bench(TOOLS="duckdb spark"),
                          "unknown tool 'spark' in TOOLS; known: duckdb polars hygge hygge-rewrite")

    def test_missing_python(self):
        self.assert_fails(self.run_bench(PYTHON="/nonexistent/python3"),
                          "'/nonexistent/python3' not found; install Python 3.11+")

    def test_missing_make_orders(self):
        done = self.run_bench(TOOLS="duckdb polars")
        self.assert_fails(done, "make_orders.py not found")
        self.assertIn("set SHARED_DIR=/path/to/shared", done.stderr)

    def test_shared_dir_override_is_searched(self):
        done = self.run_bench(TOOLS="duckdb", SHARED_DIR=str(self.tmp / "elsewhere"))
        self.assert_fails(done, f"$SHARED_DIR ({self.tmp / 'elsewhere'})")

    def test_missing_hygge_launcher(self):
        self.add_shared()
        done = self.run_bench(TOOLS="duckdb polars hygge")
        self.assert_fails(done, f"hygge launcher {self.repo}/hygge not found or not executable")
        self.assertIn('TOOLS="duckdb polars"', done.stderr)


MAKE_ORDERS_STUB = """\
import sys
import pyarrow as pa
import pyarrow.parquet as pq
rows = int(sys.argv[1])
pq.write_table(pa.table({"id": pa.array(range(1, rows + 1), pa.int64()),
                         "note": pa.array([f"n{i}" for i in range(rows)])}), sys.argv[2])
"""

FAKE_HYGGE = """\
#!/usr/bin/env bash
# Stand-in for the hygge launcher: checks its arguments, copies (or truncates) the input.
set -euo pipefail
[[ "$1 $2" == "go --project" && -f "$3/hygge.yml" ]] || { echo "bad args: $*" >&2; exit 64; }
if [[ -n "${FAKE_HYGGE_DROP:-}" ]]; then
  python3 -c 'import sys, pyarrow.parquet as pq; t = pq.read_table(sys.argv[1]); \
pq.write_table(t.slice(1), sys.argv[2])' "$BENCH_INPUT" "$BENCH_OUTPUT/part-0.parquet"
else
  cp "$BENCH_INPUT" "$BENCH_OUTPUT/part-0.parquet"
fi
echo "fake hygge: orders ok"
"""


class RunEndToEndTest(unittest.TestCase):
    """The whole of run.sh on a tiny table, with a stand-in ./hygge and the real peers."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.repo = self.tmp / "repo"
        bench = self.repo / "bench"
        (bench / "project").mkdir(parents=True)
        for name in SCRIPTS:
            shutil.copy2(BENCH / name, bench / name)
        shutil.copy2(BENCH / "project" / "hygge.yml", bench / "project" / "hygge.yml")
        (bench / ".venv").symlink_to(BENCH / ".venv")
        (self.tmp / "shared" / "bench").mkdir(parents=True)
        (self.tmp / "shared" / "bench" / "make_orders.py").write_text(MAKE_ORDERS_STUB)
        hygge = self.repo / "hygge"
        hygge.write_text(FAKE_HYGGE)
        hygge.chmod(0o755)
        self.docs = self.tmp / "benchmarks.md"
        self.docs.write_text(
            "# B\n\n<!-- bench:parquet-start -->\nold\n<!-- bench:parquet-end -->\n\nend\n")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_bench(self, **env):
        full_env = {k: v for k, v in os.environ.items() if k != "SHARED_DIR"}
        full_env.update(ROWS="500", REPEAT="2", DOCS=str(self.docs),
                        PATH=f"{BENCH / '.venv' / 'bin'}:{os.environ['PATH']}", **env)
        return subprocess.run(["bash", str(self.repo / "bench" / "run.sh")], env=full_env,
                              capture_output=True, text=True, timeout=300, check=False)

    def test_all_three_tools_measured_and_reported(self):
        done = self.run_bench()
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        doc = self.docs.read_text()
        self.assertTrue(doc.startswith("# B\n\n<!-- bench:parquet-start -->\nParquet"), doc)
        self.assertTrue(doc.endswith("<!-- bench:parquet-end -->\n\nend\n"), doc)
        self.assertNotIn("old", doc)
        self.assertIn("repo commit `not available (exit 128)`", doc)
        self.assertRegex(doc, r"- Load average \(1 min\) at start / end: \d+\.\d\d / \d+\.\d\d ")
        self.assertIn("- Input: `orders.parquet`, 500 rows, 2 columns, 0 MB, 1 row group(s), ", doc)
        self.assertRegex(doc, r"\| DuckDB \S+ \| 500 \| \d+\.\d{3} \| [\d,]+ \| 1\.00× \| \d+ \|")
        self.assertRegex(doc, r"\| Polars \S+ \| 500 \| \d+\.\d{3} \| [\d,]+ \| \d+\.\d\d× \|")
        self.assertRegex(doc, r"\| hygge \(defaults: row groups copied\) \| 500 \| \d+\.\d{3} \| [\d,]+ \| \d+\.\d\d× \|")
        self.assertRegex(doc, r"\| hygge \(`copy_row_groups: false`: decode \+ encode\) \| 500 \| \d+\.\d{3} \|")
        self.assertRegex(doc, r"peak RSS ≤ 512 MB: met \(\d+ MB\)")
        for tool in ("duckdb", "polars", "hygge"):
            self.assertIn(f"verified [{tool}]: 500 rows, 2 columns in 1 file(s)", done.stdout)
            self.assertEqual(
                (self.repo / "bench" / "out" / tool / "log-warmup1.txt").exists(), True)
        self.assertIn("fake hygge: orders ok",
                      (self.repo / "bench" / "out" / "hygge" / "log-run2.txt").read_text())
        results = (self.repo / "bench" / "out" / "results.tsv").read_text().splitlines()
        self.assertEqual([line.split("\t")[:2] for line in results],
                         [[t, r] for r in ("1", "2") for t in ("duckdb", "polars", "hygge", "hygge-rewrite")])

    def test_wrong_hygge_output_fails_loudly(self):
        done = self.run_bench(TOOLS="hygge", FAKE_HYGGE_DROP="1")
        self.assertEqual(done.returncode, 1, done.stdout + done.stderr)
        self.assertIn("has 499 rows in 1 file(s)", done.stderr)
        self.assertIn("bench: ERROR: hygge (warmup1) wrote a wrong output", done.stderr)
        self.assertIn("old", self.docs.read_text())


class VerifyOutputTest(unittest.TestCase):
    """verify_output.py counts rows with DuckDB and fails loudly on a mismatch."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.input = self.tmp / "in.parquet"
        self.write(self.input, 1000)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    @staticmethod
    def write(path: Path, rows: int, extra_column: bool = False):
        path.parent.mkdir(parents=True, exist_ok=True)
        extra = ", 1 AS extra" if extra_column else ""
        duckdb.sql(f"COPY (SELECT range AS id, 'x' || range AS s{extra} FROM range({rows})) "
                   f"TO '{path}' (FORMAT parquet)")

    def verify(self, out_dir: Path):
        return subprocess.run(
            [sys.executable, str(BENCH / "verify_output.py"), "toolx", str(self.input),
             str(out_dir)], capture_output=True, text=True, timeout=60, check=False)

    def test_matching_output_in_parts_ignoring_staging(self):
        out = self.tmp / "out"
        self.write(out / "part-0.parquet", 600)
        self.write(out / "sub" / "part-1.parquet", 400)
        self.write(out / ".hygge-staging" / "left.parquet", 5)
        done = self.verify(out)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("verified [toolx]: 1000 rows, 2 columns in 2 file(s)", done.stdout)

    def test_row_mismatch(self):
        out = self.tmp / "out"
        self.write(out / "o.parquet", 999)
        done = self.verify(out)
        self.assertEqual(done.returncode, 1)
        self.assertIn(f"FAIL [toolx]: output {out} has 999 rows in 1 file(s), input "
                      f"{self.input} has 1000", done.stderr)

    def test_column_mismatch(self):
        out = self.tmp / "out"
        self.write(out / "o.parquet", 1000, extra_column=True)
        done = self.verify(out)
        self.assertEqual(done.returncode, 1)
        self.assertIn("FAIL [toolx]: output columns ['id', 's', 'extra'] differ", done.stderr)

    def test_no_output(self):
        (self.tmp / "empty").mkdir()
        done = self.verify(self.tmp / "empty")
        self.assertEqual(done.returncode, 1)
        self.assertIn(f"FAIL [toolx]: no Parquet output under {self.tmp / 'empty'}", done.stderr)


if __name__ == "__main__":
    unittest.main()
