package org.automlwb.spark;

import java.time.Duration;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.run.ExecutorKind;
import org.automlwb.engine.run.ExecutorSettings;
import org.automlwb.engine.run.ExecutorSetup;
import org.automlwb.engine.run.TrialExecutor;
import org.automlwb.engine.run.TrialExecutorProvider;

/**
 * Finds the Spark executor for {@code --executor spark}. Listed in {@code META-INF/services}, so it is loaded in
 * every JVM, including the desktop jar's, which carries no Spark: this class names no Spark type, and says in one
 * line that Spark is missing instead of failing with {@code NoClassDefFoundError}. Only {@link #open} reaches
 * the classes that need Spark.
 */
public final class SparkTrialExecutorProvider implements TrialExecutorProvider {
    /** What a user without Spark on the classpath is told. */
    static final String NOT_ON_CLASSPATH =
            "Spark is not on the classpath: run this command through spark-submit (see README)";
    /** How long the check at the start waits for a standalone master to accept a connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    /** Loaded by {@link java.util.ServiceLoader}. */
    public SparkTrialExecutorProvider() { }

    @Override
    public ExecutorKind kind() {
        return ExecutorKind.SPARK;
    }

    @Override
    public String unavailableReason() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkTrialExecutorProvider.class.getClassLoader());
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return NOT_ON_CLASSPATH;
        }
    }

    /**
     * Checks, before anything is read or written: the master URL's form (or that spark-submit gave one), the Spark
     * and Scala versions on the classpath, and that a standalone master accepts a connection.
     */
    @Override
    public void check(ExecutorSettings settings) throws BadInputException {
        String master = settings.master() != null ? settings.master() : System.getProperty("spark.master");
        checkSettings(master);
    }

    @Override
    public TrialExecutor open(ExecutorSetup setup) throws BadInputException {
        return SparkTrialExecutor.open(setup);
    }

    /**
     * The checks of {@link #check} on a master URL that may come from {@code --master} or from spark-submit.
     *
     * @param master the master URL, or null when neither gave one
     * @throws BadInputException one line naming what to change
     */
    static void checkSettings(String master) throws BadInputException {
        if (master == null || master.isBlank()) {
            throw new BadInputException("--executor spark needs a Spark master",
                    "give --master spark://host:7077 (or local[N]), or run the command through spark-submit --master");
        }
        SparkMaster parsed = SparkMaster.parse(master);
        SparkPreflight.checkVersions(SparkVersions.spark(), SparkVersions.scala());
        SparkPreflight.checkReachable(parsed, CONNECT_TIMEOUT);
    }
}
