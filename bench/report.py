#!/usr/bin/env python3
"""Summarise benchmark runs measured with GNU `/usr/bin/time -v` into a Markdown table.

  report.py one TIMEFILE
      print "peak RSS <rss> MB" for one measurement (progress lines of run.sh).
  report.py summary --results FILE --rows N --input PATH --docs PATH [--tools "a b c"]
                    [--pending-note TEXT] [--out-dir DIR] [--repo DIR] [--strict]
      read FILE (lines "tool<TAB>run<TAB>timefile<TAB>wall seconds"), print the Markdown section, write it
      to DIR/results.md and DIR/results.json, and replace the section between the markers
      in the docs file. With --strict, exit 3 when hygge was measured and missed a target.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

START_MARKER = "<!-- bench:parquet-start -->"
END_MARKER = "<!-- bench:parquet-end -->"
TOOL_ORDER = ("duckdb", "polars", "hygge", "hygge-rewrite")
TOOL_LABELS = {
    "duckdb": "DuckDB",
    "polars": "Polars",
    "hygge": "hygge (defaults: row groups copied)",
    "hygge-rewrite": "hygge (`copy_row_groups: false`: decode + encode)",
}
TOOL_PACKAGES = {"duckdb": "duckdb", "polars": "polars"}
BASELINE = "duckdb"
TARGET_RATIO = 0.5
TARGET_RSS_MB = 512
KIB_PER_MB = 1024  # GNU time reports kibibytes; "MB" here means MiB


@dataclass(frozen=True)
class Measurement:
    """One measured process: wall seconds, peak resident set size, exit status, CPU seconds."""

    wall_s: float
    max_rss_kb: int
    exit_status: int
    cpu_s: float = 0.0

    @property
    def rss_mb(self) -> float:
        return self.max_rss_kb / KIB_PER_MB


@dataclass(frozen=True)
class ToolResult:
    """All measured runs of one tool over the same input."""

    tool: str
    rows: int
    runs: tuple[Measurement, ...]

    @property
    def median_s(self) -> float:
        return statistics.median(m.wall_s for m in self.runs)

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.median_s if self.median_s > 0 else float("inf")

    @property
    def median_cpu_s(self) -> float:
        return statistics.median(m.cpu_s for m in self.runs)

    @property
    def peak_rss_mb(self) -> float:
        return max(m.rss_mb for m in self.runs)


def parse_elapsed(value: str) -> float:
    """Seconds from GNU time's "h:mm:ss" or "m:ss.ss" elapsed field."""
    seconds = 0.0
    for part in value.strip().split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def parse_time_file(path: Path) -> Measurement:
    """Read one `/usr/bin/time -v -o FILE` report."""
    wall = rss = None
    status = 0
    cpu = 0.0
    for line in path.read_text().splitlines():
        key, sep, value = line.strip().rpartition(": ")
        if not sep:
            continue
        if key.startswith("Elapsed (wall clock) time"):
            wall = parse_elapsed(value)
        elif key == "Maximum resident set size (kbytes)":
            rss = int(value)
        elif key == "Exit status":
            status = int(value)
        elif key in ("User time (seconds)", "System time (seconds)"):
            cpu += float(value)
    if wall is None or rss is None:
        raise ValueError(f"{path}: not a GNU `time -v` report (no wall time or max RSS)")
    return Measurement(wall, rss, status, round(cpu, 2))


