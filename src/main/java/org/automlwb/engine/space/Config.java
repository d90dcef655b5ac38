package org.automlwb.engine.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable assignment of hyperparameter values (Integer, Double or String), sorted by name so that
 * equal configurations print and hash alike.
 */
public record Config(Map<String, Object> values) implements java.io.Serializable {
    public Config {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Config empty() { return new Config(Map.of()); }

    public static Config of(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return new Config(m);
    }

    public Config with(String name, Object value) {
        Map<String, Object> m = new TreeMap<>(values);
        m.put(name, value);
        return new Config(m);
    }

    public int getInt(String name, int fallback) {
        Object v = values.get(name);
        return v == null ? fallback : ((Number) v).intValue();
    }

    public double getDouble(String name, double fallback) {
        Object v = values.get(name);
        return v == null ? fallback : ((Number) v).doubleValue();
    }

    public String getString(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }

    /** {@code a=1, b=0.5} — compact text for leaderboards and logs. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) sb.append(", ");
            sb.append(k).append('=');
            if (v instanceof Double d) sb.append(String.format(java.util.Locale.ROOT, "%.4g", d));
            else sb.append(v);
        });
        return sb.toString();
    }
}
