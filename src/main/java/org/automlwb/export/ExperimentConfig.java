package org.automlwb.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.FileHashes;
import org.automlwb.common.Json;
import org.automlwb.data.Lineage;
import org.automlwb.data.SampledSource;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.space.SpaceFile;

/**
 * {@code config.json}: everything needed to understand and repeat a run — data files and their hashes, target,
 * task, metric, validation, budget, seed, recipe, search space, versions — and to resume it.
 */
public final class ExperimentConfig {
    private ExperimentConfig() { }

    /** The JSON document for a prepared run given no recipe file. */
    public static String json(PreparedRun p, Path trainFile, Path testFile) throws BadInputException {
        return json(p, trainFile, testFile, null);
    }

    /**
     * The JSON document for a prepared run.
     *
     * @param recipeFile the recipe file the run was given, or null; named with its hash in the lineage
     */
    public static String json(PreparedRun p, Path trainFile, Path testFile, Path recipeFile) throws BadInputException {
        return json(p, fileInfo(trainFile, p.data().rows() + p.data().droppedRows()), Lineage.ofRun(trainFile,
                p.data().rows() + p.data().droppedRows(), p.data().rows(), recipeFile).toJson(), testFile);
    }

    /**
     * The JSON document for a run on rows drawn from a larger source (data read through Spark). The source is
     * recorded by location, with its total rows, the rows drawn and the rows the search may take and why; it has
     * no hash (hashing terabytes to start a run is no option) and no lineage (that follows files), and such a run
     * is not resumed from it.
     *
     * @param recipeFile the recipe file the run was given, or null
     */
    public static String json(PreparedRun p, SampledSource source, Path testFile, Path recipeFile)
            throws BadInputException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", source.location());
        data.put("format", source.format());
        data.put("read_with", "spark");
        data.put("sha256", null);
        data.put("rows", source.totalRows());
        data.put("drawn_rows", source.drawnRows());
        data.put("drawn_limit", source.drawnLimit());
        data.put("search_rows_max", source.searchRows());
        data.put("search_limit", source.searchLimit());
        if (recipeFile != null) data.put("recipe_file", recipeFile.toAbsolutePath().normalize().toString());
        return json(p, data, null, testFile);
    }

    private static String json(PreparedRun p, Map<String, Object> dataInfo, Object lineage, Path testFile)
            throws BadInputException {
        RunSpec s = p.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created", OffsetDateTime.now().toString());
        m.put("data", dataInfo);
        if (testFile != null) m.put("test_data", fileInfo(testFile, p.test().rows()));
        m.put("target", s.target());
        m.put("task", p.data().task().key());
        m.put("task_forced", s.task() != null);
        m.put("metric", p.metric().key());
        m.put("classes", p.data().classNames());
        String validation = p.folds().plan().describe()
                + (p.sample().sampled() ? ", searching " + p.sample().describe() : "");
        m.put("validation", Map.of("description", validation, "folds", s.folds(),
                "holdout_above_rows", s.holdoutAbove(), "search_rows", p.sample().size()));
        m.put("budget_s", s.budget() == null ? null : s.budget().toMillis() / 1000.0);
        m.put("max_trials", s.maxTrials());
        m.put("threads", s.threads());
        m.put("seed", s.seed());
        m.put("search", s.search());
        m.put("ensemble", s.ensemble());
        m.put("algorithms", p.algorithms().stream().map(Algorithm::id).toList());
        m.put("algorithms_requested", s.algorithms());
        m.put("recipe", Json.MAPPER.valueToTree(parse(p.recipe().toJson())));
        Map<String, SearchSpace> spaces = new LinkedHashMap<>();
        p.algorithms().forEach(a -> spaces.put(a.id(), a.space(p.data().task())));
        m.put("search_space", parse(SpaceFile.write(spaces, java.util.Set.of())));
        m.put("versions", Versions.all());
        if (lineage != null) m.put("lineage", lineage);
        return Json.pretty(m);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the product wrote JSON it cannot read back", e);
        }
    }

    private static Map<String, Object> fileInfo(Path file, int rows) throws BadInputException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", file.toAbsolutePath().normalize().toString());
        m.put("sha256", sha256(file));
        m.put("rows", rows);
        return m;
    }

    /** The SHA-256 of a file's bytes, in hex. */
    public static String sha256(Path file) throws BadInputException {
        return FileHashes.sha256(file);
    }

    /**
     * The lineage recorded in a {@code config.json}, or null for an experiment written before lineage was, or a file
     * that cannot be read.
     */
    public static Lineage lineage(Path configJson) {
        try {
            return Lineage.fromJson(Json.MAPPER.readTree(Files.readString(configJson)).get("lineage"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What a resume needs from {@code config.json}. */
    public record Saved(Path train, String trainHash, Path test, RunSpec spec, String recipeJson) { }

    /** Reads {@code config.json} back into a run spec and the data files. */
    public static Saved read(Path configJson) throws BadInputException {
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(configJson));
            if ("spark".equals(n.path("data").path("read_with").asText())) {
                // Its rows were a sample drawn by Spark: no file and hash to check them against.
                throw new BadInputException("this run read its data through Spark (" + n.path("data").path("path")
                        .asText() + "); such a run cannot be resumed", configJson, 0, null,
                        "start a new run on the same data");
            }
            Path train = Path.of(n.path("data").path("path").asText());
            Path test = n.hasNonNull("test_data") ? Path.of(n.path("test_data").path("path").asText()) : null;
            List<String> algos = new ArrayList<>();
            n.path("algorithms_requested").forEach(a -> algos.add(a.asText()));
            JsonNode budget = n.get("budget_s");
            RunSpec spec = new RunSpec(n.path("target").asText(),
                    n.path("task_forced").asBoolean() ? TaskType.valueOf(n.path("task").asText().toUpperCase(
                            java.util.Locale.ROOT)) : null,
                    Metric.fromKey(n.path("metric").asText()),
                    budget == null || budget.isNull() ? null : Duration.ofMillis((long) (budget.asDouble() * 1000)),
                    n.path("max_trials").asInt(), n.path("threads").asInt(1), n.path("seed").asLong(),
                    n.path("search").asText("auto"), algos, n.path("validation").path("folds").asInt(5),
                    n.path("validation").path("holdout_above_rows").asInt(50_000), 0, n.path("ensemble").asBoolean(true),
                    SpaceFile.parse(Json.MAPPER.writeValueAsString(n.path("search_space"))));
            return new Saved(train, n.path("data").path("sha256").asText(), test, spec,
                    Json.MAPPER.writeValueAsString(n.path("recipe")));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot read the experiment's settings (" + e.getMessage() + ")", configJson,
                    0, null, "the folder may come from another version, or config.json was edited");
        }
    }
}
