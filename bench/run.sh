#!/usr/bin/env bash
# Parquet -> Parquet benchmark: hygge vs DuckDB vs Polars. See bench/README.md.
#
# Environment (all optional):
#   ROWS=10000000          rows in the generated orders table
#   REPEAT=3               measured runs per tool (median wall time, max RSS reported)
#   WARMUP=1               untimed runs per tool before measuring (builds hygge, warms caches)
#   TOOLS="duckdb polars hygge hygge-rewrite"   tools to run, in this order (hygge-rewrite:
#                          hygge with copy_row_groups false, the decode + encode path)
#   SHARED_DIR=...         folder holding bench/make_orders.py (default: ../shared beside the repo)
#   PYTHON=python3         interpreter used to create bench/.venv
#   DOCS=docs/benchmarks.md  Markdown file whose marked section is replaced; DOCS= to skip
#   HYGGE_OUTPUT_FILE=     if set, BENCH_OUTPUT is OUT_DIR/$HYGGE_OUTPUT_FILE instead of OUT_DIR
#   STRICT=0               1: exit 3 when hygge misses a target
#   PREPARE_ONLY=0         1: set up bench/.venv and the input file, then stop (bench/run_s3.sh uses it)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
ROWS="${ROWS:-10000000}"
REPEAT="${REPEAT:-3}"
WARMUP="${WARMUP:-1}"
TOOLS="${TOOLS:-duckdb polars hygge hygge-rewrite}"
PYTHON="${PYTHON:-python3}"
DOCS="${DOCS-$ROOT/docs/benchmarks.md}"
HYGGE_OUTPUT_FILE="${HYGGE_OUTPUT_FILE:-}"
STRICT="${STRICT:-0}"
VENV="$BENCH_DIR/.venv"
DATA="$BENCH_DIR/data/orders.parquet"
OUT="$BENCH_DIR/out"
TIME_BIN=/usr/bin/time

die() { echo "bench: ERROR: $*" >&2; exit 1; }
log() { echo "bench: $*"; }

# ---- checks before any work -------------------------------------------------------------
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || die "ROWS must be a positive integer, got '$ROWS'"
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "REPEAT must be a positive integer, got '$REPEAT'"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer, got '$WARMUP'"
read -r -a TOOL_LIST <<<"$TOOLS"
((${#TOOL_LIST[@]} > 0)) || die "TOOLS is empty; use e.g. TOOLS=\"duckdb polars hygge\""
for tool in "${TOOL_LIST[@]}"; do
  case "$tool" in
    duckdb | polars | hygge | hygge-rewrite) ;;
    *) die "unknown tool '$tool' in TOOLS; known: duckdb polars hygge hygge-rewrite" ;;
  esac
done

command -v "$PYTHON" >/dev/null 2>&1 \
  || die "'$PYTHON' not found; install Python 3.11+ (Debian: apt-get install python3 python3-venv) or set PYTHON=/path/to/python3"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || die "$("$PYTHON" --version 2>&1) is too old; the pinned numpy/pyarrow need Python 3.11+ (set PYTHON=...)"
[[ -x "$TIME_BIN" ]] || die "$TIME_BIN not found; install GNU time (Debian: apt-get install time)"
"$TIME_BIN" -v -o /dev/null true 2>/dev/null \
  || die "$TIME_BIN does not support -v/-o (not GNU time); install GNU time (Debian: apt-get install time)"

find_make_orders() {
  local candidates=()
  [[ -n "${SHARED_DIR:-}" ]] && candidates+=("$SHARED_DIR")
  candidates+=("$ROOT/../shared")
  # In a git worktree, ../shared sits beside the main checkout, not beside the worktree.
  local common
  if common="$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)"; then
    candidates+=("$(dirname "$common")/../shared")
  fi
  local dir
  for dir in "${candidates[@]}"; do
    if [[ -f "$dir/bench/make_orders.py" ]]; then
      echo "$(cd "$dir" && pwd)/bench/make_orders.py"
      return 0
    fi
  done
  return 1
}
MAKE_ORDERS="$(find_make_orders)" \
  || die "make_orders.py not found: looked for bench/make_orders.py in ${SHARED_DIR:+\$SHARED_DIR ($SHARED_DIR), }$ROOT/../shared and beside the main git checkout. Put the shared folder beside the repo or set SHARED_DIR=/path/to/shared"

if [[ " ${TOOL_LIST[*]} " == *" hygge"* ]]; then
  [[ -x "$ROOT/hygge" ]] \
    || die "hygge launcher $ROOT/hygge not found or not executable (it lands with the CLI). To measure only the peers: TOOLS=\"duckdb polars\" $0"
  command -v java >/dev/null 2>&1 || die "java not found; hygge needs a JDK 17+ on PATH"
fi

# ---- Python environment -----------------------------------------------------------------
setup_venv() {
  local stamp="$VENV/.requirements.sha256" want
  want="$(sha256sum "$BENCH_DIR/requirements.txt" | cut -d' ' -f1)"
  if [[ -x "$VENV/bin/python" ]] && [[ -f "$stamp" ]] && [[ "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  if [[ ! -x "$VENV/bin/python" ]]; then
    log "creating $VENV with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$VENV" \
      || die "could not create $VENV (Debian: apt-get install python3-venv)"
  fi
  log "installing $(grep -cvE '^\s*(#|$)' "$BENCH_DIR/requirements.txt") pinned packages into $VENV"
  "$VENV/bin/python" -m pip install -q -r "$BENCH_DIR/requirements.txt" \
    || die "pip install -r bench/requirements.txt failed (see above)"
  echo "$want" >"$stamp"
}
setup_venv
PY="$VENV/bin/python"

# ---- input data -------------------------------------------------------------------------
parquet_rows() { "$PY" -c 'import sys, pyarrow.parquet as pq; print(pq.ParquetFile(sys.argv[1]).metadata.num_rows)' "$1"; }

mkdir -p "$BENCH_DIR/data"
if [[ -f "$DATA" ]] && [[ "$(parquet_rows "$DATA" 2>/dev/null || echo invalid)" == "$ROWS" ]]; then
  log "input $DATA already has $ROWS rows"
else
  log "generating $ROWS rows into $DATA with $MAKE_ORDERS"
  rm -f "$DATA.tmp"
  "$PY" "$MAKE_ORDERS" "$ROWS" "$DATA.tmp" || die "make_orders.py failed"
  got="$(parquet_rows "$DATA.tmp")"
  [[ "$got" == "$ROWS" ]] || die "make_orders.py wrote $got rows, expected $ROWS"
  mv -f "$DATA.tmp" "$DATA"
fi

if [[ "${PREPARE_ONLY:-0}" == "1" ]]; then
  log "PREPARE_ONLY=1: $VENV and $DATA are ready; nothing measured"
  exit 0
fi

# ---- measuring ----------------------------------------------------------------------------
tool_command() {
  # Sets CMD (an array): the command that copies $DATA into output dir $2 with tool $1.
  local tool="$1" dir="$2"
  case "$tool" in
    duckdb) CMD=("$PY" "$BENCH_DIR/copy_duckdb.py" "$DATA" "$dir/orders.parquet") ;;
    polars) CMD=("$PY" "$BENCH_DIR/copy_polars.py" "$DATA" "$dir/orders.parquet") ;;
    hygge) CMD=(env "BENCH_INPUT=$DATA" "BENCH_OUTPUT=$dir${HYGGE_OUTPUT_FILE:+/$HYGGE_OUTPUT_FILE}"
      "$ROOT/hygge" go --project "$BENCH_DIR/project") ;;
    hygge-rewrite) CMD=(env "BENCH_INPUT=$DATA" "BENCH_OUTPUT=$dir${HYGGE_OUTPUT_FILE:+/$HYGGE_OUTPUT_FILE}"
      "$ROOT/hygge" go --project "$BENCH_DIR/project" --var flow.orders.store.copy_row_groups=false) ;;
  esac
}

