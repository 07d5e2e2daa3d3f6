#!/usr/bin/env bash
# Cold start of hygge's Google Cloud functions in their local runtime, the Functions Framework
# invoker: for each function, start a fresh JVM on the deployment jar and time from launch to the
# first answer to a small event (a two-row CSV entity loaded into Parquet), REPEAT times.
#
#   manual  QuarkusHttpFunction, POST {"flow": "sales", "entity": "orders"}
#   events  QuarkusCloudEventsFunction, a binary-mode google.cloud.pubsub.topic.v1.messagePublished
#           CloudEvent carrying the same run message
#
# Build the jar first: ./mvnw -B -pl functions-gcp -am package -DskipTests
#
# Environment (all optional):
#   REPEAT=3        cold starts per function (median and all runs are printed)
#   FUNCTIONS="manual events"
#   PORT=18765      the invoker's port
#   INVOKER_VERSION=1.4.1   com.google.cloud.functions.invoker:java-function-invoker
#   JAVA=java       a JDK 17+ (the functions run java21 on Google Cloud)
#   TIMEOUT_S=120   give up on one start after this long
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
REPEAT="${REPEAT:-3}"
FUNCTIONS="${FUNCTIONS:-manual events}"
PORT="${PORT:-18765}"
INVOKER_VERSION="${INVOKER_VERSION:-1.4.1}"
JAVA="${JAVA:-java}"
TIMEOUT_S="${TIMEOUT_S:-120}"
OUT="$BENCH_DIR/out/cold_start_gcp"
RUN_MESSAGE='{"flow": "sales", "entity": "orders"}'
POLL_S=0.02

die() { echo "cold_start_gcp: ERROR: $*" >&2; exit 1; }
log() { echo "cold_start_gcp: $*"; }

[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "REPEAT must be a positive integer, got '$REPEAT'"
[[ "$PORT" =~ ^[1-9][0-9]*$ ]] || die "PORT must be a port number, got '$PORT'"
command -v "$JAVA" >/dev/null 2>&1 || die "'$JAVA' not found; install a JDK 17+ or set JAVA=..."
command -v curl >/dev/null 2>&1 || die "curl not found (Debian: apt-get install curl)"
shopt -s nullglob
jars=("$ROOT"/functions-gcp/target/deployment/*-runner.jar)
((${#jars[@]} == 1)) \
  || die "no single functions-gcp/target/deployment/*-runner.jar; build it: ./mvnw -B -pl functions-gcp -am package -DskipTests"
RUNNER="${jars[0]}"
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  die "something already listens on port $PORT; set PORT=..."
fi

mkdir -p "$OUT"
INVOKER="$OUT/java-function-invoker-$INVOKER_VERSION.jar"
if [[ ! -f "$INVOKER" ]]; then
  log "fetching the Functions Framework invoker $INVOKER_VERSION"
  "$ROOT/mvnw" -B -q dependency:copy \
    -Dartifact="com.google.cloud.functions.invoker:java-function-invoker:$INVOKER_VERSION" \
    -DoutputDirectory="$OUT" >/dev/null \
    || die "cannot fetch com.google.cloud.functions.invoker:java-function-invoker:$INVOKER_VERSION"
fi

PROJECT="$OUT/project"
write_project() {
  rm -rf "$PROJECT"
  mkdir -p "$PROJECT/landing/orders"
  printf 'id,amount,status\n1,12.50,paid\n2,7.25,open\n' >"$PROJECT/landing/orders/orders.csv"
  cat >"$PROJECT/hygge.yml" <<'YAML'
name: bench
flows:
  sales:
    home: {type: csv, path: landing}
    store: {type: parquet, path: lake}
    entities: [orders]
YAML
}

# One request of the function's kind; prints the HTTP status, or fails while nothing listens.
request() {
  local function="$1"
  if [[ "$function" == manual ]]; then
    curl -s -o "$OUT/response.txt" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/" \
      -H 'Content-Type: application/json' -d "$RUN_MESSAGE"
  else
    local data
    data="$(printf '%s' "$RUN_MESSAGE" | base64 -w0)"
    curl -s -o "$OUT/response.txt" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/" \
      -H 'Content-Type: application/json' -H 'ce-specversion: 1.0' -H 'ce-id: bench-1' \
      -H 'ce-type: google.cloud.pubsub.topic.v1.messagePublished' \
      -H 'ce-source: //pubsub.googleapis.com/projects/bench/topics/hygge-runs' \
      -d "{\"message\": {\"data\": \"$data\", \"messageId\": \"bench-1\"}, \"subscription\": \"projects/bench/subscriptions/bench\"}"
  fi
}

INVOKER_PID=""
stop_invoker() {
  if [[ -n "$INVOKER_PID" ]] && kill -0 "$INVOKER_PID" 2>/dev/null; then
    kill "$INVOKER_PID"
    wait "$INVOKER_PID" 2>/dev/null || true
  fi
  INVOKER_PID=""
}
trap stop_invoker EXIT

# Starts the function cold and prints the milliseconds to its first answer.
cold_start() {
  local function="$1" target="$2" log_file="$3"
  write_project
  local start end status deadline
  start="$(date +%s%N)"
  HYGGE_PROJECT="$PROJECT" QUARKUS_GOOGLE_CLOUD_FUNCTIONS_FUNCTION="$function" \
    "$JAVA" --add-opens=java.base/java.nio=ALL-UNNAMED -jar "$INVOKER" \
    --classpath "$RUNNER" --target "$target" --port "$PORT" >"$log_file" 2>&1 &
  INVOKER_PID=$!
  deadline=$((start + TIMEOUT_S * 1000000000))
  until status="$(request "$function")"; do
    kill -0 "$INVOKER_PID" 2>/dev/null || die "the invoker for $function exited; see $log_file"
    (($(date +%s%N) < deadline)) || die "$function did not answer within ${TIMEOUT_S}s; see $log_file"
    sleep "$POLL_S"
  done
  end="$(date +%s%N)"
  stop_invoker
  [[ "$status" == 200 ]] || die "$function answered HTTP $status: $(cat "$OUT/response.txt"); see $log_file"
  compgen -G "$PROJECT/lake/orders/*.parquet" >/dev/null \
    || die "$function answered but wrote no Parquet file; see $log_file"
  echo $(((end - start) / 1000000))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

facts="jar $(basename "$RUNNER") ($(du -m "$RUNNER" | cut -f1) MB), $("$JAVA" -version 2>&1 | head -1), $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
log "$facts"
printf '%s\n\n' "$facts" >"$OUT/results.md"
printf '| function | entry point | cold start to first answer, median (ms) | runs (ms) |\n|---|---|---|---|\n' >>"$OUT/results.md"
for function in $FUNCTIONS; do
  case "$function" in
    manual) target=io.quarkus.gcp.functions.QuarkusHttpFunction ;;
    events) target=io.quarkus.gcp.functions.QuarkusCloudEventsFunction ;;
    *) die "unknown function '$function' in FUNCTIONS; known: manual events" ;;
  esac
  runs=()
  for ((i = 1; i <= REPEAT; i++)); do
    runs+=("$(cold_start "$function" "$target" "$OUT/$function-$i.log")")
    log "$function run $i: ${runs[-1]} ms"
  done
  printf '| %s | `%s` | %s | %s |\n' "$function" "$target" "$(median "${runs[@]}")" "${runs[*]}" >>"$OUT/results.md"
done
cat "$OUT/results.md"
