package org.automlwb.engine.space;

/** An integer in [low, high], sampled on a log scale when {@code log}. */
public record IntParam(String name, int low, int high, boolean log, String help, Param.Condition condition)
        implements Param {
    public IntParam {
        if (low > high) throw new IllegalArgumentException(name + ": low " + low + " > high " + high);
        if (log && low <= 0) throw new IllegalArgumentException(name + ": a log scale needs low > 0");
    }

    public IntParam(String name, int low, int high, boolean log, String help) {
        this(name, low, high, log, help, null);
    }
}
