#!/bin/sh
# Makes a Spark home from the Spark jars in the local Maven repository, for the spark-submit tests and for trying
# spark-submit by hand without a Spark download:
#   src/test/spark-home/make-spark-home.sh target/spark-home
# DIR/jars/ links Spark 4.2.0's jars (its own versions, as in a distribution's jars/), and DIR/bin/spark-submit
# runs what a distribution's spark-submit ends up running: java with Spark's Java 17 options, class path
# jars/*, org.apache.spark.deploy.SparkSubmit. Offline (mvn -o): Spark must already be in ~/.m2.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
home=${1:?usage: make-spark-home.sh DIR}
mkdir -p "$home"
home=$(cd "$home" && pwd)
tmp="$home.tmp.$$"
rm -rf "$tmp"
mkdir -p "$tmp/jars" "$tmp/bin" "$tmp/conf"
${MVN:-mvn} -o -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$tmp/classpath.txt" >"$tmp/mvn.log" 2>&1 || {
  echo "could not resolve Spark's jars offline (see $tmp/mvn.log)" >&2; exit 1; }
tr ':' '\n' <"$tmp/classpath.txt" | while read -r jar; do
  [ -n "$jar" ] && ln -s "$jar" "$tmp/jars/$(basename "$jar")"
done
cat >"$tmp/bin/spark-submit" <<'SCRIPT'
#!/bin/sh
# What a Spark distribution's bin/spark-submit runs in the end (spark-class -> launcher -> exec java ...).
SPARK_HOME=$(cd "$(dirname "$0")/.." && pwd)
export SPARK_HOME
export SPARK_SCALA_VERSION=2.13
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
# shellcheck disable=SC2086
exec "$JAVA" ${SPARK_SUBMIT_OPTS:-} -Xmx1g -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true \
  -Dio.netty.allocator.type=pooled -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE \
  --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED \
  -cp "$SPARK_HOME/conf/:$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
SCRIPT
chmod +x "$tmp/bin/spark-submit"
rm -f "$tmp/mvn.log"
# Whole or not at all: a half-made home would fail later with a confusing class-not-found.
rm -rf "$home"
mv "$tmp" "$home"
