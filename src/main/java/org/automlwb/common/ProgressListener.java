package org.automlwb.common;

/** Receives progress of long work. Called from the worker thread: implementations must be cheap. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param done  units done so far (bytes read, trials finished, ...)
     * @param total units in all, or -1 when unknown
     * @param stage a short, human-readable description of the current stage
     */
    void progress(long done, long total, String stage);

    /** A listener that ignores everything. */
    static ProgressListener none() { return (d, t, s) -> { }; }
}
