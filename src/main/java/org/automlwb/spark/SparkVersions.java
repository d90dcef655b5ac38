package org.automlwb.spark;

/**
 * The versions of the Spark and Scala that are on the classpath at run time (the cluster's, under spark-submit),
 * read before any SparkContext exists so that a mismatch is refused before anything starts.
 */
public final class SparkVersions {
    private SparkVersions() { }

    /**
     * @return the running Spark's version, e.g. {@code 4.2.0}
     * @throws IllegalStateException when Spark's package object cannot be read (not a Spark on the classpath)
     */
    public static String spark() {
        // Spark's version lives in the Scala package object org.apache.spark.package, which Java cannot name
        // ("package" is a keyword), so it is read by reflection.
        try {
            Class<?> pkg = Class.forName("org.apache.spark.package$");
            Object module = pkg.getField("MODULE$").get(null);
            return (String) pkg.getMethod("SPARK_VERSION").invoke(module);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot read the version of the Spark on the classpath", e);
        }
    }

    /** @return the running Scala library's version, e.g. {@code 2.13.18} */
    public static String scala() {
        return scala.util.Properties.versionNumberString();
    }
}
