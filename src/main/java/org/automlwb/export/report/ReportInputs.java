package org.automlwb.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.export.ExperimentWriter;
import org.automlwb.export.PredictionsCsv;
import org.automlwb.export.bundle.BundleReader;
import org.automlwb.export.bundle.ModelFileChangedException;
import org.automlwb.prep.FittedRecipe;
import org.automlwb.prep.Recipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the report reads from an experiment folder. Only {@code config.json} is required: anything else that is
 * missing (a run that failed, a data file moved away) leaves its section with a note instead of failing. A model
 * file changed since the run wrote it is refused ({@link ModelFileChangedException}), not noted.
 *
 * @param folder      the experiment
 * @param config      {@code config.json}
 * @param metrics     {@code evaluation_metrics.json}, or null
 * @param trials      the journal's lines, in file order
 * @param leaderboard {@code leaderboard.csv}: header first, then rows best first; empty when absent
 * @param model       the chosen model, or null
 * @param recipeSteps the preprocessing in plain words (fitted when the model's pipeline is on disk)
 * @param validation  out-of-fold predictions of the chosen model, or null
 * @param train       the training data, or null when it cannot be read
 * @param test        the test data, or null
 * @param notes       why something is missing, for the reader
 */
record ReportInputs(ExperimentFolder folder, JsonNode config, JsonNode metrics, List<JsonNode> trials,
                    List<List<String>> leaderboard, ModelBundle model, List<String> recipeSteps,
                    PredictionsCsv.Loaded validation, LoadedData train, LoadedData test, List<String> notes) {
    private static final Logger LOG = LoggerFactory.getLogger(ReportInputs.class);

    TaskType task() { return TaskType.valueOf(config.path("task").asText("binary").toUpperCase(Locale.ROOT)); }

    Metric metric() { return Metric.fromKey(config.path("metric").asText(Metric.defaultFor(task()).key())); }

    String target() { return config.path("target").asText(); }

    long seed() { return config.path("seed").asLong(42); }

    static ReportInputs load(ExperimentFolder folder) throws BadInputException {
        return load(folder, null);
    }

    /**
     * As {@link #load(ExperimentFolder)}, with the run's own training and test data when it has them: reading and
     * parsing the files again took 10 s of a 2,000,000-row run's end.
     *
     * @param loaded the files the run read, or null to read them from the paths in config.json
     */
    static ReportInputs load(ExperimentFolder folder, ReportWriter.Loaded loaded) throws BadInputException {
        List<String> notes = new ArrayList<>();
        JsonNode config = readJson(folder.configJson());
        if (config == null) {
            throw new BadInputException("cannot read config.json", folder.configJson(), 0, null,
                    "give a folder under models/experiments/ that a run wrote");
        }
        JsonNode metrics = readJson(folder.evaluationMetricsJson());
        List<JsonNode> trials = readJournal(folder.journal());
        List<List<String>> leaderboard = readCsv(folder.leaderboardCsv());
        ModelBundle model = null;
        if (Files.exists(folder.dir().resolve(ExperimentWriter.FINAL_MODEL_JSON))) {
            try {
                model = BundleReader.read(folder.dir(), ExperimentWriter.FINAL_MODEL_JSON).model();
            } catch (ModelFileChangedException e) {
                throw e; // a report about a damaged model would describe a model nobody trained
            } catch (BadInputException e) {
                notes.add("The chosen model could not be read: " + e.getMessage());
            }
        } else {
            notes.add("The run wrote no model (no trial succeeded, or it was stopped before the end).");
        }
        PredictionsCsv.Loaded validation = null;
        Path vp = folder.dir().resolve(PredictionsCsv.VALIDATION_FILE);
        if (Files.exists(vp)) {
            try {
                validation = PredictionsCsv.read(vp);
            } catch (IOException e) {
                notes.add("The validation predictions could not be read: " + e.getMessage());
            }
        }
        boolean viaSpark = "spark".equals(config.path("data").path("read_with").asText());
        if (viaSpark && loaded == null) {
            // Data larger than memory is not read again for a report: the profile needs Spark and hours.
            notes.add("The training data was read through Spark: its profile and the feature importance are left "
                    + "out of a report written after the run.");
        }
        LoadedData train = loaded != null ? loaded.train() : viaSpark ? null
                : loadData(config.path("data").path("path").asText(null), "training", notes);
        LoadedData test = !config.hasNonNull("test_data") ? null : loaded != null ? loaded.test()
                : loadData(config.path("test_data").path("path").asText(null), "test", notes);
        return new ReportInputs(folder, config, metrics, trials, leaderboard, model,
                recipeSteps(folder, config), validation, train, test, List.copyOf(notes));
    }

    private static List<String> recipeSteps(ExperimentFolder folder, JsonNode config) {
        Path fitted = folder.dir().resolve("preprocessing_pipeline_1.json");
        try {
            if (Files.exists(fitted)) return FittedRecipe.fromJson(Files.readString(fitted)).describe();
            return Recipe.fromJson(Json.MAPPER.writeValueAsString(config.path("recipe"))).describe();
        } catch (IOException | BadInputException e) {
            LOG.warn("cannot describe the recipe of {}: {}", folder.dir(), e.getMessage());
            return List.of("(the recipe could not be read: " + e.getMessage() + ")");
        }
    }

    private static LoadedData loadData(String path, String what, List<String> notes) {
        if (path == null) return null;
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            // the name alone: a report may travel where the reader's disk is none of their business
            LOG.info("the {} file {} is no longer there", what, file);
            notes.add("The " + what + " file " + file.getFileName() + " is no longer there: its profile"
                    + ("training".equals(what) ? " and the feature importance" : " and charts") + " are left out.");
            return null;
        }
        try {
            return CsvLoader.load(file);
        } catch (BadInputException e) {
            notes.add("The " + what + " file could not be read: " + e.oneLine());
            return null;
        }
    }

    private static JsonNode readJson(Path file) {
        if (!Files.exists(file)) return null;
        try {
            return Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return null;
        }
    }

    private static List<JsonNode> readJournal(Path file) {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    out.add(Json.MAPPER.readTree(line));
                } catch (IOException e) {
                    LOG.debug("skipping an unreadable journal line: {}", e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
        }
        return out;
    }

    private static List<List<String>> readCsv(Path file) {
        List<List<String>> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.parse(in)) {
            for (CSVRecord r : csv) out.add(r.toList());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
        }
        return out;
    }
}
