#!/usr/bin/env bash
# Load measurements of `serve` with wrk (docs/serving.md): for each model folder, single-row requests at 1 and 4
# connections, and 1,000-row requests at 2 connections, against a server started from the jar on this machine.
# Not a test and not run by CI: the numbers are for docs. Needs wrk (Debian: apt-get install wrk) and python3.
#
# usage: docs/bench/serve/serve_load.sh JAR TEST.csv TARGET SECONDS MODEL_DIR...
set -euo pipefail
jar=$1 data=$2 target=$3 secs=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Request bodies from the test file: one row, and 1,000 rows, as JSON records (numbers as JSON numbers).
python3 - "$data" "$target" "$work" <<'PY'
import csv, json, sys
data, target, out = sys.argv[1:4]
def cell(v):
    for t in (int, float):
        try:
            return t(v)
        except ValueError:
            pass
    return None if v == "" else v
with open(data, newline="") as f:
    rows = [{k.strip(): cell(v.strip()) for k, v in r.items() if k.strip() != target} for r in csv.DictReader(f)]
batch = (rows * (1000 // len(rows) + 1))[:1000]
json.dump(rows[0], open(out + "/one.json", "w"))
json.dump(batch, open(out + "/batch.json", "w"))
PY
port=${PORT:-18080}
for model in "$@"; do
  java -jar "$jar" serve --model "$model" --port "$port" > "$work/serve.out" 2> "$work/serve.err" &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.5; done
  echo "== $(curl -s "http://127.0.0.1:$port/model" | python3 -c 'import json,sys; m=json.load(sys.stdin); print(m["name"], "-", m["description"])')"
  url="http://127.0.0.1:$port/predict"
  # JIT warm-up, not measured.
  BODY="$work/one.json" wrk -t1 -c2 -d"$secs"s -s "$here/post.lua" "$url" > /dev/null
  BODY="$work/batch.json" wrk -t1 -c2 -d"$secs"s -s "$here/post.lua" "$url" > /dev/null
  for run in "one.json 1 1" "one.json 2 4" "batch.json 1 2"; do
    set -- $run
    echo "-- body $1, $3 connections"
    BODY="$work/$1" wrk -t"$2" -c"$3" -d"$secs"s --latency -s "$here/post.lua" "$url" \
      | grep -E "Latency  |50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors"
  done
  kill "$pid"
  wait "$pid" || true
done
