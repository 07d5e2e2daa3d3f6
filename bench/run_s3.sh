#!/usr/bin/env bash
# Parquet -> Parquet through S3: hygge vs DuckDB (httpfs), both reading s3://bench/in/orders.parquet
# from the same local S3 emulator (s3proxy on loopback) and writing s3://bench/out/<tool>/.
# See bench/README.md ("S3").
#
# Environment (all optional):
#   ROWS=10000000          rows in the orders table (bench/data/orders.parquet, made by bench/run.sh)
#   REPEAT=3               measured runs per tool (median wall time, max RSS reported)
#   WARMUP=1               untimed runs per tool first (hygge always gets at least one)
#   TOOLS="duckdb hygge hygge-rewrite"   tools to run, in this order
#   PYTHON=python3         interpreter used to create bench/.venv-s3
#   DOCS=docs/benchmarks.md  Markdown file whose S3 section is replaced; DOCS= to skip
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
ROWS="${ROWS:-10000000}"
REPEAT="${REPEAT:-3}"
WARMUP="${WARMUP:-1}"
TOOLS="${TOOLS:-duckdb hygge hygge-rewrite}"
PYTHON="${PYTHON:-python3}"
DOCS="${DOCS-$ROOT/docs/benchmarks.md}"
VENV="$BENCH_DIR/.venv-s3"
DATA="$BENCH_DIR/data/orders.parquet"
OUT="$BENCH_DIR/out/s3"
BUCKET="bench"
INPUT_KEY="in/orders.parquet"
TIME_BIN=/usr/bin/time
# shellcheck source=../examples/s3/s3_emulator.sh
source "$ROOT/examples/s3/s3_emulator.sh"

die() { echo "bench-s3: ERROR: $*" >&2; exit 1; }
log() { echo "bench-s3: $*"; }

