package org.automlwb.engine.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a configuration written as a JSON object (the journal, a portfolio file). */
public final class ConfigJson {
    private ConfigJson() { }

    /**
     * A JSON object of hyperparameter values: whole numbers as Integer, other numbers as Double, else text.
     * Written values keep their kind because Jackson writes a Double with a decimal point.
     */
    public static Config read(JsonNode object) {
        return new Config(values(object));
    }

    /** The same values as a map, for callers that hold maps (a trial's learned values). */
    public static Map<String, Object> values(JsonNode object) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (object == null) return out;
        object.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isInt() ? (Object) v.intValue() : v.isNumber() ? (Object) v.doubleValue()
                    : v.asText());
        });
        return out;
    }
}
