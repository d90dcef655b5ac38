package org.automlwb.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.data.ColumnKind;
import org.automlwb.predict.Predictor;

/**
 * The OpenAPI 3.0 description of the server ({@code GET /openapi.json}), built from the models served now, so each
 * model's input record lists its own fields and types. Written here: the Javalin OpenAPI plugin is not published for
 * Javalin 7.
 */
final class OpenApiDocument {
    private OpenApiDocument() { }

    static Map<String, Object> of(ServedModels models, String version) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (ModelHome h : models.all()) schemas.put(schemaName(h.name()), record(h.promoted().predictor()));
        schemas.put("Predictions", obj(Map.of(
                "model", Map.of("type", "string"),
                "version", Map.of("type", "string"),
                "rows", Map.of("type", "integer"),
                "predictions", Map.of("type", "array", "items", obj(Map.of(
                        "prediction", Map.of("description", "the most probable class, or the predicted value"),
                        "probabilities", Map.of("type", "object", "description",
                                "classification only: each class's probability",
                                "additionalProperties", Map.of("type", "number"))))))));
        schemas.put("Error", obj(Map.of(
                "error", Map.of("type", "string", "enum", java.util.Arrays.stream(ApiError.Kind.values())
                        .map(k -> k.code).toList()),
                "message", Map.of("type", "string"),
                "field", Map.of("type", "string", "description", "the field (column) concerned"),
                "record", Map.of("type", "integer", "description", "the 1-based JSON record concerned"),
                "line", Map.of("type", "integer", "description", "the CSV line concerned"),
                "hint", Map.of("type", "string"))));

        List<Object> oneOfRecords = models.all().stream()
                .map(h -> (Object) Map.of("$ref", "#/components/schemas/" + schemaName(h.name()))).toList();
        Map<String, Object> anyRecord = Map.of("oneOf", oneOfRecords);
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/predict", Map.of("post", predict("Predict with the only model served (its promoted version)",
                anyRecord, List.of())));
        paths.put("/models/{name}/predict", Map.of("post", predict("Predict with a model's promoted version",
                anyRecord, List.of(param("name")))));
        paths.put("/models/{name}/{version}/predict", Map.of("post", predict("Predict with one version",
                anyRecord, List.of(param("name"), param("version")))));
        paths.put("/health", Map.of("get", get("Liveness: the models and versions served", "application/json")));
        paths.put("/model", Map.of("get", get("The only model served: metadata, input schema, metrics",
                "application/json")));
        paths.put("/models", Map.of("get", get("Every model served", "application/json")));
        paths.put("/models/{name}", Map.of("get", withParams(get("One model: metadata, input schema, metrics",
                "application/json"), List.of(param("name")))));
        paths.put("/metrics", Map.of("get", get("Counters, latency histogram and drift PSI in the Prometheus "
                + "text format", "text/plain")));
        paths.put("/openapi.json", Map.of("get", get("This description", "application/json")));

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "AutoML Workbench model server", "version", version));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas));
        return doc;
    }

    /** A schema name for a model: OpenAPI wants {@code ^[a-zA-Z0-9._-]+$}. */
    static String schemaName(String model) {
        return "Input_" + model.replaceAll("[^a-zA-Z0-9._-]", "_");
    }

    private static Map<String, Object> record(Predictor p) {
        Map<String, Object> props = new LinkedHashMap<>();
        p.loaded().metadata().inputColumns().forEach(c -> props.put(c.name(), type(c.kind())));
        Map<String, Object> m = obj(props);
        m.put("required", List.copyOf(props.keySet()));
        m.put("description", "One row: every input field, null for a missing value; other fields are ignored.");
        return m;
    }

    private static Map<String, Object> type(ColumnKind k) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (k) {
            case INTEGER -> m.put("type", "integer");
            case DECIMAL -> m.put("type", "number");
            case BOOLEAN -> m.put("type", "boolean");
            case DATE -> {
                m.put("type", "string");
                m.put("format", "date");
            }
            case DATETIME -> {
                m.put("type", "string");
                m.put("format", "date-time");
            }
            case TEXT -> m.put("type", "string");
        }
        m.put("nullable", true);
        return m;
    }

    private static Map<String, Object> obj(Map<String, Object> props) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("properties", props);
        return m;
    }

    private static Map<String, Object> param(String name) {
        return Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> predict(String summary, Map<String, Object> record, List<Object> params) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        if (!params.isEmpty()) op.put("parameters", params);
        Map<String, Object> json = Map.of("schema", Map.of("oneOf", List.of(record,
                Map.of("type", "array", "items", record))));
        Map<String, Object> csv = Map.of("schema", Map.of("type", "string",
                "description", "a header line naming the input columns, then one line per row"));
        op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", json,
                "text/csv", csv)));
        Map<String, Object> error = Map.of("description", "bad input: the field and record or line, what is "
                + "wrong", "content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "the predictions, in the order of the rows", "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Predictions")))));
        responses.put("400", error);
        responses.put("404", error);
        responses.put("415", error);
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> get(String summary, String type) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("responses", Map.of("200", Map.of("description", "OK", "content", Map.of(type, Map.of()))));
        return op;
    }

    private static Map<String, Object> withParams(Map<String, Object> op, List<Object> params) {
        op.put("parameters", params);
        return op;
    }
}