def read_results(results: Path) -> dict[str, list[Measurement]]:
    """Measurements per tool from run.sh's results file, in file order.

    The wall time comes from run.sh's nanosecond clock (GNU time rounds to 10 ms); peak RSS
    and exit status come from the GNU time report.
    """
    by_tool: dict[str, list[Measurement]] = {}
    for number, line in enumerate(results.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ValueError(f"{results}:{number}: expected tool<TAB>run<TAB>timefile<TAB>wall_s")
        tool, _, time_file, wall_s = fields
        reported = parse_time_file(Path(time_file))
        measured = Measurement(
            float(wall_s), reported.max_rss_kb, reported.exit_status, reported.cpu_s)
        by_tool.setdefault(tool, []).append(measured)
    return by_tool


def fmt_int(value: float) -> str:
    return f"{round(value):,}" if math.isfinite(value) else "—"


def run_text(cmd: list[str]) -> str:
    """First line of a command's output (stdout, else stderr), or 'not available'."""
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"not available ({error.__class__.__name__})"
    if done.returncode != 0:
        return f"not available (exit {done.returncode})"
    text = (done.stdout.strip() or done.stderr.strip()).splitlines()
    return text[0] if text else "not available"


def mem_total_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError as error:
        return f"not available ({error})"
    return "not available"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError as error:
        return f"not available ({error})"
    return platform.processor() or "not available"


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def input_facts(input_path: Path, rows: int) -> str:
    """Name, rows, size, row groups and codec of the input file."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(input_path).metadata
    codecs = sorted({meta.row_group(0).column(c).compression for c in range(meta.num_columns)})
    size_mb = input_path.stat().st_size / KIB_PER_MB / KIB_PER_MB
    return (f"`{input_path.name}`, {fmt_int(rows)} rows, {meta.num_columns} columns, "
            f"{size_mb:.0f} MB, {meta.num_row_groups} row group(s), {'/'.join(codecs)}")


def load_average() -> str:
    """The 1-minute load average now."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except (OSError, IndexError) as error:
        return f"not available ({error.__class__.__name__})"


def machine_facts(repo: Path, rows: int, input_path: Path, load_start: str) -> list[str]:
    """Bullet lines describing the machine, tool versions and input."""
    java = run_text(["java", "-version"])
    commit = run_text(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"])
    return [
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; repo commit `{commit}`",
        f"- Machine: nproc {run_text(['nproc'])}, memory {mem_total_gib()}, CPU {cpu_model()}, "
        f"Linux {platform.release()}",
        f"- Java: `{java}`",
        f"- Python {platform.python_version()}; duckdb {package_version('duckdb')}, "
        f"polars {package_version('polars')}, pyarrow {package_version('pyarrow')}, "
        f"numpy {package_version('numpy')}",
        f"- Input: {input_facts(input_path, rows)}, made by `shared/bench/make_orders.py`",
        f"- Load average (1 min) at start / end: {load_start} / {load_average()} "
        "(anything near nproc means other work shared the machine and wall times are inflated)",
    ]


def table_lines(results: dict[str, ToolResult], rows: int, pending_note: str) -> list[str]:
    baseline = results.get(BASELINE)
    lines = [
        "| tool | rows | median s | rows/s | ratio vs DuckDB | peak RSS MB | CPU s | notes |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for tool in TOOL_ORDER:
        label = TOOL_LABELS[tool]
        if tool in TOOL_PACKAGES:
            label += f" {package_version(TOOL_PACKAGES[tool])}"
        result = results.get(tool)
        if result is None:
            note = pending_note if tool == "hygge" else "not measured in this run"
            lines.append(f"| {label} | {fmt_int(rows)} | — | — | — | — | — | {note} |")
            continue
        ratio = f"{result.rows_per_s / baseline.rows_per_s:.2f}×" if baseline else "n/a"
        walls = " / ".join(f"{m.wall_s:.3f}" for m in result.runs)
        lines.append(
            f"| {label} | {fmt_int(result.rows)} | {result.median_s:.3f} | "
            f"{fmt_int(result.rows_per_s)} | {ratio} | {result.peak_rss_mb:.0f} | "
            f"{result.median_cpu_s:.2f} | runs (s): {walls} |"
        )
    return lines


def target_verdicts(results: dict[str, ToolResult]) -> tuple[list[str], bool]:
    """Markdown lines stating the hygge targets, and whether every measured one is met."""
    lines, met = tool_verdicts("hygge", results)
    rewrite = results.get("hygge-rewrite")
    if rewrite is not None:
        more, _ = tool_verdicts("hygge-rewrite", results)
        lines += ["", "The same targets for the decode + encode path (informative):"] + more[1:]
    return lines, met


def tool_verdicts(tool: str, results: dict[str, ToolResult]) -> tuple[list[str], bool]:
    """Markdown lines stating the targets for one hygge variant, and whether both are met."""
    hygge, baseline = results.get(tool), results.get(BASELINE)
    if hygge is None:
        speed = rss = "pending (hygge not measured in this run)"
        met = True
    else:
        rss_ok = hygge.peak_rss_mb <= TARGET_RSS_MB
        rss = f"{'met' if rss_ok else 'MISSED'} ({hygge.peak_rss_mb:.0f} MB)"
        if baseline is None:
            speed, speed_ok = "not judged (DuckDB not measured in this run)", True
        else:
            ratio = hygge.rows_per_s / baseline.rows_per_s
            speed_ok = ratio >= TARGET_RATIO
            speed = f"{'met' if speed_ok else 'MISSED'} ({ratio:.2f}×)"
        met = rss_ok and speed_ok
    return [
        "Targets for hygge:",
        f"- rows/s ≥ {TARGET_RATIO}× DuckDB's rows/s: {speed}",
        f"- peak RSS ≤ {TARGET_RSS_MB} MB: {rss}",
    ], met


def render_section(
    results: dict[str, ToolResult], rows: int, repeat: int, tools: str, pending_note: str,
    facts: list[str],
) -> tuple[str, bool]:
    targets, met = target_verdicts(results)
    body = [
        START_MARKER,
        f"Parquet → Parquet (snappy), median wall time of {repeat} run(s) per tool "
        f"after one untimed warm-up; `TOOLS=\"{tools}\"`. "
        "Peak RSS is the largest \"Maximum resident set size\" of those runs; "
        "CPU s is the median user + system time (less sensitive than wall time to other load).",
        "",
        *table_lines(results, rows, pending_note),
        "",
        *targets,
        "",
        *facts,
        END_MARKER,
    ]
    return "\n".join(body) + "\n", met


def replace_section(document: str, section: str) -> str:
    """The document with its marked section replaced, or the section appended."""
    start, end = document.find(START_MARKER), document.find(END_MARKER)
    if start == -1 and end == -1:
        return document.rstrip("\n") + "\n\n" + section
    if start == -1 or end == -1 or end < start:
        raise ValueError(f"markers {START_MARKER} / {END_MARKER} are unbalanced")
    tail = document[end + len(END_MARKER):]
    return document[:start] + section.rstrip("\n") + tail


def summary(args: argparse.Namespace) -> int:
    measured = read_results(Path(args.results))
    results = {}
    for tool, runs in measured.items():
        failed = [m for m in runs if m.exit_status != 0]
        if failed:
            raise ValueError(f"{tool}: a measured run exited with status {failed[0].exit_status}")
        results[tool] = ToolResult(tool, args.rows, tuple(runs))
    repeat = max((len(r.runs) for r in results.values()), default=0)
    facts = machine_facts(Path(args.repo), args.rows, Path(args.input), args.load_start)
    section, met = render_section(results, args.rows, repeat, args.tools, args.pending_note, facts)
    print(section)
    if args.out_dir:
        out = Path(args.out_dir)
        (out / "results.md").write_text(section)
        raw = {
            tool: {"rows": r.rows, "wall_s": [m.wall_s for m in r.runs],
                   "max_rss_kb": [m.max_rss_kb for m in r.runs],
                   "median_s": r.median_s, "rows_per_s": r.rows_per_s}
            for tool, r in results.items()
        }
        (out / "results.json").write_text(json.dumps(raw, indent=2) + "\n")
    if args.docs:
        docs = Path(args.docs)
        document = docs.read_text() if docs.exists() else "# Benchmarks\n"
        docs.parent.mkdir(parents=True, exist_ok=True)
        docs.write_text(replace_section(document, section))
        print(f"updated {docs}")
    if args.strict and not met:
        print("hygge missed a target (STRICT=1)", file=sys.stderr)
        return 3
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("one")
    one.add_argument("time_file")
    summ = sub.add_parser("summary")
    summ.add_argument("--results", required=True)
    summ.add_argument("--rows", type=int, required=True)
    summ.add_argument("--input", required=True)
    summ.add_argument("--docs")
    summ.add_argument("--tools", default=" ".join(TOOL_ORDER))
    summ.add_argument("--pending-note", default="pending: not measured in this run")
    summ.add_argument("--out-dir")
    summ.add_argument("--repo", default=os.getcwd())
    summ.add_argument("--strict", action="store_true")
    summ.add_argument("--load-start", default="not recorded")
    args = parser.parse_args(argv)
    if args.command == "one":
        m = parse_time_file(Path(args.time_file))
        print(f"peak RSS {m.rss_mb:.0f} MB")
        return 0
    return summary(args)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except ValueError as error:
        print(f"report.py: {error}", file=sys.stderr)
        sys.exit(1)
