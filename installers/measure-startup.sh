#!/usr/bin/env bash
# Measures the time from launch to a usable window, and the same for a minimal JavaFX window started the same way
# (same java, same classpath or runtime image), and reports the app's figure as a ratio to that floor: the ratio
# means the same on a fast and a slow machine, where seconds do not.
#
#   installers/measure-startup.sh [RUNS] [COMMAND...]
#     default: 10 runs of target/installer/automl-workbench/bin/automl-workbench
#     e.g.     installers/measure-startup.sh 10 java -jar target/automl-workbench.jar
#
# Each run starts the program in a virtual display (Xvfb) with a home folder of its own (first start: no settings,
# the welcome screen) and records two figures: "mapped", from launching the command to the window existing on the
# X display (polled every 10 ms, so a little late), and "ready", what the program logs once its first frame is up
# (from the JVM's start, so it misses the few milliseconds before the JVM starts). A second pass reuses the home
# folder: the warm start a returning user sees. Then the floor: installers/startup/MinimalWindow.java, compiled
# against the same jar (or the image's runtime), one label in a 1280x800 window, measured the same way.
# Needs xvfb-run and xwininfo (Debian: xvfb x11-utils) and javac.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
shift || true
[ $# -gt 0 ] || set -- "$root/target/installer/automl-workbench/bin/automl-workbench"
app=("$@")
command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null || {
  echo "measure-startup: needs xvfb-run and xwininfo: apt-get install -y xvfb xauth x11-utils libgtk-3-0" >&2; exit 2; }

# The floor's command, started the way the app is: "java -jar X.jar" -> the same java with X.jar on the classpath;
# the image's launcher -> the image's own runtime (JavaFX linked into it).
floor_dir=$(mktemp -d)
trap 'rm -rf "$floor_dir"' EXIT
if [ "${app[0]##*/}" = java ] || [ "${app[0]}" = java ]; then
  java_cmd=${app[0]}
  jar=""
  for ((i = 1; i < ${#app[@]}; i++)); do [ "${app[i]}" = -jar ] && jar=${app[i+1]}; done
  [ -n "$jar" ] || { echo "measure-startup: give the app as 'java -jar JAR' or as the image's launcher" >&2; exit 2; }
  javac -cp "$jar" -d "$floor_dir" "$root/installers/startup/MinimalWindow.java"
  floor=("$java_cmd" -cp "$floor_dir:$jar" MinimalWindow)
else
  runtime=$(cd "$(dirname "${app[0]}")/.." && pwd)/lib/runtime
  [ -x "$runtime/bin/java" ] || { echo "measure-startup: no runtime at $runtime" >&2; exit 2; }
  # compiled with the JDK's javac against the image's JavaFX: the jars the image was linked from
  javac -cp "$(ls "$root"/target/installer/javafx/*.jar | paste -sd:)" -d "$floor_dir" \
    "$root/installers/startup/MinimalWindow.java"
  floor=("$runtime/bin/java" -cp "$floor_dir" MinimalWindow)
fi

one_run() { # as one_try, tried twice: on a busy machine Xvfb now and then fails to open its display
  one_try "$@" || { sleep 2; one_try "$@"; }
}

one_try() { # $1 = home folder, $2 = window title; the command follows; prints "mapped_ms ready_ms"
  local home=$1 title=$2
  shift 2
  # Java takes its home folder from the user database, not from $HOME; the JVM reads JAVA_TOOL_OPTIONS itself.
  HOME=$home JAVA_TOOL_OPTIONS="-Duser.home=$home" TITLE=$title xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    t0=$(date +%s%N)
    "$@" >"$HOME/app.out" 2>&1 & pid=$!
    until xwininfo -name "$TITLE" >/dev/null 2>&1; do
      kill -0 $pid 2>/dev/null || { echo "the program ended before its window showed:" >&2; tail -5 "$HOME/app.out" >&2; exit 1; }
      sleep 0.01
    done
    t1=$(date +%s%N)
    log="$HOME/.automl-workbench/logs/workbench.log"
    for _ in $(seq 100); do cat "$log" "$HOME/app.out" 2>/dev/null | grep -q "Window ready" && break; sleep 0.05; done
    kill $pid; wait $pid 2>/dev/null || true
    ready=$(cat "$log" "$HOME/app.out" 2>/dev/null | sed -n "s/.*Window ready \([0-9]*\) ms.*/\1/p" | tail -1)
    echo "$(( (t1 - t0) / 1000000 )) ${ready:-?}"' _ "$@"
  sleep 1 # lets the last X server go before xvfb-run -a picks a display number again
}

stats() { # reads numbers, prints median and max
  sort -n | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "median %d ms, max %d ms", m, v[NR]}'
}

median() { sort -n | awk '{v[NR]=$1} END {print NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

# The app and the floor take turns, run by run: on a machine whose load changes (other builds, a busy disk), both
# see the same load, and the ratio of their medians holds where the seconds do not.
echo "app: ${app[*]}"
echo "floor: ${floor[*]}"
for pass in first warm; do
  declare -A m=() r=()
  shared_app=$(mktemp -d) shared_floor=$(mktemp -d)
  if [ "$pass" = warm ]; then # settings and JavaFX's native-library cache now exist
    one_run "$shared_app" "AutoML Workbench" "${app[@]}" >/dev/null
    one_run "$shared_floor" "Minimal JavaFX window" "${floor[@]}" >/dev/null
  fi
  for i in $(seq "$runs"); do
    for who in app floor; do
      if [ "$pass" = first ]; then home=$(mktemp -d)
      else
        home=$([ $who = app ] && echo "$shared_app" || echo "$shared_floor")
        rm -f "$home/.automl-workbench/logs/workbench.log"
      fi
      if [ $who = app ]; then read -r mm rr < <(one_run "$home" "AutoML Workbench" "${app[@]}")
      else read -r mm rr < <(one_run "$home" "Minimal JavaFX window" "${floor[@]}"); fi
      m[$who]+="$mm " r[$who]+="$rr "
      [ "$pass" = first ] && rm -rf "$home"
    done
  done
  rm -rf "$shared_app" "$shared_floor"
  for who in app floor; do
    echo "$who, $pass start ($runs runs): mapped ${m[$who]}-> $(printf '%s\n' ${m[$who]} | stats); ready ${r[$who]}-> $(printf '%s\n' ${r[$who]} | stats)"
  done
  for what in mapped ready; do
    if [ $what = mapped ]; then a=$(printf '%s\n' ${m[app]} | median) f=$(printf '%s\n' ${m[floor]} | median)
    else a=$(printf '%s\n' ${r[app]} | median) f=$(printf '%s\n' ${r[floor]} | median); fi
    echo "ratio, $pass start, $what: $(awk -v a="$a" -v f="$f" 'BEGIN {printf "%.2f", a / f}')x (app median $a ms, minimal JavaFX window median $f ms)"
  done
  unset m r
done
