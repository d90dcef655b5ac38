package org.automlwb.engine.run;

/**
 * Where a run's trials run and, for a cluster, which one.
 *
 * @param kind   the executor
 * @param master the Spark master URL ({@code spark://host:7077}, {@code local[4]}, {@code yarn}, ...) for
 *               {@link ExecutorKind#SPARK}; null to take the one {@code spark-submit} configured; always null for
 *               {@link ExecutorKind#LOCAL}
 */
public record ExecutorSettings(ExecutorKind kind, String master) {
    public ExecutorSettings {
        if (kind == null) throw new IllegalArgumentException("an executor kind is needed");
        if (kind == ExecutorKind.LOCAL && master != null) {
            throw new IllegalArgumentException("a master URL is for the Spark executor (--executor spark)");
        }
        if (master != null && master.isBlank()) master = null;
    }

    /** Trials on this JVM's threads. */
    public static ExecutorSettings local() { return new ExecutorSettings(ExecutorKind.LOCAL, null); }

    /** Trials on a Spark cluster. */
    public static ExecutorSettings spark(String master) { return new ExecutorSettings(ExecutorKind.SPARK, master); }

    public boolean isLocal() { return kind == ExecutorKind.LOCAL; }

    /** For logs and files: {@code local}, {@code spark} or {@code spark (spark://host:7077)}. */
    public String describe() { return master == null ? kind.key() : kind.key() + " (" + master + ")"; }
}
