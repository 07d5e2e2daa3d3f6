#!/usr/bin/env bash
# Cold start of the AWS Lambda function in its local runtime: functions-aws/target/function.zip
# unpacked as Lambda's task root, run by AWS's Java runtime interface client (what the managed
# java21 runtime runs) against a local Runtime API (bench/lambda_runtime_api.py). Times, from
# process start: init (first poll for an event), the first answer (cold), and a second
# invocation (warm). The event is a run message for a small CSV -> Parquet project.
#
# Environment (all optional):
#   BUILD=1          1: build function.zip first (./mvnw -pl core,functions-aws package -DskipTests)
#   RUNS=3           cold starts measured (a fresh JVM each)
#   ROWS=1000        rows in the project's CSV file
#   PORT=9009        port of the local Runtime API
#   RIC_VERSION=2.10.1  com.amazonaws:aws-lambda-java-runtime-interface-client
#   JAVA=java        the JVM (Lambda's java21 runtime runs Java 21; the default here is 17). The
#                    JVM flags are the managed runtime's defaults (tiered compilation, C1 only).
# SnapStart is not measured: restoring a snapshot needs Lambda (or a CRaC JDK), not had here.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
BUILD="${BUILD:-1}"
RUNS="${RUNS:-3}"
ROWS="${ROWS:-1000}"
PORT="${PORT:-9009}"
RIC_VERSION="${RIC_VERSION:-2.10.1}"
JAVA="${JAVA:-java}"
ZIP="$ROOT/functions-aws/target/function.zip"
WORK="$BENCH_DIR/out/cold-start-aws"
HANDLER="io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"

if [[ "$BUILD" == 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl core,functions-aws package -DskipTests)
fi
[[ -f "$ZIP" ]] || { echo "cold_start_aws: $ZIP is missing; run with BUILD=1" >&2; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK/ric"
for artifact in aws-lambda-java-runtime-interface-client:$RIC_VERSION \
  aws-lambda-java-serialization:1.4.1; do
  (cd "$ROOT" && ./mvnw -B -q -N dependency:copy -Dartifact="com.amazonaws:$artifact" \
    -DoutputDirectory="$WORK/ric")
done

# The task root: function.zip with the project at its root, as deploy/README.md packages it.
TASK="$WORK/task"
mkdir -p "$TASK" && (cd "$TASK" && unzip -q "$ZIP")
mkdir -p "$TASK/landing/orders"
cat > "$TASK/hygge.yml" <<'YML'
name: cold-start
state: {type: local, path: /tmp/hygge-cold-start-state}
flows:
  sales:
    home: {type: csv, path: landing}
    store: {type: parquet, path: /tmp/hygge-cold-start-lake}
    entities: [orders]
YML
python3 - "$TASK/landing/orders/orders.csv" "$ROWS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id,amount,status\n")
    for i in range(int(sys.argv[2])):
        f.write(f"{i},{i % 100}.25,{'paid' if i % 2 else 'open'}\n")
PY
printf '{"flow": "sales", "entity": "orders"}' > "$WORK/event.json"

results=()
for run in $(seq 1 "$RUNS"); do
  rm -rf /tmp/hygge-cold-start-lake /tmp/hygge-cold-start-state
  out="$WORK/run-$run.json"
  start="$WORK/start-$run"
  python3 "$BENCH_DIR/lambda_runtime_api.py" --port "$PORT" --event "$WORK/event.json" \
    --invocations 2 --start-file "$start" --out "$out" &
  api=$!
  for _ in $(seq 1 100); do
    (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.05
  done
  python3 -c 'import time; print(time.time_ns())' > "$start"
  (cd "$TASK" && AWS_LAMBDA_RUNTIME_API="127.0.0.1:$PORT" LAMBDA_TASK_ROOT="$TASK" \
    AWS_LAMBDA_FUNCTION_NAME=hygge AWS_LAMBDA_FUNCTION_MEMORY_SIZE=2048 \
    AWS_LAMBDA_FUNCTION_VERSION=1 AWS_REGION=us-east-1 HYGGE_PROJECT="$TASK" \
    JAVA_TOOL_OPTIONS="--add-opens=java.base/java.nio=ALL-UNNAMED" \
    "$JAVA" -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
    -cp "$TASK:$TASK/lib/*:$WORK/ric/*" \
    com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$HANDLER" \
    > "$WORK/function-$run.log" 2>&1) &
  fn=$!
  wait "$api"
  kill "$fn" 2>/dev/null || true
  wait "$fn" 2>/dev/null || true
  results+=("$out")
done

python3 - "$ZIP" "${results[@]}" <<'PY'
import json, os, statistics, sys
zip_path, files = sys.argv[1], sys.argv[2:]
runs = [json.load(open(f)) for f in files]
for f, r in zip(files, runs):
    kinds = [a["kind"] for a in r["answers"]]
    if kinds != ["response", "response"] or '"succeeded":true' not in r["answers"][0]["body"]:
        sys.exit(f"cold_start_aws: {f}: the function did not answer both invocations with success: {r}")
def median(key):
    return statistics.median(key(r) for r in runs)
print(f"function.zip: {os.path.getsize(zip_path) / 1e6:.1f} MB")
print(f"cold starts: {len(runs)} (median)")
print(f"  init (process start to first poll):      {median(lambda r: r['init_ms']):8.0f} ms")
print(f"  first answer (process start to answer):  {median(lambda r: r['answers'][0]['at_ms']):8.0f} ms")
print(f"  first invocation alone:                  {median(lambda r: r['answers'][0]['invocation_ms']):8.0f} ms")
print(f"  second (warm) invocation:                {median(lambda r: r['answers'][1]['invocation_ms']):8.0f} ms")
PY
