package org.automlwb.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.FileHashes;
import org.automlwb.common.Json;

/**
 * Where a data set came from: the raw file as it arrived, the recipe that prepared it, the prepared file, each with
 * its SHA-256, and the row count at each step. {@code prepare} writes one beside every prepared file
 * ({@code data/processed_data/<name>.lineage.json}); a run copies it into the experiment's {@code config.json} and
 * the model's {@code model_metadata.json}, adding its own rows and recipe, so that a model names the very bytes it
 * was trained from.
 *
 * @param raw       the raw file (for a run on an unprepared file: that file)
 * @param recipe    the recipe file that turned raw into processed, or null when the data was not prepared
 * @param processed the prepared file, or null when the data was not prepared
 * @param runRecipe the recipe file a run was given ({@code run --recipe}), or null
 * @param rows      step → rows, in the order the steps happened: {@code raw}, {@code recipe_fit} (rows the recipe
 *                  learnt from), {@code processed}; then a run's {@code run_data} (rows read) and
 *                  {@code run_training} (rows with a target)
 */
public record Lineage(FileRef raw, FileRef recipe, FileRef processed, FileRef runRecipe, Map<String, Long> rows) {
    /** The file that {@code prepare} writes beside {@code <name>.csv|parquet}: {@code <name>.lineage.json}. */
    public static final String SIDECAR_SUFFIX = ".lineage.json";

    /**
     * A file and its content hash.
     *
     * @param path   absolute, normalised
     * @param sha256 hex
     */
    public record FileRef(String path, String sha256) {
        /** The file's absolute path and SHA-256 now. */
        public static FileRef of(Path file) throws BadInputException {
            return new FileRef(file.toAbsolutePath().normalize().toString(), FileHashes.sha256(file));
        }
    }

    /** The row counts' steps in the order they happen. */
    public static final List<String> STEPS = List.of("raw", "recipe_fit", "processed", "run_data", "run_training");

    public Lineage {
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** The sidecar of a prepared file: {@code x.csv} → {@code x.lineage.json} in the same folder. */
    public static Path sidecarOf(Path dataFile) {
        String name = dataFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dataFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SIDECAR_SUFFIX);
    }

    /**
     * The lineage of a file a run reads: its prepared lineage when a sidecar names this very file (same hash), else
     * the file itself as raw data; plus the run's rows and recipe file.
     *
     * @param dataRows     rows the run read
     * @param trainingRows rows with a target
     * @param runRecipe    the recipe file the run was given, or null
     */
    public static Lineage ofRun(Path dataFile, long dataRows, long trainingRows, Path runRecipe)
            throws BadInputException {
        FileRef data = FileRef.of(dataFile);
        Lineage prepared = readSidecar(dataFile);
        Map<String, Long> rows = new LinkedHashMap<>();
        Lineage base;
        if (prepared != null && prepared.processed() != null && prepared.processed().sha256().equals(data.sha256())) {
            base = prepared;
            rows.putAll(prepared.rows());
        } else {
            base = new Lineage(data, null, null, null, Map.of());
            rows.put("raw", dataRows);
        }
        rows.put("run_data", dataRows);
        rows.put("run_training", trainingRows);
        return new Lineage(base.raw(), base.recipe(), base.processed(),
                runRecipe == null ? null : FileRef.of(runRecipe), rows);
    }

    /** The sidecar beside a file, or null when there is none or it cannot be read (a run goes on without it). */
    static Lineage readSidecar(Path dataFile) {
        Path sidecar = sidecarOf(dataFile);
        if (!Files.isRegularFile(sidecar)) return null;
        try {
            return fromJson(Json.MAPPER.readTree(Files.readString(sidecar)));
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Lineage.class).warn("{}: cannot read the lineage ({})", sidecar,
                    e.getMessage());
            return null;
        }
    }

    /** The JSON object: {@code {"raw":{path,sha256},"recipe":...,"processed":...,"run_recipe":...,"rows":{...}}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("raw", ref(raw));
        m.put("recipe", ref(recipe));
        m.put("processed", ref(processed));
        if (runRecipe != null) m.put("run_recipe", ref(runRecipe));
        m.put("rows", rows);
        return m;
    }

    private static Map<String, Object> ref(FileRef f) {
        if (f == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.path());
        m.put("sha256", f.sha256());
        return m;
    }

    /** Reads {@link #toJson()}'s object; null for a missing or null node (files from before lineage existed). */
    public static Lineage fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        Map<String, Long> rows = new LinkedHashMap<>();
        // The product's JSON writer sorts keys: put the steps back in the order they happen, others after them.
        for (String step : STEPS) if (n.path("rows").has(step)) rows.put(step, n.path("rows").path(step).asLong());
        n.path("rows").fields().forEachRemaining(e -> rows.putIfAbsent(e.getKey(), e.getValue().asLong()));
        return new Lineage(refOf(n.get("raw")), refOf(n.get("recipe")), refOf(n.get("processed")),
                refOf(n.get("run_recipe")), rows);
    }

    private static FileRef refOf(JsonNode n) {
        if (n == null || n.isNull()) return null;
        return new FileRef(n.path("path").asText(), n.path("sha256").asText());
    }
}
