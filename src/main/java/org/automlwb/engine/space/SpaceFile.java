package org.automlwb.engine.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automlwb.common.Json;

/**
 * The search-space file ({@code space.json}): which algorithms take part and, for each, the ranges to search.
 * An algorithm left out of the file keeps its declared space; a parameter left out keeps its declared range.
 *
 * <pre>{"algorithms": {"xgboost": {"enabled": true, "params": {"eta": {"type": "real", "low": 0.01,
 *   "high": 0.3, "log": true}}}, "knn": {"enabled": false}}}</pre>
 *
 * @param enabled per algorithm id, whether it takes part (absent: yes)
 * @param params  per algorithm id, parameters replacing the declared ones of the same name
 */
public record SpaceFile(Map<String, Boolean> enabled, Map<String, List<Param>> params) {
    public SpaceFile {
        enabled = Map.copyOf(enabled);
        Map<String, List<Param>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        params = Map.copyOf(copy);
    }

    public static SpaceFile empty() { return new SpaceFile(Map.of(), Map.of()); }

    public boolean isEnabled(String algorithm) { return enabled.getOrDefault(algorithm, true); }

    /** The declared space with this file's overrides applied (by parameter name). */
    public SearchSpace apply(String algorithm, SearchSpace declared) {
        List<Param> overrides = params.getOrDefault(algorithm, List.of());
        if (overrides.isEmpty()) return declared;
        List<Param> out = new ArrayList<>();
        for (Param p : declared.params()) {
            out.add(overrides.stream().filter(o -> o.name().equals(p.name())).findFirst().orElse(p));
        }
        return new SearchSpace(out);
    }

    /** Parses the JSON; throws IllegalArgumentException with a plain message when it is not valid. */
    public static SpaceFile parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        JsonNode algos = root.path("algorithms");
        if (!algos.isObject()) throw new IllegalArgumentException("expected an object \"algorithms\"");
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        Map<String, List<Param>> params = new LinkedHashMap<>();
        algos.fields().forEachRemaining(a -> {
            JsonNode n = a.getValue();
            if (n.has("enabled")) enabled.put(a.getKey(), n.get("enabled").asBoolean());
            List<Param> ps = new ArrayList<>();
            n.path("params").fields().forEachRemaining(p -> ps.add(param(a.getKey(), p.getKey(), p.getValue())));
            if (!ps.isEmpty()) params.put(a.getKey(), ps);
        });
        return new SpaceFile(enabled, params);
    }

    private static Param param(String algo, String name, JsonNode n) {
        String where = algo + "." + name;
        String help = n.path("help").asText("");
        Param.Condition cond = null;
        if (n.has("when")) {
            JsonNode w = n.get("when");
            List<String> values = new ArrayList<>();
            w.path("values").forEach(v -> values.add(v.asText()));
            cond = new Param.Condition(w.path("param").asText(), Set.copyOf(values));
        }
        try {
            return switch (n.path("type").asText()) {
                case "int" -> new IntParam(name, n.get("low").asInt(), n.get("high").asInt(),
                        n.path("log").asBoolean(false), help, cond);
                case "real" -> new RealParam(name, n.get("low").asDouble(), n.get("high").asDouble(),
                        n.path("log").asBoolean(false), help, cond);
                case "choice" -> {
                    List<String> choices = new ArrayList<>();
                    n.path("choices").forEach(c -> choices.add(c.asText()));
                    yield new ChoiceParam(name, choices, help, cond);
                }
                default -> throw new IllegalArgumentException(where + ": \"type\" must be int, real or choice");
            };
        } catch (NullPointerException e) {
            throw new IllegalArgumentException(where + ": needs \"low\" and \"high\"");
        }
    }

    /** Writes a complete file for the given spaces (all enabled unless listed in {@code disabled}). */
    public static String write(Map<String, SearchSpace> spaces, Set<String> disabled) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode algos = root.putObject("algorithms");
        spaces.forEach((id, space) -> {
            ObjectNode a = algos.putObject(id);
            a.put("enabled", !disabled.contains(id));
            ObjectNode ps = a.putObject("params");
            for (Param p : space.params()) {
                ObjectNode o = ps.putObject(p.name());
                if (p instanceof IntParam i) {
                    o.put("type", "int").put("low", i.low()).put("high", i.high()).put("log", i.log());
                } else if (p instanceof RealParam r) {
                    o.put("type", "real").put("low", r.low()).put("high", r.high()).put("log", r.log());
                } else if (p instanceof ChoiceParam c) {
                    ArrayNode arr = o.put("type", "choice").putArray("choices");
                    c.choices().forEach(arr::add);
                }
                if (p.condition() != null) {
                    ObjectNode w = o.putObject("when").put("param", p.condition().parent());
                    ArrayNode vals = w.putArray("values");
                    p.condition().values().stream().sorted().forEach(vals::add);
                }
                if (!p.help().isEmpty()) o.put("help", p.help());
            }
        });
        return Json.pretty(root);
    }
}
