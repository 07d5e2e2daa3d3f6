"""Tests for run_s3.sh's checks before any work: bad settings fail at once, naming the fix."""
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
ROOT = BENCH.parent


class RunS3ChecksTest(unittest.TestCase):
    """run_s3.sh copied into a throwaway repo must fail before it starts anything."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.repo = self.tmp / "repo"
        (self.repo / "bench").mkdir(parents=True)
        (self.repo / "examples" / "s3").mkdir(parents=True)
        shutil.copy2(BENCH / "run_s3.sh", self.repo / "bench" / "run_s3.sh")
        shutil.copy2(ROOT / "examples" / "s3" / "s3_emulator.sh",
                     self.repo / "examples" / "s3" / "s3_emulator.sh")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_bench(self, **env):
        full_env = {k: v for k, v in os.environ.items()
                    if k not in ("ROWS", "TOOLS", "REPEAT", "WARMUP")}
        full_env.update(env)
        return subprocess.run(["bash", str(self.repo / "bench" / "run_s3.sh")], env=full_env,
                              capture_output=True, text=True, timeout=60, check=False)

    def assert_fails(self, done, message):
        self.assertEqual(done.returncode, 1, done.stdout + done.stderr)
        self.assertIn(message, done.stderr)
        self.assertFalse((self.repo / "bench" / ".venv-s3").exists(), "failed after the venv")
        self.assertFalse((self.repo / "bench" / "out").exists(), "failed after starting work")

    def test_bad_rows(self):
        self.assert_fails(self.run_bench(ROWS="10M"),
                          "bench-s3: ERROR: ROWS must be a positive integer, got '10M'")

    def test_bad_repeat(self):
        self.assert_fails(self.run_bench(REPEAT="0"),
                          "bench-s3: ERROR: REPEAT must be a positive integer, got '0'")

    def test_unknown_tool(self):
        self.assert_fails(self.run_bench(TOOLS="duckdb polars"),
                          "unknown tool 'polars' in TOOLS; known: duckdb hygge hygge-rewrite")

    def test_no_tools(self):
        self.assert_fails(self.run_bench(TOOLS=" "), "TOOLS is empty")


if __name__ == "__main__":
    unittest.main()
