"""Tests for bench/report.py: parsing GNU time reports, the table, targets and the docs section."""
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import report  # noqa: E402
from report import Measurement, ToolResult  # noqa: E402

TIME_REPORT = """\
\tCommand being timed: "python copy_duckdb.py in.parquet out.parquet"
\tUser time (seconds): 3.10
\tSystem time (seconds): 0.52
\tPercent of CPU this job got: 180%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50
\tMaximum resident set size (kbytes): 524288
\tExit status: 0
"""


def result(tool: str, rows: int, walls: list[float], rss_kb: int) -> ToolResult:
    return ToolResult(tool, rows, tuple(Measurement(w, rss_kb, 0) for w in walls))


class ParseTest(unittest.TestCase):
    def test_elapsed_formats(self):
        self.assertEqual(report.parse_elapsed("0:01.25"), 1.25)
        self.assertEqual(report.parse_elapsed("1:02.50"), 62.5)
        self.assertEqual(report.parse_elapsed("1:00:03"), 3603.0)

    def test_time_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "time.txt")
            path.write_text(TIME_REPORT)
            m = report.parse_time_file(path)
        self.assertEqual(m, Measurement(62.5, 524288, 0, 3.62))
        self.assertEqual(m.rss_mb, 512.0)

    def test_real_gnu_time_report(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "time.txt")
            subprocess.run(["/usr/bin/time", "-v", "-o", str(path), "sh", "-c", "exit 3"],
                           check=False)
            m = report.parse_time_file(path)
        self.assertEqual(m.exit_status, 3)
        self.assertGreater(m.max_rss_kb, 0)
        self.assertLess(m.wall_s, 5)

    def test_not_a_time_report(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "time.txt")
            path.write_text("real 0m1.0s\n")
            with self.assertRaisesRegex(ValueError, "not a GNU `time -v` report"):
                report.parse_time_file(path)


class TableTest(unittest.TestCase):
    def test_median_rate_and_peak(self):
        r = ToolResult("polars", 1_000_000, (
            Measurement(0.5, 1024, 0), Measurement(0.4, 4096, 0), Measurement(2.0, 2048, 0)))
        self.assertEqual(r.median_s, 0.5)
        self.assertEqual(r.rows_per_s, 2_000_000)
        self.assertEqual(r.peak_rss_mb, 4.0)

    def test_median_cpu(self):
        r = ToolResult("hygge", 10, (Measurement(1.0, 1, 0, 3.0), Measurement(1.0, 1, 0, 1.5),
                                     Measurement(1.0, 1, 0, 2.0)))
        self.assertEqual(r.median_cpu_s, 2.0)
        lines = report.table_lines({"hygge": r}, 10, "x")
        self.assertIn("| 2.00 | runs (s): 1.000 / 1.000 / 1.000 |", lines[4])

    def test_rows_and_pending_hygge(self):
        results = {
            "duckdb": result("duckdb", 1000, [1.0, 1.0, 1.0], 100 * 1024),
            "polars": result("polars", 1000, [0.5, 0.5, 0.5], 50 * 1024),
        }
        lines = report.table_lines(results, 1000, "pending: CLI not landed")
        self.assertEqual(len(lines), 6)
        self.assertRegex(lines[2], r"^\| DuckDB \S+ \| 1,000 \| 1\.000 \| 1,000 \| 1\.00× \| 100 \| 0\.00 \|")
        self.assertRegex(lines[3], r"^\| Polars \S+ \| 1,000 \| 0\.500 \| 2,000 \| 2\.00× \| 50 \| 0\.00 \|")
        self.assertEqual(lines[4], "| hygge (defaults: row groups copied) | 1,000 | — | — | — | — | — |"
                                   " pending: CLI not landed |")
        self.assertTrue(lines[5].startswith("| hygge (`copy_row_groups: false`: decode + encode) |"))

    def test_ratio_without_duckdb(self):
        lines = report.table_lines({"polars": result("polars", 10, [1.0], 1024)}, 10, "x")
        self.assertIn("| n/a |", lines[3])
        self.assertIn("not measured in this run", lines[2])


    def test_zero_wall_time_is_not_a_rate(self):
        lines = report.table_lines({"duckdb": result("duckdb", 10, [0.0], 1024)}, 10, "x")
        self.assertIn("| 0.000 | — |", lines[2])

    def test_results_file_takes_wall_from_run_sh(self):
        with tempfile.TemporaryDirectory() as tmp:
            time_file = Path(tmp, "time.txt")
            time_file.write_text(TIME_REPORT)
            results = Path(tmp, "results.tsv")
            results.write_text(f"duckdb\t1\t{time_file}\t1.234567\n"
                               f"hygge\t1\t{time_file}\t2.5\n")
            got = report.read_results(results)
        self.assertEqual(got, {"duckdb": [Measurement(1.234567, 524288, 0, 3.62)],
                               "hygge": [Measurement(2.5, 524288, 0, 3.62)]})

    def test_results_file_with_wrong_fields(self):
        with tempfile.TemporaryDirectory() as tmp:
            results = Path(tmp, "results.tsv")
            results.write_text("duckdb\t1\n")
            with self.assertRaisesRegex(ValueError, "results.tsv:1: expected tool"):
                report.read_results(results)


class TargetTest(unittest.TestCase):
    def test_met(self):
        lines, met = report.target_verdicts({
            "duckdb": result("duckdb", 100, [1.0], 900 * 1024),
            "hygge": result("hygge", 100, [2.0], 512 * 1024),
        })
        self.assertTrue(met)
        self.assertEqual(lines[1], "- rows/s ≥ 0.5× DuckDB's rows/s: met (0.50×)")
        self.assertEqual(lines[2], "- peak RSS ≤ 512 MB: met (512 MB)")

    def test_missed(self):
        lines, met = report.target_verdicts({
            "duckdb": result("duckdb", 100, [1.0], 900 * 1024),
            "hygge": result("hygge", 100, [2.5], 600 * 1024),
        })
        self.assertFalse(met)
        self.assertEqual(lines[1], "- rows/s ≥ 0.5× DuckDB's rows/s: MISSED (0.40×)")
        self.assertEqual(lines[2], "- peak RSS ≤ 512 MB: MISSED (600 MB)")

    def test_pending(self):
        lines, met = report.target_verdicts({"duckdb": result("duckdb", 1, [1.0], 1024)})
        self.assertTrue(met)
        self.assertIn("pending", lines[1])


class SectionTest(unittest.TestCase):
    SECTION = f"{report.START_MARKER}\nnew\n{report.END_MARKER}\n"

    def test_replaces_between_markers(self):
        doc = f"# T\n\nintro\n\n{report.START_MARKER}\nold\nlines\n{report.END_MARKER}\n\nafter\n"
        self.assertEqual(
            report.replace_section(doc, self.SECTION),
            f"# T\n\nintro\n\n{report.START_MARKER}\nnew\n{report.END_MARKER}\n\nafter\n")

    def test_appends_without_markers(self):
        self.assertEqual(report.replace_section("# T\n", self.SECTION), "# T\n\n" + self.SECTION)

    def test_unbalanced_markers(self):
        with self.assertRaisesRegex(ValueError, "unbalanced"):
            report.replace_section(f"# T\n{report.START_MARKER}\n", self.SECTION)


if __name__ == "__main__":
    unittest.main()