# ---- checks before any work -------------------------------------------------------------
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || die "ROWS must be a positive integer, got '$ROWS'"
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "REPEAT must be a positive integer, got '$REPEAT'"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer, got '$WARMUP'"
read -r -a TOOL_LIST <<<"$TOOLS"
((${#TOOL_LIST[@]} > 0)) || die "TOOLS is empty; use e.g. TOOLS=\"duckdb hygge\""
for tool in "${TOOL_LIST[@]}"; do
  case "$tool" in
    duckdb | hygge | hygge-rewrite) ;;
    *) die "unknown tool '$tool' in TOOLS; known: duckdb hygge hygge-rewrite" ;;
  esac
done
command -v curl >/dev/null 2>&1 || die "curl not found (Debian: apt-get install curl)"
curl --help all 2>/dev/null | grep -q -- --aws-sigv4 \
  || die "this curl cannot sign S3 requests (--aws-sigv4 needs curl 7.75 or newer)"
[[ -x "$TIME_BIN" ]] || die "$TIME_BIN not found; install GNU time (Debian: apt-get install time)"

# ---- input (bench/run.sh makes it) and the S3 environment -----------------------------------
ROWS="$ROWS" PREPARE_ONLY=1 TOOLS=duckdb PYTHON="$PYTHON" "$BENCH_DIR/run.sh" \
  || die "bench/run.sh could not prepare $DATA (see above)"

want="$(sha256sum "$BENCH_DIR/requirements-s3.txt" | cut -d' ' -f1)"
if [[ ! -x "$VENV/bin/python" ]] || [[ "$(cat "$VENV/.requirements.sha256" 2>/dev/null)" != "$want" ]]; then
  [[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV" || die "could not create $VENV"
  log "installing bench/requirements-s3.txt into $VENV"
  "$VENV/bin/python" -m pip install -q -r "$BENCH_DIR/requirements-s3.txt" \
    || die "pip install -r bench/requirements-s3.txt failed (see above)"
  echo "$want" >"$VENV/.requirements.sha256"
fi
PY="$VENV/bin/python"

rm -rf "$OUT"
mkdir -p "$OUT"
cleanup() {
  s3_emulator_stop
  rm -rf "$OUT/emulator/buckets"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
s3_emulator_start "$ROOT" "$OUT/emulator" || die "the S3 emulator did not start (see above)"
log "S3 emulator (s3proxy, filesystem store under $OUT/emulator) on $S3_EMULATOR_ENDPOINT"
export BENCH_S3_ENDPOINT="$S3_EMULATOR_ENDPOINT"
export BENCH_S3_KEY_ID="$S3_EMULATOR_ACCESS_KEY" BENCH_S3_SECRET="$S3_EMULATOR_SECRET_KEY"
export BENCH_S3_INPUT="s3://$BUCKET/$INPUT_KEY"
s3_create_bucket "$BUCKET" || die "could not create bucket $BUCKET"
s3_put "$DATA" "$BUCKET" "$INPUT_KEY" || die "could not upload $DATA"
log "uploaded $DATA to $BENCH_S3_INPUT"

# ---- measuring ----------------------------------------------------------------------------
tool_command() {
  # Sets CMD (an array): the command that copies the input object to prefix $2 with tool $1.
  local tool="$1" prefix="$2"
  case "$tool" in
    duckdb) CMD=("$PY" "$BENCH_DIR/copy_duckdb_s3.py" "$BENCH_S3_INPUT" "$prefix/orders.parquet") ;;
    hygge) CMD=(env "BENCH_S3_OUTPUT=$prefix" "$ROOT/hygge" go --project "$BENCH_DIR/project-s3") ;;
    hygge-rewrite) CMD=(env "BENCH_S3_OUTPUT=$prefix" "$ROOT/hygge" go --project "$BENCH_DIR/project-s3"
      --var flow.orders.store.copy_row_groups=false) ;;
  esac
}

# run_once TOOL LABEL: runs TOOL into an emptied s3://bench/out/TOOL/ under time -v, verifies it.
run_once() {
  local tool="$1" label="$2" prefix="s3://$BUCKET/out/$1"
  local time_file="$OUT/$tool/time-$label.txt" log_file="$OUT/$tool/log-$label.txt"
  mkdir -p "$OUT/$tool"
  s3_delete_prefix "$BUCKET" "out/$tool/"
  tool_command "$tool" "$prefix"
  # Flush earlier runs' dirty pages (the emulator writes objects to disk) before timing.
  sync
  RUN_LOAD="$(cut -d' ' -f1 /proc/loadavg)"
  local start_ns end_ns
  start_ns="$(date +%s%N)"
  if ! (cd "$ROOT" && "$TIME_BIN" -v -o "$time_file" "${CMD[@]}") >"$log_file" 2>&1; then
    echo "---- last lines of $log_file ----" >&2
    tail -n 40 "$log_file" >&2
    die "$tool ($label) failed: ${CMD[*]}"
  fi
  end_ns="$(date +%s%N)"
  WALL_S="$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.6f", (b - a) / 1e9 }')"
  log "$tool $label: $(printf "%.3f" "$WALL_S") s wall, $("$PY" "$BENCH_DIR/report.py" one "$time_file"), load $RUN_LOAD"
  "$PY" "$BENCH_DIR/verify_s3.py" "$tool" "$DATA" "$prefix" >/dev/null \
    || die "$tool ($label) wrote a wrong output under $prefix; see $log_file"
}

LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
UPTIME_START="$(uptime)"
if awk -v l="$LOAD_START" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  log "WARNING: 1-minute load average is $LOAD_START on $(nproc) cores: other work shares this machine, wall times will be inflated"
fi
RESULTS="$OUT/results.tsv"
: >"$RESULTS"
for ((w = 1; w <= WARMUP; w++)); do
  for tool in "${TOOL_LIST[@]}"; do run_once "$tool" "warmup$w"; done
done
# The launcher builds hygge on first use: never let that build land in a measured run.
if ((WARMUP == 0)) && [[ " ${TOOL_LIST[*]} " == *" hygge"* ]]; then
  run_once hygge build
fi
for ((r = 1; r <= REPEAT; r++)); do
  for tool in "${TOOL_LIST[@]}"; do
    run_once "$tool" "run$r"
    printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$r" "$OUT/$tool/time-run$r.txt" "$WALL_S" "$RUN_LOAD" >>"$RESULTS"
  done
done
UPTIME_END="$(uptime)"
EMULATOR_HWM_KB="$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$S3_EMULATOR_PID/status" 2>/dev/null || true)"

# ---- report -----------------------------------------------------------------------------
report_args=(--results "$RESULTS" --rows "$ROWS" --input "$DATA" --tools "$TOOLS"
  --out-dir "$OUT" --repo "$ROOT" --uptime-start "$UPTIME_START" --uptime-end "$UPTIME_END"
  --emulator-rss-kb "${EMULATOR_HWM_KB:-0}" --repeat "$REPEAT" --warmup "$WARMUP")
[[ -n "$DOCS" ]] && report_args+=(--docs "$DOCS")
(cd "$ROOT" && "$PY" "$BENCH_DIR/report_s3.py" "${report_args[@]}")
