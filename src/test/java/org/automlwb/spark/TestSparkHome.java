package org.automlwb.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Spark home for tests, made once per build in {@code target/spark-home} by {@code src/test/spark-home/
 * make-spark-home.sh} from the Spark jars in the local Maven repository: {@code jars/} with Spark 4.2.0's own
 * closure (its versions, not the product's, as in a distribution) and a {@code bin/spark-submit} that runs
 * SparkSubmit the way a distribution's does. A real SparkSubmit, no Spark download.
 */
final class TestSparkHome {
    private static Path home;

    private TestSparkHome() { }

    /** The Spark home, made on first use. */
    static synchronized Path get() throws IOException, InterruptedException {
        if (home != null) return home;
        Path dir = Path.of("target", "spark-home").toAbsolutePath();
        if (!Files.isExecutable(dir.resolve("bin/spark-submit"))) {
            Process p = new ProcessBuilder("sh", "src/test/spark-home/make-spark-home.sh", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // Maven resolves offline from ~/.m2 in a few seconds; the bound only keeps a broken build from hanging
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("make-spark-home.sh failed: is Spark 4.2.0 in ~/.m2? (mvn -B "
                        + "dependency:get -Dartifact=org.apache.spark:spark-sql_2.13:4.2.0)");
            }
        }
        home = dir;
        return home;
    }

    /** The product's desktop jar, as {@code mvn package} made it (the IT tests run after package). */
    static Path desktopJar() {
        Path jar = Path.of("target", "automl-workbench.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run in mvn verify, after package");
        }
        return jar;
    }
}
