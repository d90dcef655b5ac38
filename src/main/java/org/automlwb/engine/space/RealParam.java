package org.automlwb.engine.space;

/** A real number in [low, high], sampled on a log scale when {@code log}. */
public record RealParam(String name, double low, double high, boolean log, String help, Param.Condition condition)
        implements Param {
    public RealParam {
        if (!(low <= high)) throw new IllegalArgumentException(name + ": low " + low + " > high " + high);
        if (log && low <= 0) throw new IllegalArgumentException(name + ": a log scale needs low > 0");
    }

    public RealParam(String name, double low, double high, boolean log, String help) {
        this(name, low, high, log, help, null);
    }
}
