package org.automlwb.engine.trial;

import java.util.function.Supplier;

/**
 * A value computed at most once, by whichever thread asks first; the others wait for it. A computation that
 * throws leaves nothing behind, so a later call tries again.
 */
final class Once<V> {
    private V value;

    synchronized V get(Supplier<V> compute) {
        if (value == null) value = compute.get();
        return value;
    }
}
