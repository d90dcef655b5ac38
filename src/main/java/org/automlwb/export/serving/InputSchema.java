package org.automlwb.export.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.data.ColumnKind;
import org.automlwb.export.DriftBins;
import org.automlwb.export.ModelLoader;
import org.automlwb.export.ModelMetadata;
import org.automlwb.prep.InputColumn;

/**
 * The inputs a deployed version expects ({@value #FILE}): every column with its training type and, for text
 * columns, the categories seen in training.
 *
 * @param target  the column the model predicts (not an input)
 * @param columns the input columns, in the model's order
 */
public record InputSchema(String target, List<Column> columns) {
    /** The file in a version folder. */
    public static final String FILE = "input_schema.json";

    /**
     * One input column.
     *
     * @param name       the exact column name
     * @param type       its training type
     * @param categories for text columns, the categories seen in training (the {@value DriftBins#MAX_CATEGORIES}
     *                   most frequent when there were more); empty otherwise. Other values are accepted and handled
     *                   as the rare level, as in training.
     */
    public record Column(String name, ColumnKind type, List<String> categories) {
        public Column {
            categories = List.copyOf(categories);
        }

        /** The type as a client reads it: {@code integer} and {@code decimal} are both a {@code number}. */
        String wireType() {
            return switch (type) {
                case INTEGER, DECIMAL -> "number";
                default -> type.name().toLowerCase(Locale.ROOT);
            };
        }
    }

    public InputSchema {
        columns = List.copyOf(columns);
    }

    /** The schema of a loaded model: its input columns, with categories from its training profile when it has one. */
    public static InputSchema of(ModelLoader.LoadedModel model) {
        ModelMetadata meta = model.metadata();
        Map<String, List<String>> seen = new LinkedHashMap<>();
        if (model.reference() != null) {
            for (DriftBins b : model.reference().features()) if (!b.numeric()) seen.put(b.name(), b.categories());
        }
        List<Column> cols = new ArrayList<>();
        for (InputColumn c : meta.inputColumns()) {
            cols.add(new Column(c.name(), c.kind(), c.kind() == ColumnKind.TEXT
                    ? seen.getOrDefault(c.name(), List.of()) : List.of()));
        }
        return new InputSchema(meta.target(), cols);
    }

    /** The JSON document. */
    public Map<String, Object> toJson() {
        List<Map<String, Object>> cols = new ArrayList<>();
        for (Column c : columns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("type", c.type().name().toLowerCase(Locale.ROOT));
            if (c.type() == ColumnKind.TEXT) {
                m.put("categories", c.categories());
                m.put("other_categories", "accepted, handled as the rare level");
            }
            cols.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("note", "the columns a request needs, with their training types; other columns are ignored, a "
                + "missing value is allowed");
        m.put("columns", cols);
        return m;
    }

    /** Reads {@value #FILE} from a version folder. */
    public static InputSchema read(Path versionDir) throws BadInputException {
        Path file = versionDir.resolve(FILE);
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(file));
            List<Column> cols = new ArrayList<>();
            for (JsonNode c : n.path("columns")) {
                List<String> cats = new ArrayList<>();
                c.path("categories").forEach(v -> cats.add(v.asText()));
                cols.add(new Column(c.path("name").asText(),
                        ColumnKind.valueOf(c.path("type").asText().toUpperCase(Locale.ROOT)), cats));
            }
            return new InputSchema(n.path("target").asText(), cols);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read the input schema (" + e.getMessage() + ")", file, 0, null,
                    "deploy the model again");
        }
    }

    /**
     * What a client of {@code current} would find changed in this schema, one line per column: a column whose type
     * differs ({@code integer} and {@code decimal} count as the same, both are numbers), and a column this schema
     * needs that {@code current} did not. A column this schema no longer reads is no change for a client: extra
     * columns are ignored.
     */
    public List<String> differencesFrom(InputSchema current) {
        Map<String, Column> before = new LinkedHashMap<>();
        current.columns().forEach(c -> before.put(c.name(), c));
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            Column old = before.get(c.name());
            if (old == null) {
                out.add(c.name() + ": not an input of the current version, " + c.wireType() + " in the new one");
            } else if (!old.wireType().equals(c.wireType())) {
                out.add(c.name() + ": " + old.wireType() + " in the current version, " + c.wireType()
                        + " in the new one");
            }
        }
        return out;
    }

    /** One line per column, {@code name: type}, as a schema is shown next to another. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Column c : columns) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(c.name()).append(": ").append(c.wireType());
        }
        return sb.toString();
    }
}
