#!/usr/bin/env bash
# Measures the time from launch to a usable window, the figure of the installers' start-up goal:
#
#   installers/measure-startup.sh [RUNS] [COMMAND...]
#     default: 10 runs of target/installer/automl-workbench/bin/automl-workbench
#     e.g.     installers/measure-startup.sh 10 java -jar target/automl-workbench.jar
#
# Each run starts the app in a virtual display (Xvfb) with a home folder of its own (first start: no settings,
# the welcome screen) and records two figures: "mapped", from launching the command to the window existing on the
# X display (polled every 10 ms, so a little late), and "ready", what the app logs once its first frame is up
# (from the JVM's start, so it misses the few milliseconds before the JVM starts). A second pass reuses the home
# folder: the warm start a returning user sees. Needs xvfb-run and xwininfo (Debian: xvfb x11-utils).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
shift || true
[ $# -gt 0 ] || set -- "$root/target/installer/automl-workbench/bin/automl-workbench"
app=("$@")
command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null || {
  echo "measure-startup: needs xvfb-run and xwininfo: apt-get install -y xvfb xauth x11-utils libgtk-3-0" >&2; exit 2; }

one_run() { # $1 = home folder; prints "mapped_ms ready_ms"
  # Java takes its home folder from the user database, not from $HOME; the JVM reads JAVA_TOOL_OPTIONS itself.
  HOME=$1 JAVA_TOOL_OPTIONS="-Duser.home=$1" xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    t0=$(date +%s%N)
    "$@" >"$HOME/app.out" 2>&1 & pid=$!
    until xwininfo -name "AutoML Workbench" >/dev/null 2>&1; do
      kill -0 $pid 2>/dev/null || { echo "the app ended before its window showed:" >&2; tail -5 "$HOME/app.out" >&2; exit 1; }
      sleep 0.01
    done
    t1=$(date +%s%N)
    for _ in $(seq 100); do grep -q "Window ready" "$HOME/.automl-workbench/logs/workbench.log" 2>/dev/null && break; sleep 0.05; done
    kill $pid; wait $pid 2>/dev/null || true
    ready=$(sed -n "s/.*Window ready \([0-9]*\) ms.*/\1/p" "$HOME/.automl-workbench/logs/workbench.log" | tail -1)
    echo "$(( (t1 - t0) / 1000000 )) ${ready:-?}"' _ "${app[@]}"
  sleep 1 # lets the last X server go before xvfb-run -a picks a display number again
}

stats() { # reads numbers, prints median and max
  sort -n | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "median %d ms, max %d ms", m, v[NR]}'
}

echo "command: $*"
for pass in first warm; do
  mapped=() ready=()
  shared=$(mktemp -d)
  [ "$pass" = warm ] && one_run "$shared" >/dev/null # settings and JavaFX's native-library cache now exist
  for i in $(seq "$runs"); do
    if [ "$pass" = first ]; then home=$(mktemp -d); else home=$shared; rm -f "$home/.automl-workbench/logs/workbench.log"; fi
    read -r m r < <(one_run "$home")
    mapped+=("$m"); ready+=("$r")
    [ "$pass" = first ] && rm -rf "$home"
  done
  rm -rf "$shared"
  echo "$pass start ($runs runs): mapped ${mapped[*]} -> $(printf '%s\n' "${mapped[@]}" | stats); ready ${ready[*]} -> $(printf '%s\n' "${ready[@]}" | stats)"
done
