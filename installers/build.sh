#!/usr/bin/env bash
# Builds the desktop app with jpackage on Linux or macOS (Windows: installers/windows/build.ps1).
#
#   installers/build.sh [--type TYPE]... [--skip-build] [--dest DIR]
#
# TYPE: app-image (default), deb or rpm on Linux, dmg or pkg on macOS. Output goes to target/installer/ (or
# DIR): the image in automl-workbench/ (Linux) or "AutoML Workbench.app" (macOS), packages beside it.
# Needs a full JDK 17 (jmods, jlink, jpackage) and Maven; a .deb needs fakeroot and dpkg-dev, an .rpm rpm-build.
#
# Steps: Maven builds the plain jar and copies the libraries (-Pinstaller), jlink links the modules listed in
# installers/runtime-modules.txt with the platform's JavaFX jars into a runtime with a class-data-sharing archive, and
# jpackage wraps runtime, jars and sample-data/ with the launcher. The launcher opens the window without
# arguments and runs the commands headless with them: bin/automl-workbench profile data.csv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

types=()
skip_build=false
dest=target/installer
while [ $# -gt 0 ]; do
  case "$1" in
    --type) types+=("$2"); shift 2 ;;
    --skip-build) skip_build=true; shift ;;
    --dest) dest=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "installers/build.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[ ${#types[@]} -gt 0 ] || types=(app-image)

case "$(uname -s)" in
  Linux)  name=automl-workbench; icon=resources/icons/automl-workbench-256.png; allowed=" app-image deb rpm " ;;
  Darwin) name="AutoML Workbench"; icon=resources/icons/automl-workbench.icns; allowed=" app-image dmg pkg " ;;
  *) echo "installers/build.sh: on Windows run installers/windows/build.ps1" >&2; exit 2 ;;
esac
for t in "${types[@]}"; do
  case "$allowed" in *" $t "*) ;; *) echo "installers/build.sh: type '$t' is not built on $(uname -s) (one of:$allowed)" >&2; exit 2 ;; esac
done

if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
for tool in jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || { echo "installers/build.sh: $JAVA_HOME/bin/$tool missing: install a full JDK 17 (Debian: openjdk-17-jdk-headless) or set JAVA_HOME" >&2; exit 2; }
done
[ -f "$JAVA_HOME/jmods/java.base.jmod" ] || { echo "installers/build.sh: $JAVA_HOME/jmods missing: jlink needs a JDK with jmods (Debian: openjdk-17-jdk-headless)" >&2; exit 2; }

# The project's version from pom.xml; jpackage takes numbers only (0.1.0-SNAPSHOT -> 0.1.0).
full_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
version=${full_version%%-*}
work=target/installer
start=$(date +%s)

if ! $skip_build; then
  rm -rf "$work/input" "$work/javafx"
  mvn -B -q -Pinstaller package -DskipTests
fi
[ -f "target/automl-workbench-$full_version.jar" ] && [ -d "$work/input/lib" ] && [ -d "$work/javafx" ] || {
  echo "installers/build.sh: no build output in target/: run without --skip-build" >&2; exit 2; }
cp "target/automl-workbench-$full_version.jar" "$work/input/automl-workbench.jar"
rm -rf "$work/input/sample-data"
cp -r sample-data "$work/input/sample-data"

modules=$(grep -v '^#' installers/runtime-modules.txt | grep . | paste -sd, -)
rm -rf "$work/runtime"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$work/javafx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$work/runtime" >/dev/null
# The second CDS archive serves heaps of 32 GB and more only; without it such a JVM starts a little slower.
rm -f "$work/runtime/lib/server/classes_nocoops.jsa"

