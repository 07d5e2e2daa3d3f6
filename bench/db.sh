#!/usr/bin/env bash
# Database benchmarks: the 10M-row orders table through PostgreSQL and DuckDB, hygge vs the
# databases' own tools. See bench/README.md ("Database benchmarks").
#
#   load    Parquet -> PostgreSQL: hygge (binary COPY)      vs psql \copy FROM a CSV of the same data
#   unload  PostgreSQL -> Parquet: hygge (binary COPY TO)   vs psql \copy (SELECT ...) TO CSV
#   duck    Parquet -> DuckDB:     hygge                    vs DuckDB reading the Parquet itself
#
# Environment (all optional):
#   ROWS=10000000   rows in the generated orders table (bench/run.sh's generator and file)
#   REPEAT=3        measured runs per tool (median wall time, largest peak RSS)
#   CASES="load unload duck"
#   PG_PORT=55439   port of the PostgreSQL this script starts (127.0.0.1 only)
#   PG_BIN=/usr/lib/postgresql/15/bin   initdb, pg_ctl and postgres
#   PARTITIONS=2    hygge's parallel range reads for unload (partition_column id)
#   DOCS=docs/benchmarks.md   file whose <!-- bench:db-start/end --> section is replaced; empty to skip
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
ROWS="${ROWS:-10000000}"
REPEAT="${REPEAT:-3}"
CASES="${CASES:-load unload duck}"
PG_PORT="${PG_PORT:-55439}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PARTITIONS="${PARTITIONS:-2}"
DOCS="${DOCS-$ROOT/docs/benchmarks.md}"
OUT="$BENCH_DIR/out/db"
DATA="$BENCH_DIR/data/orders.parquet"
CSV="$BENCH_DIR/data/orders.csv"
PGDATA_DIR="$OUT/pgdata"
PY="$BENCH_DIR/.venv/bin/python"
PSQL=(/usr/bin/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
TIME_BIN=/usr/bin/time

die() { echo "bench-db: ERROR: $*" >&2; exit 1; }
log() { echo "bench-db: $*"; }

[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || die "ROWS must be a positive integer, got '$ROWS'"
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "REPEAT must be a positive integer, got '$REPEAT'"
[[ -x /usr/bin/psql ]] || die "/usr/bin/psql not found (Debian: apt-get install postgresql-client)"
[[ -x "$PG_BIN/pg_ctl" ]] || die "$PG_BIN/pg_ctl not found; set PG_BIN to a PostgreSQL bin folder"
[[ -x "$TIME_BIN" ]] || die "$TIME_BIN not found (Debian: apt-get install time)"
[[ -x "$ROOT/hygge" ]] || die "hygge launcher $ROOT/hygge not found"
id postgres >/dev/null 2>&1 || die "user postgres missing: PostgreSQL refuses to run as root (Debian: apt-get install postgresql)"

# The input: the same file and generator as bench/run.sh (ROWS rows; run.sh makes it and the venv).
if [[ ! -x "$PY" ]] || [[ ! -f "$DATA" ]] \
  || [[ "$("$PY" -c 'import sys, pyarrow.parquet as pq; print(pq.ParquetFile(sys.argv[1]).metadata.num_rows)' "$DATA" 2>/dev/null)" != "$ROWS" ]]; then
  log "preparing $DATA with bench/run.sh (no measured runs)"
  ROWS="$ROWS" REPEAT=1 WARMUP=0 TOOLS=duckdb DOCS= "$BENCH_DIR/run.sh" >/dev/null
fi
if [[ ! -f "$CSV" ]] || [[ "$CSV" -ot "$DATA" ]]; then
  log "writing $CSV from $DATA with DuckDB (the input of psql \\copy)"
  "$PY" -c 'import duckdb, sys; duckdb.sql(f"COPY (SELECT * FROM read_parquet(\x27{sys.argv[1]}\x27)) TO \x27{sys.argv[2]}.tmp\x27 (FORMAT csv, HEADER)")' "$DATA" "$CSV"
  mv -f "$CSV.tmp" "$CSV"
fi

# ---- PostgreSQL ---------------------------------------------------------------------------
mkdir -p "$OUT"
stop_pg() { su postgres -c "$PG_BIN/pg_ctl -D '$PGDATA_DIR' -m fast stop" >/dev/null 2>&1 || true; }
if [[ ! -f "$PGDATA_DIR/PG_VERSION" ]]; then
  rm -rf "$PGDATA_DIR"
  mkdir -p "$PGDATA_DIR"
  chown postgres "$PGDATA_DIR"
  su postgres -c "$PG_BIN/initdb -D '$PGDATA_DIR' -A trust -U postgres" >"$OUT/initdb.log" 2>&1 \
    || die "initdb failed, see $OUT/initdb.log"
fi
# Checkpoints spaced out so that no tool pays for another's WAL; otherwise PostgreSQL's defaults.
su postgres -c "$PG_BIN/pg_ctl -D '$PGDATA_DIR' -l '$PGDATA_DIR/postgres.log' -w \
  -o '-p $PG_PORT -c listen_addresses=127.0.0.1 -c max_wal_size=8GB -c shared_buffers=512MB' start" >/dev/null \
  || die "PostgreSQL did not start, see $PGDATA_DIR/postgres.log"
trap stop_pg EXIT
PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
DDL="(id BIGINT NOT NULL, customer_id BIGINT, amount NUMERIC(12,2), status TEXT NOT NULL, note TEXT, created_at TIMESTAMPTZ, is_paid BOOLEAN NOT NULL)"

# ---- measuring ----------------------------------------------------------------------------
RESULTS="$OUT/results.tsv"
: >"$RESULTS"
export BENCH_INPUT="$DATA" BENCH_PG_URL="$PG_URL" BENCH_PG_USER=postgres BENCH_PG_PARTITIONS="$PARTITIONS" \
  BENCH_OUTPUT="$OUT/output/hygge" BENCH_DUCKDB="$OUT/orders.duckdb" PGOPTIONS="-c client_min_messages=warning"

# prepare CASE TOOL: untimed set-up before a run; sets CMD, the measured command.
prepare() {
  local case="$1" tool="$2"
  rm -rf "$OUT/output" "$OUT/orders.duckdb" "$OUT/orders.duckdb.wal"
  mkdir -p "$OUT/output"
  case "$case/$tool" in
    load/hygge)
      "${PSQL[@]}" -c "DROP TABLE IF EXISTS orders_hygge"
      CMD=("$ROOT/hygge" go --project "$BENCH_DIR/project-db" --flow pg_load) ;;
    load/psql)
      "${PSQL[@]}" -c "DROP TABLE IF EXISTS orders_psql" -c "CREATE TABLE orders_psql $DDL"
      CMD=("${PSQL[@]}" -c "\\copy orders_psql FROM '$CSV' (FORMAT csv, HEADER)") ;;
    unload/hygge)
      CMD=("$ROOT/hygge" go --project "$BENCH_DIR/project-db" --flow pg_unload) ;;
    unload/psql)
      CMD=("${PSQL[@]}" -c "\\copy (SELECT * FROM orders_source) TO '$OUT/output/orders.csv' (FORMAT csv, HEADER)") ;;
    duck/hygge)
      CMD=("$ROOT/hygge" go --project "$BENCH_DIR/project-db" --flow duck_load) ;;
    duck/duckdb)
      CMD=("$PY" -c 'import duckdb, sys; c = duckdb.connect(sys.argv[1]); c.execute(f"CREATE TABLE orders AS SELECT * FROM read_parquet(\x27{sys.argv[2]}\x27)"); c.close()' "$OUT/orders.duckdb" "$DATA") ;;
  esac
}

