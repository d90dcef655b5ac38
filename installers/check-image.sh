#!/usr/bin/env bash
# Checks a built app image through its own launcher, headless, the way CI does before anything lands:
#
#   installers/check-image.sh [LAUNCHER]     (default: target/installer/automl-workbench/bin/automl-workbench)
#
# --version; profile of a shipped sample (exit 0, the suggested target found); profile of an empty file (exit 2,
# a one-line message); a short run on a sample (exit 0: XGBoost's native code, the export and the report all work
# inside the image's runtime); predict with the model it exported. A module missing from
# installers/runtime-modules.txt shows up here as a NoClassDefFoundError.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
launcher=${1:-$root/target/installer/automl-workbench/bin/automl-workbench}
[ -x "$launcher" ] || { echo "check-image: no launcher at $launcher: run installers/build.sh first" >&2; exit 2; }
launcher=$(cd "$(dirname "$launcher")" && pwd)/$(basename "$launcher") # the run step works in another folder
image=$(cd "$(dirname "$launcher")/.." && pwd)
samples=$image/lib/app/sample-data
[ -d "$samples" ] || samples=$image/app/sample-data
[ -f "$samples/iris.csv" ] || { echo "check-image: the image has no sample-data/ (looked in $samples)" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() { echo "check-image: FAILED: $*" >&2; exit 1; }
step() { printf 'check-image: %-58s' "$1"; }

step "--version"
"$launcher" --version >"$scratch/out" 2>&1 || fail "--version exited with $? ($(cat "$scratch/out"))"
grep -q "AutoML Workbench" "$scratch/out" || fail "--version printed: $(cat "$scratch/out")"
echo "ok: $(head -1 "$scratch/out")"

step "profile iris.csv (a shipped sample)"
"$launcher" profile "$samples/iris.csv" >"$scratch/out" 2>&1 || fail "profile exited with $?: $(tail -5 "$scratch/out")"
grep -q "suggested target: species" "$scratch/out" || fail "profile printed: $(cat "$scratch/out")"
echo "ok"

step "profile an empty file exits with 2 and says why"
: >"$scratch/empty.csv"
set +e; "$launcher" profile "$scratch/empty.csv" >"$scratch/out" 2>&1; code=$?; set -e
[ "$code" -eq 2 ] || fail "exit code $code, not 2: $(cat "$scratch/out")"
grep -q "empty.csv" "$scratch/out" || fail "the message does not name the file: $(cat "$scratch/out")"
echo "ok: $(head -1 "$scratch/out")"

step "run: 8 trials on titanic-survival.csv"
(cd "$scratch" && "$launcher" run --data "$samples/titanic-survival.csv" --target survived --max-trials 8 --threads 2 \
  --out "$scratch/models" >"$scratch/run.out" 2>"$scratch/run.err") || fail "run exited with $?: $(tail -5 "$scratch/run.err")"
grep -q '"task":"binary"' "$scratch/run.out" || fail "run printed: $(tail -3 "$scratch/run.out")"
model=$(ls -d "$scratch"/models/trained_models/*/ | head -1)
[ -f "$model/model_metadata.json" ] || fail "no trained model in $scratch/models/trained_models"
ls "$scratch"/models/experiments/*/report.html >/dev/null || fail "no report.html"
grep -q '"status":"FAILED"' "$scratch"/models/experiments/*/trials.jsonl && fail "a trial failed: $(grep '"status":"FAILED"' "$scratch"/models/experiments/*/trials.jsonl | head -1)"
echo "ok: $(grep -o '"leader":"[^"]*"' "$scratch/run.out"), $(grep -o '"validation":[0-9.]*' "$scratch/run.out")"

step "predict with the exported model"
"$launcher" predict --model "$model" --data "$samples/titanic-survival.csv" --out "$scratch/pred.csv" --no-monitoring \
  >"$scratch/out" 2>&1 || fail "predict exited with $?: $(tail -5 "$scratch/out")"
rows=$(($(wc -l <"$scratch/pred.csv") - 1))
[ "$rows" -eq 1309 ] || fail "$rows predictions, not 1309"
echo "ok: $rows rows"

echo "check-image: the image at $image works"
