package org.automlwb.spark.data;

import org.apache.spark.sql.SparkSession;

/**
 * The driver's Spark session for reading large data: the one already running in this JVM (spark-submit's, or the
 * Spark executor's), else a new one on the given master.
 */
final class SparkSessions {
    private SparkSessions() { }

    /**
     * @param master a master URL, or null to take spark-submit's {@code spark.master}
     */
    static SparkSession open(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("AutoML Workbench");
        if (master != null) b.master(master);
        if (master != null && master.startsWith("local")) {
            // A local master binds to loopback: it otherwise picks the first interface, which may not route here.
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        // Dates and timestamps as java.time values: LocalDate and Instant, the types the Tablesaw columns take.
        b.config("spark.sql.datetime.java8API.enabled", "true");
        b.config("spark.ui.enabled", "false");
        return b.getOrCreate();
    }
}
