package org.automlwb.cli;

import static org.automlwb.ChurnCsv.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.automlwb.common.Json;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metrics;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code run} → {@code trained_models/} and {@code deployment/} → {@code predict}, end to end on generated data:
 * test metrics reproduced exactly from predictions.csv, chunked equals one-shot, missing and unseen values, drift.
 */
class PredictCommandTest {
    @TempDir
    static Path dir;
    static Path models;
    static Path model;
    static Path test;

    @BeforeAll
    static void trainAndExport() throws IOException {
        Path train = dir.resolve("churn.train.csv");
        test = dir.resolve("churn.test.csv");
        Random rng = new Random(21);
        Files.writeString(train, rows(rng, 600, 0, "basic"));
        Files.writeString(test, rows(rng, 150, 0, "basic"));
        models = dir.resolve("models");
        CliRun r = cli("run", "--data", train.toString(), "--test", test.toString(), "--target", "churn",
                "--max-trials", "4", "--threads", "2", "--seed", "5", "--out", models.toString());
        assertEquals(0, r.exit(), r.err());
        model = Path.of(r.summary().get("model").asText());
    }

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private static CliRun predict(Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--data", data.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void runExportsTheModelAndDeploysIt() throws IOException {
        assertEquals(models.resolve("trained_models"), model.getParent());
        for (String f : List.of("model_metadata.json", "evaluation_metrics.json", "training_profile.json")) {
            assertTrue(Files.exists(model.resolve(f)), f);
        }
        JsonNode meta = Json.MAPPER.readTree(Files.readString(model.resolve("model_metadata.json")));
        assertEquals(model.getFileName().toString(), meta.get("model_id").asText());
        assertEquals("binary", meta.get("task").asText());
        assertEquals("[\"no\",\"yes\"]", meta.get("classes").toString());
        List<String> inputs = new ArrayList<>();
        meta.get("input_columns").forEach(c -> inputs.add(c.get("name").asText() + ":" + c.get("type").asText()));
        assertTrue(inputs.containsAll(List.of("age:INTEGER", "plan:TEXT", "usage:DECIMAL")), inputs.toString());
        assertTrue(meta.get("recipe").size() > 0);
        assertEquals("4.3.2", meta.get("versions").get("tribuo").asText());
        for (JsonNode m : meta.get("members")) {
            Path part = model.resolve(m.get("path").asText());
            assertTrue(Files.exists(part.resolve(m.get("artifact").asText())), m.toString());
            assertTrue(Files.exists(part.resolve("preprocessing_pipeline.json")));
            assertTrue(m.get("sha256").get("artifact").asText().matches("[0-9a-f]{64}"), m.toString());
            assertTrue(m.get("provenance").has("model_class"), m.toString());
        }
        String id = model.getFileName().toString();
        Path serving = dir.resolve("deployment/model_serving").resolve(id).resolve("v1");
        assertTrue(Files.readString(serving.resolve("README.md")).contains("predict --model"));
        assertTrue(Files.exists(serving.resolve("model_metadata.json")));
        JsonNode config = Json.MAPPER.readTree(Files.readString(
                dir.resolve("deployment/model_monitoring").resolve(id).resolve("monitoring_config.json")));
        assertEquals(0.1, config.get("warn").asDouble());
        assertEquals(0.25, config.get("alert").asDouble());
        assertEquals(inputs.size(), config.get("features").size());
    }

