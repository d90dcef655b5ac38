package org.automlwb.engine.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.automlwb.common.Json;

/**
 * One line of the engine script's stdout (docs/python-engine.md), parsed. Lines are JSON objects told apart by
 * their {@code event} field.
 */
sealed interface EngineMessage {
    /** The search has read its data. */
    record Started(String engine, int rows, int features, int folds) implements EngineMessage { }

    /** A model starts its folds. */
    record ModelStarted(int modelId, String algorithm, Map<String, Object> hyperparameters, String origin)
            implements EngineMessage { }

    /**
     * A model finished (or failed) on every fold.
     *
     * @param modelId         1-based, in the order models were tried
     * @param status          {@code ok}, {@code failed} or {@code timeout}
     * @param score           the script's own value of the run's metric (the Java side recomputes it), or NaN
     * @param oofFile         the file of its out-of-fold predictions (only when ok)
     * @param error           why it failed, or null
     */
    record ModelFinished(int modelId, String algorithm, Map<String, Object> hyperparameters, String origin,
                         String status, double score, double fitSeconds, String oofFile, String error)
            implements EngineMessage {
        boolean ok() { return "ok".equals(status); }
    }

    /** No model starts any more; the script now waits on stdin for the model to refit. */
    record SearchEnded(String reason, int models) implements EngineMessage { }

    /**
     * The chosen model refit on every training row and saved.
     *
     * @param modelId             the model refit, or -1 when the engine chose its own (auto-sklearn)
     * @param modelFile           the saved model's file name in the work folder
     * @param testPredictionsFile its predictions for the test rows, or null without a test file
     */
    record Final(int modelId, String algorithm, Map<String, Object> hyperparameters, String modelFile,
                 String testPredictionsFile, double fitSeconds) implements EngineMessage { }

    /** A saved model predicted the rows it was given. */
    record Predicted(int rows) implements EngineMessage { }

    /**
     * The script gave up.
     *
     * @param kind {@code unavailable} (a library is missing), {@code bad_input} or {@code internal}
     */
    record Error(String kind, String message) implements EngineMessage { }

    /** The versions a {@code check} found. */
    record Check(JsonNode versions) implements EngineMessage { }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException when the line is not a protocol message (e.g. a library printed on stdout)
     */
    static EngineMessage parse(String line) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON line: " + abbreviate(line));
        }
        if (n == null || !n.isObject() || !n.hasNonNull("event")) {
            throw new IllegalArgumentException("not a protocol message: " + abbreviate(line));
        }
        return switch (n.get("event").asText()) {
            case "started" -> new Started(n.path("engine").asText(), n.path("rows").asInt(),
                    n.path("features").asInt(), n.path("folds").asInt());
            case "model_started" -> new ModelStarted(n.path("model_id").asInt(), n.path("algorithm").asText(),
                    map(n.path("hyperparameters")), n.path("origin").asText("random"));
            case "model" -> new ModelFinished(n.path("model_id").asInt(), n.path("algorithm").asText(),
                    map(n.path("hyperparameters")), n.path("origin").asText("random"), n.path("status").asText(),
                    number(n.path("score")), number(n.path("fit_seconds")), text(n.path("oof")),
                    text(n.path("error")));
            case "search_ended" -> new SearchEnded(n.path("reason").asText(), n.path("models").asInt());
            case "final" -> new Final(n.path("model_id").isNumber() ? n.get("model_id").asInt() : -1,
                    n.path("algorithm").asText(), map(n.path("hyperparameters")), text(n.path("model_file")),
                    text(n.path("test_predictions")), number(n.path("fit_seconds")));
            case "predicted" -> new Predicted(n.path("rows").asInt());
            case "error" -> new Error(n.path("kind").asText("internal"), n.path("message").asText());
            case "check" -> new Check(n);
            default -> throw new IllegalArgumentException("unknown event: " + abbreviate(line));
        };
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /** Hyperparameters in the order the script wrote them: ints, doubles, booleans or strings. */
    private static Map<String, Object> map(JsonNode n) {
        Map<String, Object> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isIntegralNumber() ? (Object) v.asInt() : v.isNumber() ? (Object) v.asDouble()
                    : v.isBoolean() ? (Object) v.asBoolean() : v.asText());
        });
        return out;
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