# The runtime's class-data-sharing archive, remade from what the app loads up to its first frame (README.md, "Start-up
# as a ratio"): jlink's archive holds the JDK's default class list, not the ~1,700 JavaFX classes the window needs.
# Only classes of the runtime image go in, none of the app's jars: JDK 17 drops an archive whose class path differs
# from the one at dump time, so one with the jars would stop working once the image is installed elsewhere
# (/opt/automl-workbench). The default archive needs no launcher option and the JVM falls back to no sharing by
# itself if it cannot map it. Needs a display for the one scripted start: Xvfb (Debian: xvfb xauth).
if command -v xvfb-run >/dev/null; then
  cds_home=$(mktemp -d)
  classlist=$work/startup.classlist
  rm -f "$classlist"
  # the launcher's options from jpackage.args, $APPDIR being the input folder that becomes the image's lib/app
  mapfile -t java_opts < <(sed -n 's/^--java-options //p' installers/jpackage.args | sed "s|\$APPDIR|$work/input|g")
  HOME=$cds_home xvfb-run -a -s "-screen 0 1600x1000x24" "$work/runtime/bin/java" "${java_opts[@]}" \
    -Duser.home="$cds_home" -Dautomlwb.exitAfterFirstFrame=true -XX:DumpLoadedClassList="$classlist" \
    -cp "$work/input/automl-workbench.jar:$work/input/lib/*" org.automlwb.Main >"$work/startup-classlist.log" 2>&1 \
    || { echo "installers/build.sh: the scripted start for the class list failed (see $work/startup-classlist.log)" >&2; exit 1; }
  rm -rf "$cds_home"
  # Classes the runtime does not hold (the app's jars) are skipped with a warning each: kept out of sight in the log.
  # Made beside jlink's archive and moved over it only when complete: a failed dump leaves jlink's in place.
  "$work/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$classlist" \
    -XX:SharedArchiveFile="$work/runtime/lib/server/classes.jsa.new" >"$work/startup-cds.log" 2>&1 \
    || { rm -f "$work/runtime/lib/server/classes.jsa.new"
         echo "installers/build.sh: the class-data-sharing dump failed (see $work/startup-cds.log)" >&2; exit 1; }
  mv -f "$work/runtime/lib/server/classes.jsa.new" "$work/runtime/lib/server/classes.jsa"
  echo "class-data-sharing archive: $(grep -c . "$classlist") classes loaded up to the first frame, $(du -h "$work/runtime/lib/server/classes.jsa" | cut -f1)"
else
  echo "installers/build.sh: no xvfb-run: the image keeps jlink's default class-data-sharing archive (starts slower)" >&2
fi

mkdir -p "$dest"
for t in "${types[@]}"; do
  opts=(--type "$t" @installers/jpackage.args --name "$name" --app-version "$version" --icon "$icon"
        --input "$work/input" --runtime-image "$work/runtime" --dest "$dest")
  case "$(uname -s)-$t" in
    Linux-app-image|Darwin-app-image)
      if [ "$(uname -s)" = Darwin ]; then rm -rf "$dest/$name.app"; else rm -rf "${dest:?}/$name"; fi ;;
    Linux-deb|Linux-rpm)
      deps=libgtk-3-0; [ "$t" = rpm ] && deps=gtk3
      opts+=(--linux-package-name automl-workbench --linux-package-deps "$deps" --linux-shortcut
             --linux-menu-group "Science;Education" --linux-app-category science
             --linux-deb-maintainer "automl-workbench@users.noreply.github.com"
             --file-associations installers/csv-files.properties --resource-dir resources/linux) ;;
    Darwin-dmg|Darwin-pkg)
      # No file association here: macOS hands a double-clicked file over as an Apple event, not an argument.
      opts+=(--mac-package-identifier org.automlwb.workbench --mac-package-name "AutoML Workbench") ;;
  esac
  "$JAVA_HOME/bin/jpackage" "${opts[@]}"
done

echo "built in $(( $(date +%s) - start )) s:"
if [ "$(uname -s)" = Darwin ]; then image="$dest/$name.app"; launcher="$image/Contents/MacOS/$name"
else image="$dest/$name"; launcher="$image/bin/$name"; fi
[ -d "$image" ] && echo "  app image $image ($(du -sh "$image" | cut -f1)); launcher: $launcher"
for f in "$dest"/*.deb "$dest"/*.rpm "$dest"/*.dmg "$dest"/*.pkg; do
  [ -f "$f" ] && echo "  package $f ($(du -sh "$f" | cut -f1))"
done
true
