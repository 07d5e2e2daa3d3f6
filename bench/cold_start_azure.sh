#!/usr/bin/env bash
# Cold start of the Azure Functions package (functions-azure), JVM mode: a fresh JVM per run does
# what the Functions Java worker does on a function's first call (bench/azure/ColdStart.java:
# the app's FunctionInstanceInjector starts Quarkus, then the entry point is called) and reports
# the time from JVM start to the first response for a small event. No Functions host or Java
# worker runs here (Azure Functions Core Tools cannot be installed offline), so their own start
# is not included. Native mode is not built: Quarkus's Azure Functions extension runs on the
# Java worker only.
#
#   EVENT=fanout     FanOut with the run message {"flow": "sales", "entity": "orders"} (3 rows, local CSV)
#   EVENT=scheduled  Scheduled with a timer payload (HYGGE_SCHEDULE_FLOW=sales)
#   REPEAT=5         runs (median reported)
#   SKIP_BUILD=1     use the package already in functions-azure/target
#   M2=~/.m2/repository   where the worker-provided Azure Functions libraries are found
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
EVENT="${EVENT:-fanout}"
REPEAT="${REPEAT:-5}"
M2="${M2:-$HOME/.m2/repository}"
OUT="$BENCH_DIR/out/cold-start-azure"
APP="$ROOT/functions-azure/target/azure-functions/hygge-functions"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl core install -DskipTests && ./mvnw -B -q -pl functions-azure package -DskipTests)
fi
[[ -d "$APP" ]] || { echo "No package in $APP: build it (drop SKIP_BUILD)." >&2; exit 2; }

# The Java worker provides these two; the package leaves them out.
WORKER_LIBS=""
for lib in azure-functions-java-library azure-functions-java-core-library; do
  jar="$(find "$M2/com/microsoft/azure/functions/$lib" -name "$lib-*.jar" 2>/dev/null | sort | tail -1)"
  [[ -n "$jar" ]] || { echo "$lib not found under $M2: build functions-azure once." >&2; exit 2; }
  WORKER_LIBS="$WORKER_LIBS:$jar"
done
RUNNER="$(ls "$APP"/*-runner.jar)"
CLASSPATH="$RUNNER:$APP/lib/*$WORKER_LIBS"

rm -rf "$OUT" && mkdir -p "$OUT/classes" "$OUT/project/landing/orders"
# The worker's SPI jar is not served here: bench/azure/worker-spi holds its one interface.
javac -d "$OUT/classes" -cp "$CLASSPATH" "$BENCH_DIR/azure/ColdStart.java" \
  "$BENCH_DIR/azure/worker-spi/com/microsoft/azure/functions/spi/inject/FunctionInstanceInjector.java"
cat > "$OUT/project/hygge.yml" <<'YML'
name: coldstart
flows:
  sales:
    home: {type: csv, path: landing}
    store: {type: parquet, path: lake}
    entities: [orders]
YML
printf 'id,amount,status\n1,12.50,paid\n2,7.25,open\n3,40.00,paid\n' > "$OUT/project/landing/orders/orders.csv"
case "$EVENT" in
  fanout)
    ENTRY=dev.hygge.functions.azure.FanOutFunction.run
    printf '%s' '{"flow": "sales", "entity": "orders"}' > "$OUT/payload.json" ;;
  scheduled)
    ENTRY=dev.hygge.functions.azure.ScheduledFunction.run
    printf '%s' '{"Schedule":{"AdjustForDST":true},"IsPastDue":false}' > "$OUT/payload.json" ;;
  *) echo "EVENT must be fanout or scheduled, got $EVENT" >&2; exit 2 ;;
esac

for i in $(seq 1 "$REPEAT"); do
  rm -rf "$OUT/project/lake" "$OUT/project/.hygge"
  (cd "$APP" && HYGGE_PROJECT="$OUT/project" HYGGE_SCHEDULE_FLOW=sales \
    java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$OUT/classes:$CLASSPATH" \
      ColdStart "$ENTRY" "$OUT/payload.json" 2>"$OUT/run-$i.log" | tail -1) | tee -a "$OUT/runs.jsonl"
  [[ -f "$OUT/project/lake/orders/part-000001.parquet" ]] || { echo "run $i loaded nothing: see $OUT/run-$i.log" >&2; exit 1; }
done

(cd "$APP" && zip -qr "$OUT/package.zip" .)
python3 - "$OUT/runs.jsonl" "$APP" "$OUT/package.zip" "$EVENT" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" <<'PY'
import json, os, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(sys.argv[2]) for f in fs)
med = lambda k: statistics.median(r[k] for r in runs)
print(f"Azure Functions package, JVM, event {sys.argv[4]}, {len(runs)} cold runs (median ms):"
      f" JVM to main {med('jvmToMainMs'):.0f}, Quarkus start {med('quarkusStartMs'):.0f},"
      f" first call {med('firstCallMs'):.0f}, total to first response {med('totalMs'):.0f};"
      f" package {size / 1e6:.1f} MB unzipped, {os.path.getsize(sys.argv[3]) / 1e6:.1f} MB zipped;"
      f" load average {sys.argv[5]} on {sys.argv[6]} cores")
PY