    @Test
    void predictingTheTestFileReproducesTheRecordedTestMetricsExactly() throws Exception {
        Path out = dir.resolve("test-predictions.csv");
        CliRun r = predict(test, out, "--no-monitoring");
        assertEquals(0, r.exit(), r.err());
        assertEquals(150, r.summary().get("rows").asInt());
        Table p = Table.read().csv(out.toFile());
        assertEquals(List.of("row", "prediction", "prob_no", "prob_yes"), p.columnNames());
        double[][] probs = new double[p.rowCount()][2];
        for (int i = 0; i < probs.length; i++) {
            // Parsed from the text, not from Tablesaw's column, so no rounding comes between.
            String[] line = Files.readAllLines(out).get(i + 1).split(",");
            assertEquals(i + 1, Integer.parseInt(line[0]));
            probs[i][0] = Double.parseDouble(line[2]);
            probs[i][1] = Double.parseDouble(line[3]);
            assertEquals(probs[i][1] > probs[i][0] ? "yes" : "no", line[1]);
        }
        LoadedData t = CsvLoader.load(test);
        LabelledData truth = LabelledData.forScoring(t.table(), "churn", TaskType.BINARY, List.of("no", "yes"));
        Map<String, Double> recomputed = Metrics.all(TaskType.BINARY, truth.targets(),
                Predictions.ofProbabilities(probs));
        JsonNode recorded = Json.MAPPER.readTree(Files.readString(model.resolve("evaluation_metrics.json")))
                .get("test");
        Map<String, Double> expected = new TreeMap<>();
        recorded.fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asDouble()));
        assertEquals(Metrics.all(TaskType.BINARY, truth.targets(), Predictions.ofProbabilities(probs)).keySet(),
                expected.keySet());
        assertEquals(expected, new TreeMap<>(recomputed));
    }

    @Test
    void chunkedPredictionEqualsOneShot() throws IOException {
        Path one = dir.resolve("one.csv");
        Path many = dir.resolve("many.csv");
        assertEquals(0, predict(test, one, "--no-monitoring", "--id", "customer").exit());
        CliRun r = predict(test, many, "--no-monitoring", "--id", "customer", "--chunk-rows", "7");
        assertEquals(0, r.exit(), r.err());
        assertEquals(22, r.summary().get("chunks").asInt());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(many));
        assertTrue(Files.readAllLines(one).get(1).startsWith("c-0,"));
    }

    @Test
    void aMissingColumnIsBadInputNamingIt() throws IOException {
        Path f = dir.resolve("no-usage.csv");
        Files.writeString(f, "age,plan\n30,basic\n");
        Path out = dir.resolve("never.csv");
        CliRun r = predict(f, out);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("usage"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUpperCasedHeaderAndInfiniteValuesArePredictedAsInTrainingWithWarnings() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(test));
        List<String> odd = new ArrayList<>(lines);
        odd.set(0, lines.get(0).toUpperCase(Locale.ROOT));
        String[] cells = {"1e999", "inf", "1.7976931348623157E308", "-Infinity", "NAN"};
        String[] same = {"", "", "1e30", "", ""};
        for (int i = 0; i < cells.length; i++) {
            odd.set(i + 1, withUsage(lines.get(i + 1), cells[i]));
            lines.set(i + 1, withUsage(lines.get(i + 1), same[i]));
        }
        Path oddFile = dir.resolve("upper-inf.csv");
        Path sameFile = dir.resolve("lower-missing.csv");
        Files.write(oddFile, odd);
        Files.write(sameFile, lines);
        Path oddOut = dir.resolve("upper-inf-predictions.csv");
        Path sameOut = dir.resolve("lower-missing-predictions.csv");
        CliRun r = predict(oddFile, oddOut, "--no-monitoring");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, predict(sameFile, sameOut, "--no-monitoring").exit());
        assertArrayEquals(Files.readAllBytes(sameOut), Files.readAllBytes(oddOut),
                "non-finite values predict as missing ones, huge ones as the clipped value");
        assertTrue(r.err().contains("matched ignoring case: "), r.err());
        assertTrue(r.err().contains("'USAGE' as 'usage'"), r.err());
        assertTrue(r.err().contains("warning: " + oddFile + ": column 'usage': 4 infinite or NaN values read as "
                + "missing, 1 value beyond \u00b11e30 clipped"), r.err());
        assertEquals(2, r.summary().get("warnings").size(), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    /** A test-file line with its usage cell (the fourth) replaced. */
    private static String withUsage(String line, String usage) {
        String[] f = line.split(",", -1);
        f[3] = usage;
        return String.join(",", f);
    }

    @Test
    void unseenCategoriesAndExtraColumnsArePredicted() throws IOException {
        Path f = dir.resolve("unseen.csv");
        Files.writeString(f, rows(new Random(4), 30, 0, "enterprise").replace("churn\n", "churn,extra\n")
                .replace("\n", ",x\n").replaceFirst(",x\n", "\n"));
        Path out = dir.resolve("unseen-predictions.csv");
        CliRun r = predict(f, out, "--no-monitoring");
        assertEquals(0, r.exit(), r.err());
        assertEquals(31, Files.readAllLines(out).size());
    }

    @Test
    void eachPredictAppendsADriftSummaryToTheMonitoringLog() throws IOException {
        Path same = dir.resolve("same.csv");
        Path shifted = dir.resolve("shifted.csv");
        Files.writeString(same, rows(new Random(99), 3000, 0, "basic"));
        Files.writeString(shifted, rows(new Random(98), 3000, 25, "basic"));
        Path log = dir.resolve("deployment/model_monitoring").resolve(model.getFileName().toString())
                .resolve("logs/predictions.jsonl");
        assertEquals(0, predict(same, dir.resolve("p1.csv")).exit());
        JsonNode first = lastLine(log);
        assertEquals(3000, first.get("rows").asInt());
        first.get("psi").fields().forEachRemaining(e -> assertTrue(e.getValue().asDouble() < 0.1,
                e.getKey() + " " + e.getValue()));
        assertEquals(0, first.get("alerts").size(), first.toString());
        CliRun r = predict(shifted, dir.resolve("p2.csv"));
        assertEquals(0, r.exit(), r.err());
        JsonNode second = lastLine(log);
        assertTrue(second.get("psi").get("usage").asDouble() > 0.25, second.toString());
        boolean alerted = false;
        for (JsonNode a : second.get("alerts")) {
            alerted |= a.get("feature").asText().equals("usage") && a.get("level").asText().equals("alert");
        }
        assertTrue(alerted, second.toString());
        assertTrue(second.get("psi").get("plan").asDouble() < 0.1);
        assertTrue(second.get("prediction").get("distribution").has("yes"));
    }

    @Test
    void exportCommandReExportsAnExperimentUnderAnotherName() throws Exception {
        JsonNode meta = Json.MAPPER.readTree(Files.readString(model.resolve("model_metadata.json")));
        Path experiment = models.resolve("experiments").resolve(meta.get("experiment").asText());
        CliRun r = cli("export", "--experiment", experiment.toString(), "--name", "Churn v2", "--deploy");
        assertEquals(0, r.exit(), r.err());
        assertEquals("churn_v2", r.summary().get("model").asText());
        Path served = Path.of(r.summary().get("serving").asText());
        assertEquals(dir.resolve("deployment/model_serving/churn_v2/v1"), served);
        Path a = dir.resolve("orig.csv");
        Path b = dir.resolve("served.csv");
        assertEquals(0, predict(test, a, "--no-monitoring").exit());
        assertEquals(0, cli("predict", "--model", served.toString(), "--data", test.toString(), "--out", b.toString(),
                "--no-monitoring").exit());
        if ("single".equals(meta.get("kind").asText())) {
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        } else { // weights come back normalised from the experiment folder: equal up to rounding
            assertEquals(Files.readAllLines(a).size(), Files.readAllLines(b).size());
        }
    }

    private static JsonNode lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return Json.MAPPER.readTree(lines.get(lines.size() - 1));
    }
}
