package org.automlwb.engine;

/** The metric formulas. (Implemented by the engine-core work; see Metric.) */
public final class Metrics {
    private Metrics() { }

    public static double compute(Metric metric, Targets truth, Predictions predictions) {
        throw new UnsupportedOperationException("TODO metrics");
    }
}
