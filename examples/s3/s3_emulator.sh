# shellcheck shell=bash
# A local S3 emulator for scripts: s3proxy (org.gaul:s3proxy, its jar-with-dependencies from Maven
# Central, fetched once through the Maven wrapper) as a separate process on a free loopback port,
# storing objects as files in a directory. Sourced by examples/s3/run.sh and bench/run_s3.sh.
#
# The keys below are the emulator's own dummy keys, not secrets: they open nothing but this
# emulator, which listens on 127.0.0.1 only.
S3_EMULATOR_ACCESS_KEY="hygge-access"
S3_EMULATOR_SECRET_KEY="hygge-secret"
S3_EMULATOR_REGION="us-east-1"
# Seconds to wait for the emulator to listen (a JVM start; slow on a busy 2-core machine).
S3_EMULATOR_START_TIMEOUT="${S3_EMULATOR_START_TIMEOUT:-90}"
S3_EMULATOR_PID=""
S3_EMULATOR_ENDPOINT=""

# s3_emulator_jar ROOT: prints the path of the s3proxy jar, fetching it into ROOT/target/ first if
# needed. The version is the one the build pins (s3proxy.version in ROOT/pom.xml).
s3_emulator_jar() {
  local root="$1" version dir jar
  version="$(sed -n 's:.*<s3proxy.version>\(.*\)</s3proxy.version>.*:\1:p' "$root/pom.xml")"
  [[ -n "$version" ]] || { echo "s3 emulator: no <s3proxy.version> in $root/pom.xml" >&2; return 1; }
  dir="$root/target/s3-emulator"
  jar="$dir/s3proxy-$version-jar-with-dependencies.jar"
  if [[ ! -s "$jar" ]]; then
    echo "s3 emulator: fetching org.gaul:s3proxy:$version (jar-with-dependencies, ~55 MB, first use only)" >&2
    mkdir -p "$dir"
    (cd "$root" && ./mvnw -q -B -N dependency:copy \
      "-Dartifact=org.gaul:s3proxy:$version:jar:jar-with-dependencies" \
      "-DoutputDirectory=$dir") >&2 \
      || { echo "s3 emulator: could not fetch org.gaul:s3proxy:$version from the Maven registry (see above)" >&2; return 1; }
  fi
  echo "$jar"
}

# s3_emulator_start ROOT WORK_DIR: starts s3proxy with its buckets under WORK_DIR/buckets and its
# log in WORK_DIR/s3proxy.log; sets S3_EMULATOR_PID and S3_EMULATOR_ENDPOINT (http://127.0.0.1:PORT).
# The caller stops it with s3_emulator_stop (put that in an EXIT trap).
s3_emulator_start() {
  local root="$1" work="$2" jar log port waited=0
  command -v java >/dev/null 2>&1 || { echo "s3 emulator: java not found; s3proxy needs a JDK 17+ on PATH" >&2; return 1; }
  jar="$(s3_emulator_jar "$root")" || return 1
  mkdir -p "$work/buckets"
  log="$work/s3proxy.log"
  # Port 0: the operating system picks a free port; s3proxy's log line says which.
  cat >"$work/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:0
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_EMULATOR_ACCESS_KEY
s3proxy.credential=$S3_EMULATOR_SECRET_KEY
jclouds.provider=filesystem
jclouds.identity=unused
jclouds.credential=unused
jclouds.filesystem.basedir=$work/buckets
EOF
  java -XX:+UseSerialGC -jar "$jar" --properties "$work/s3proxy.properties" >"$log" 2>&1 &
  S3_EMULATOR_PID=$!
  while :; do
    port="$(sed -n 's/.*Started .*ServerConnector.*{127\.0\.0\.1:\([0-9][0-9]*\)}.*/\1/p' "$log" | head -n 1)"
    [[ -n "$port" ]] && break
    if ! kill -0 "$S3_EMULATOR_PID" 2>/dev/null; then
      echo "s3 emulator: s3proxy exited while starting; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      S3_EMULATOR_PID=""
      return 1
    fi
    if ((waited >= S3_EMULATOR_START_TIMEOUT * 10)); then
      echo "s3 emulator: s3proxy did not listen within ${S3_EMULATOR_START_TIMEOUT}s (S3_EMULATOR_START_TIMEOUT); last lines of $log:" >&2
      tail -n 20 "$log" >&2
      s3_emulator_stop
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  S3_EMULATOR_ENDPOINT="http://127.0.0.1:$port"
}

# s3_emulator_stop: stops the emulator started by s3_emulator_start, if any.
s3_emulator_stop() {
  if [[ -n "$S3_EMULATOR_PID" ]]; then
    kill "$S3_EMULATOR_PID" 2>/dev/null || true
    wait "$S3_EMULATOR_PID" 2>/dev/null || true
    S3_EMULATOR_PID=""
  fi
}

# s3_request METHOD PATH [CURL_ARGS...]: one request signed with AWS Signature V4 (curl 7.75+).
# Query parameters in PATH must be in alphabetical order (curl signs them as written).
s3_request() {
  local method="$1" path="$2"
  shift 2
  curl -sS --fail-with-body -X "$method" \
    --aws-sigv4 "aws:amz:$S3_EMULATOR_REGION:s3" \
    --user "$S3_EMULATOR_ACCESS_KEY:$S3_EMULATOR_SECRET_KEY" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" \
    "$@" "$S3_EMULATOR_ENDPOINT$path"
}

# s3_create_bucket BUCKET
s3_create_bucket() { s3_request PUT "/$1" >/dev/null; }

# s3_put FILE BUCKET KEY: uploads one file.
s3_put() { s3_request PUT "/$2/$3" --upload-file "$1" >/dev/null; }

# s3_list BUCKET [PREFIX]: prints "size<TAB>key" for each object whose key starts with PREFIX (the
# first 1000, in key order). PREFIX may hold letters, digits, '-', '_', '.' and '/'.
s3_list() {
  local query="list-type=2"
  [[ -n "${2:-}" ]] && query="$query&prefix=${2//\//%2F}"
  s3_request GET "/$1?$query" \
    | sed 's/<Contents>/\n/g' \
    | sed -n 's:.*<Key>\([^<]*\)</Key>.*<Size>\([0-9]*\)</Size>.*:\2\t\1:p'
}

# s3_delete_prefix BUCKET PREFIX: deletes every object s3_list BUCKET PREFIX prints.
s3_delete_prefix() {
  local key
  while IFS=$'\t' read -r _ key; do
    s3_request DELETE "/$1/$key" >/dev/null
  done < <(s3_list "$1" "$2")
}