# check CASE TOOL: fails unless the run moved every row.
check() {
  local case="$1" tool="$2" got
  case "$case/$tool" in
    load/*) got="$("${PSQL[@]}" -At -c "SELECT count(*) FROM orders_$tool")" ;;
    unload/hygge) got="$("$PY" -c 'import duckdb, sys; print(duckdb.sql(f"SELECT count(*) FROM read_parquet(\x27{sys.argv[1]}/**/*.parquet\x27)").fetchall()[0][0])' "$OUT/output/hygge")" ;;
    unload/psql) got="$(($(wc -l <"$OUT/output/orders.csv") - 1))" ;;
    duck/*) got="$("$PY" -c 'import duckdb, sys; print(duckdb.connect(sys.argv[1], read_only=True).sql("SELECT count(*) FROM orders").fetchall()[0][0])' "$OUT/orders.duckdb")" ;;
  esac
  [[ "$got" == "$ROWS" ]] || die "$case/$tool moved $got rows, expected $ROWS"
}

run_once() {
  local case="$1" tool="$2" label="$3"
  local time_file="$OUT/time-$case-$tool-$label.txt" log_file="$OUT/log-$case-$tool-$label.txt"
  prepare "$case" "$tool"
  sync
  "${PSQL[@]}" -c "CHECKPOINT"
  local start_ns end_ns
  start_ns="$(date +%s%N)"
  (cd "$ROOT" && "$TIME_BIN" -v -o "$time_file" "${CMD[@]}") >"$log_file" 2>&1 \
    || { tail -n 30 "$log_file" >&2; die "$case/$tool ($label) failed"; }
  end_ns="$(date +%s%N)"
  check "$case" "$tool"
  local wall rss
  wall="$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
  rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$time_file")"
  log "$case/$tool $label: $wall s, peak RSS $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg)"
  [[ "$label" == warmup ]] || printf '%s\t%s\t%s\t%s\n' "$case" "$tool" "$wall" "$rss" >>"$RESULTS"
}

UPTIME_START="$(uptime)"
for case in $CASES; do
  case "$case" in
    load) tools="psql hygge" ;;
    unload)
      tools="psql hygge"
      if [[ "$("${PSQL[@]}" -At -c "SELECT count(*) FROM pg_tables WHERE tablename = 'orders_source'")" != 1 ]] \
        || [[ "$("${PSQL[@]}" -At -c "SELECT count(*) FROM orders_source")" != "$ROWS" ]]; then
        log "loading orders_source for the unload case"
        "${PSQL[@]}" -c "DROP TABLE IF EXISTS orders_source" -c "CREATE TABLE orders_source $DDL" \
          -c "\\copy orders_source FROM '$CSV' (FORMAT csv, HEADER)" -c "VACUUM ANALYZE orders_source"
      fi ;;
    duck) tools="duckdb hygge" ;;
    *) die "unknown case '$case'; known: load unload duck" ;;
  esac
  for tool in $tools; do run_once "$case" "$tool" warmup; done
  for ((r = 1; r <= REPEAT; r++)); do
    for tool in $tools; do run_once "$case" "$tool" "run$r"; done
  done
done
UPTIME_END="$(uptime)"

# ---- report -------------------------------------------------------------------------------
REPORT="$OUT/results.md"
{
  echo "<!-- bench:db-start -->"
  echo "Measured $(date -u +%Y-%m-%d) by \`bench/db.sh\` (ROWS=$ROWS, REPEAT=$REPEAT, PARTITIONS=$PARTITIONS):"
  echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1, DuckDB $("$PY" -c 'import duckdb; print(duckdb.__version__)'), $(java -version 2>&1 | head -1)."
  echo "Load at start: \`${UPTIME_START#*load average: }\`; at end: \`${UPTIME_END#*load average: }\` (1, 5, 15 min)."
  echo
  echo "| case | tool | median wall s | rows/s | ratio (rows/s vs peer) | peak RSS MB (client) |"
  echo "|---|---|---:|---:|---:|---:|"
  for case in $CASES; do
    peer_median=""
    for tool in $(awk -F'\t' -v c="$case" '$1 == c { print $2 }' "$RESULTS" | awk '!seen[$0]++'); do
      median="$(awk -F'\t' -v c="$case" -v t="$tool" '$1 == c && $2 == t { print $3 }' "$RESULTS" | sort -n \
        | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
      rss="$(awk -F'\t' -v c="$case" -v t="$tool" '$1 == c && $2 == t && $4 > m { m = $4 } END { printf "%.0f", m / 1024 }' "$RESULTS")"
      [[ -z "$peer_median" ]] && peer_median="$median"
      ratio="$(awk -v p="$peer_median" -v m="$median" 'BEGIN { printf "%.2f", p / m }')"
      echo "| $case | $tool | $median | $(awk -v r="$ROWS" -v m="$median" 'BEGIN { printf "%.0f", r / m }') | ${ratio}× | $rss |"
    done
  done
  echo "<!-- bench:db-end -->"
} >"$REPORT"
cat "$REPORT"
if [[ -n "$DOCS" ]]; then
  "$PY" - "$DOCS" "$REPORT" <<'PY'
import sys
docs, report = sys.argv[1], open(sys.argv[2]).read().rstrip("\n")
text = open(docs).read()
start, end = "<!-- bench:db-start -->", "<!-- bench:db-end -->"
if start in text and end in text:
    text = text[: text.index(start)] + report + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + "\n\n" + report + "\n"
open(docs, "w").write(text)
PY
  log "updated $DOCS"
fi
