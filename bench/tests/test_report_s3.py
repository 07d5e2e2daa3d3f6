"""Tests for bench/report_s3.py: reading the S3 runs, the table's ratios and the docs section."""
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import report_s3  # noqa: E402

TIME_REPORT = """\
\tUser time (seconds): {user}
\tSystem time (seconds): 0.50
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:{wall}
\tMaximum resident set size (kbytes): {rss}
\tExit status: {status}
"""


def write_runs(tmp: Path, runs: list[tuple[str, float, int, str]], status: int = 0) -> Path:
    """A results file with one GNU time report per (tool, wall, rss_kb, load)."""
    lines = []
    for number, (tool, wall, rss, load) in enumerate(runs, start=1):
        time_file = tmp / f"time-{number}.txt"
        time_file.write_text(TIME_REPORT.format(user="1.50", wall=f"{wall:05.2f}", rss=rss,
                                                status=status))
        lines.append(f"{tool}\t{number}\t{time_file}\t{wall}\t{load}")
    results = tmp / "results.tsv"
    results.write_text("\n".join(lines) + "\n")
    return results


class ReportS3Test(unittest.TestCase):
    def test_table_gives_peer_time_over_tool_time_and_loads(self):
        with tempfile.TemporaryDirectory() as tmp:
            results = write_runs(Path(tmp), [
                ("duckdb", 8.0, 2_097_152, "1.10"), ("hygge", 4.0, 204_800, "1.20"),
                ("duckdb", 6.0, 1_048_576, "1.30"), ("hygge", 2.0, 102_400, "1.40"),
                ("duckdb", 7.0, 1_048_576, "1.50"), ("hygge", 3.0, 102_400, "1.60"),
            ])
            runs = report_s3.read_runs(results)
        lines = report_s3.table(runs, 10_000_000)
        duckdb_row = next(line for line in lines if line.startswith("| DuckDB"))
        hygge_row = next(line for line in lines if line.startswith("| hygge"))
        self.assertIn("| 7.000 | 1,428,571 | 1.00× | 2048 | 2.00 | 8.000 / 6.000 / 7.000 "
                      "| 1.10 / 1.30 / 1.50 |", duckdb_row)
        self.assertIn("| 3.000 | 3,333,333 | 2.33× | 200 | 2.00 | 4.000 / 2.000 / 3.000 "
                      "| 1.20 / 1.40 / 1.60 |", hygge_row)

    def test_a_failed_run_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            results = write_runs(Path(tmp), [("hygge", 3.0, 1024, "0.5")], status=1)
            with self.assertRaisesRegex(ValueError, "hygge exited with 1"):
                report_s3.read_runs(results)

    def test_only_the_s3_section_is_replaced(self):
        document = ("# Benchmarks\n<!-- bench:parquet-start -->\nlocal\n<!-- bench:parquet-end -->\n"
                    f"{report_s3.START_MARKER}\nold\n{report_s3.END_MARKER}\ntail\n")
        replaced = report_s3.replace_section(
            document, f"{report_s3.START_MARKER}\nnew\n{report_s3.END_MARKER}")
        self.assertEqual(replaced, document.replace("\nold\n", "\nnew\n"))

    def test_missing_markers_fail(self):
        with self.assertRaisesRegex(ValueError, "not found"):
            report_s3.replace_section("# Benchmarks\n", "x")


if __name__ == "__main__":
    unittest.main()
