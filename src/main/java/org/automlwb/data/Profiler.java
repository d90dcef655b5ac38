package org.automlwb.data;

/** Computes column profiles. */
public final class Profiler {
    private Profiler() { }

    public static DatasetProfile profile(LoadedData data) {
        throw new UnsupportedOperationException("TODO: data package");
    }
}
