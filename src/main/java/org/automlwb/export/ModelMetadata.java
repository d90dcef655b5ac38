package org.automlwb.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automlwb.data.ColumnKind;
import org.automlwb.engine.TaskType;
import org.automlwb.prep.InputColumn;

/**
 * What {@code model_metadata.json} says about a trained model, as much as prediction needs; the file holds more
 * (recipe summary, provenance, versions) for people.
 *
 * @param modelId      the model's id (its folder name under {@code trained_models/})
 * @param kind         {@code single} or {@code ensemble}
 * @param task         the task
 * @param target       the column it predicts
 * @param classes      class names in probability order; empty for regression
 * @param inputColumns the columns new data must have, with their training types
 * @param members      the parts: their folder (relative; "." for a single model), algorithm and raw weight
 * @param description  e.g. {@code xgboost} or {@code ensemble of 3 models}
 * @param json         the whole document
 */
public record ModelMetadata(String modelId, String kind, TaskType task, String target, List<String> classes,
                            List<InputColumn> inputColumns, List<Member> members, String description, JsonNode json) {
    /** One part of the model. */
    public record Member(String path, String algorithm, double weight, JsonNode hyperparameters) { }

    public ModelMetadata {
        classes = List.copyOf(classes);
        inputColumns = List.copyOf(inputColumns);
        members = List.copyOf(members);
    }

    /** Reads the parsed document; throws IllegalArgumentException naming what is missing. */
    static ModelMetadata parse(JsonNode n) {
        String task = require(n, "task").asText();
        List<String> classes = new ArrayList<>();
        n.path("classes").forEach(c -> classes.add(c.asText()));
        List<InputColumn> inputs = new ArrayList<>();
        for (JsonNode c : require(n, "input_columns")) {
            inputs.add(new InputColumn(require(c, "name").asText(),
                    ColumnKind.valueOf(require(c, "type").asText().toUpperCase(Locale.ROOT))));
        }
        List<Member> members = new ArrayList<>();
        for (JsonNode m : require(n, "members")) {
            members.add(new Member(require(m, "path").asText(), require(m, "algorithm").asText(),
                    require(m, "weight").asDouble(), m.path("hyperparameters")));
        }
        if (members.isEmpty()) throw new IllegalArgumentException("no members");
        return new ModelMetadata(require(n, "model_id").asText(), n.path("kind").asText("single"),
                TaskType.valueOf(task.toUpperCase(Locale.ROOT)), require(n, "target").asText(), classes, inputs,
                members, n.path("description").asText(""), n);
    }

    private static JsonNode require(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("'" + field + "' is missing");
        return v;
    }
}