# run_once TOOL LABEL: runs TOOL into a fresh output dir under time -v, verifies the output.
run_once() {
  local tool="$1" label="$2" dir="$OUT/$1/output"
  local time_file="$OUT/$tool/time-$label.txt" log_file="$OUT/$tool/log-$label.txt"
  rm -rf "$dir"
  mkdir -p "$dir"
  tool_command "$tool" "$dir"
  # Flush the previous runs' dirty pages so that no run pays for another's writeback.
  sync
  local start_ns end_ns
  start_ns="$(date +%s%N)"
  if ! (cd "$ROOT" && "$TIME_BIN" -v -o "$time_file" "${CMD[@]}") >"$log_file" 2>&1; then
    echo "---- last lines of $log_file ----" >&2
    tail -n 40 "$log_file" >&2
    die "$tool ($label) failed: ${CMD[*]}"
  fi
  end_ns="$(date +%s%N)"
  # GNU time rounds wall time to 10 ms; keep our own nanosecond reading for the report.
  WALL_S="$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.6f", (b - a) / 1e9 }')"
  log "$tool $label: $(printf "%.3f" "$WALL_S") s wall, $("$PY" "$BENCH_DIR/report.py" one "$time_file")"
  "$PY" "$BENCH_DIR/verify_output.py" "$tool" "$DATA" "$dir" \
    || die "$tool ($label) wrote a wrong output; see $dir and $log_file"
}

LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
if awk -v l="$LOAD_START" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  log "WARNING: 1-minute load average is $LOAD_START on $(nproc) cores: other work shares this machine, wall times will be inflated"
fi
for tool in "${TOOL_LIST[@]}"; do rm -rf "${OUT:?}/$tool"; mkdir -p "$OUT/$tool"; done
RESULTS="$OUT/results.tsv"
: >"$RESULTS"

for ((w = 1; w <= WARMUP; w++)); do
  for tool in "${TOOL_LIST[@]}"; do run_once "$tool" "warmup$w"; done
done
# The launcher builds hygge on first use: never let that build land in a measured run.
if ((WARMUP == 0)) && [[ " ${TOOL_LIST[*]} " == *" hygge "* ]]; then
  run_once hygge build
fi
# Round-robin over tools so that drift on the machine spreads evenly across them.
for ((r = 1; r <= REPEAT; r++)); do
  for tool in "${TOOL_LIST[@]}"; do
    run_once "$tool" "run$r"
    printf '%s\t%s\t%s\t%s\n' "$tool" "$r" "$OUT/$tool/time-run$r.txt" "$WALL_S" >>"$RESULTS"
  done
done

# ---- report -----------------------------------------------------------------------------
if [[ -x "$ROOT/hygge" ]]; then
  PENDING="not measured in this run (TOOLS=\"$TOOLS\")"
else
  PENDING="pending: the \`./hygge\` CLI has not landed yet; run \`bench/run.sh\` once it has"
fi
report_args=(summary --results "$RESULTS" --rows "$ROWS" --input "$DATA" --tools "$TOOLS"
  --pending-note "$PENDING" --out-dir "$OUT" --repo "$ROOT" --load-start "$LOAD_START")
[[ -n "$DOCS" ]] && report_args+=(--docs "$DOCS")
[[ "$STRICT" == "1" ]] && report_args+=(--strict)
(cd "$ROOT" && "$PY" "$BENCH_DIR/report.py" "${report_args[@]}")
