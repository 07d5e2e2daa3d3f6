#!/usr/bin/env python3
"""Summarise bench/run_s3.sh's runs: a Markdown table, written to docs/benchmarks.md.

Usage: report_s3.py --results FILE --rows N --input FILE [--docs FILE] ...

The results file has one line per measured run: tool, run number, GNU time report, wall
seconds (run_s3.sh's nanosecond clock) and the 1-minute load average when the run started.
Parsing the time reports and the machine facts are report.py's.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from datetime import datetime, timezone
from pathlib import Path

import report

START_MARKER = "<!-- bench:s3-start -->"
END_MARKER = "<!-- bench:s3-end -->"
TOOL_ORDER = ("duckdb", "hygge", "hygge-rewrite")
TOOL_LABELS = {
    "duckdb": "DuckDB (httpfs)",
    "hygge": "hygge (defaults: row groups copied)",
    "hygge-rewrite": "hygge (`copy_row_groups: false`: decode + encode)",
}
PEER = "duckdb"


def read_runs(results: Path) -> dict[str, list[tuple[report.Measurement, str]]]:
    """(measurement, load at start) per tool, in file order."""
    runs: dict[str, list[tuple[report.Measurement, str]]] = {}
    for number, line in enumerate(results.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            raise ValueError(f"{results}:{number}: expected tool, run, timefile, wall_s, load")
        tool, _, time_file, wall_s, load = fields
        reported = report.parse_time_file(Path(time_file))
        if reported.exit_status != 0:
            raise ValueError(f"{time_file}: {tool} exited with {reported.exit_status}")
        measured = report.Measurement(
            float(wall_s), reported.max_rss_kb, reported.exit_status, reported.cpu_s)
        runs.setdefault(tool, []).append((measured, load))
    return runs


def table(runs: dict[str, list[tuple[report.Measurement, str]]], rows: int) -> list[str]:
    """The results table, one line per tool, with peer time / tool time."""
    results = {tool: report.ToolResult(tool, rows, tuple(m for m, _ in measured))
               for tool, measured in runs.items()}
    peer = results.get(PEER)
    lines = [
        "| tool | rows | median s | rows/s | DuckDB time ÷ this time | peak RSS MB | CPU s "
        "| runs (s) | load at each run's start |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for tool in TOOL_ORDER:
        if tool not in results:
            continue
        result = results[tool]
        ratio = f"{peer.median_s / result.median_s:.2f}×" if peer else "—"
        label = TOOL_LABELS[tool]
        if tool == PEER:
            label += f" {report.package_version('duckdb')}"
        lines.append(
            f"| {label} | {report.fmt_int(rows)} | {result.median_s:.3f} "
            f"| {report.fmt_int(result.rows_per_s)} | {ratio} | {result.peak_rss_mb:.0f} "
            f"| {result.median_cpu_s:.2f} "
            f"| {' / '.join(f'{m.wall_s:.3f}' for m, _ in runs[tool])} "
            f"| {' / '.join(load for _, load in runs[tool])} |")
    return lines


def render(args: argparse.Namespace, runs: dict[str, list[tuple[report.Measurement, str]]]) -> str:
    repo = Path(args.repo)
    commit = report.run_text(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"])
    lines = [
        START_MARKER,
        f"Parquet → Parquet (snappy) through the S3 emulator on loopback, median wall time of "
        f"{args.repeat} run(s) per tool after {args.warmup} untimed warm-up run(s) per tool"
        f"{' (hygge: one, as a build check)' if args.warmup == 0 else ''}, round-robin; "
        f"`TOOLS=\"{args.tools}\"`. "
        "Peak RSS is the largest \"Maximum resident set size\" of the tool's process in those "
        "runs (the emulator's memory is not in it); CPU s is the median user + system time of "
        "the tool's process (the emulator's CPU is not in it either).",
        "",
        *table(runs, args.rows),
        "",
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; repo commit `{commit}`",
        f"- Machine: nproc {report.run_text(['nproc'])}, memory {report.mem_total_gib()}, "
        f"CPU {report.cpu_model()}",
        f"- Java: `{report.run_text(['java', '-version'])}`",
        f"- Python {sys.version.split()[0]}; duckdb {report.package_version('duckdb')} with "
        f"duckdb-extension-httpfs {report.package_version('duckdb-extension-httpfs')} "
        "(loaded from the wheel's file)",
        f"- Emulator: s3proxy (filesystem store, one JVM); its own peak RSS over the whole "
        f"run: {int(args.emulator_rss_kb) // report.KIB_PER_MB} MB",
        f"- Input: {report.input_facts(Path(args.input), args.rows)}, uploaded once as "
        "`s3://bench/in/orders.parquet`",
        f"- `uptime` at start: `{args.uptime_start.strip()}`",
        f"- `uptime` at end: `{args.uptime_end.strip()}`",
        "  (a load near or above nproc means other work shared the machine: wall times are "
        "inflated, CPU s much less so)",
        END_MARKER,
    ]
    return "\n".join(lines)


def replace_section(document: str, section: str) -> str:
    """The document with the text between the S3 markers replaced by section."""
    start = document.find(START_MARKER)
    end = document.find(END_MARKER)
    if start < 0 or end < start:
        raise ValueError(f"markers {START_MARKER} ... {END_MARKER} not found")
    return document[:start] + section + document[end + len(END_MARKER):]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--input", required=True)
    parser.add_argument("--tools", default=" ".join(TOOL_ORDER))
    parser.add_argument("--repeat", type=int, required=True)
    parser.add_argument("--warmup", type=int, required=True)
    parser.add_argument("--docs")
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--repo", default=".")
    parser.add_argument("--uptime-start", default="not recorded")
    parser.add_argument("--uptime-end", default="not recorded")
    parser.add_argument("--emulator-rss-kb", default="0")
    args = parser.parse_args(argv)
    runs = read_runs(Path(args.results))
    section = render(args, runs)
    out_dir = Path(args.out_dir)
    (out_dir / "results.md").write_text(section + "\n")
    (out_dir / "results.json").write_text(json.dumps({
        tool: {"median_s": statistics.median(m.wall_s for m, _ in measured),
               "runs_s": [m.wall_s for m, _ in measured],
               "peak_rss_mb": max(m.rss_mb for m, _ in measured),
               "loads": [load for _, load in measured]}
        for tool, measured in runs.items()}, indent=2) + "\n")
    print(section)
    if args.docs:
        docs = Path(args.docs)
        docs.write_text(replace_section(docs.read_text(), section))
        print(f"bench-s3: updated {docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
