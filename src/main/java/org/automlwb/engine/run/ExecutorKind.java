package org.automlwb.engine.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a run's trials run. */
public enum ExecutorKind {
    /** Threads of this JVM, on this computer's cores. */
    LOCAL("local"),
    /** Tasks on a Apache Spark cluster's executors (or {@code local[N]}), each trial one Spark job. */
    SPARK("spark");

    private final String key;

    ExecutorKind(String key) { this.key = key; }

    /** The name used on the command line and in files. */
    public String key() { return key; }

    /**
     * The kind a command-line or file value names.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ExecutorKind fromKey(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ExecutorKind k : values()) if (k.key.equals(v)) return k;
        throw new IllegalArgumentException("unknown executor '" + value + "': use one of "
                + Arrays.stream(values()).map(ExecutorKind::key).collect(Collectors.joining(", ")));
    }
}
