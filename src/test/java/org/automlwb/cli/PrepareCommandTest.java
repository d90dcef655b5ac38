package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.FileHashes;
import org.automlwb.common.Json;
import org.automlwb.prepared.PreparerTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prepare from the command line, and the lineage a run on its output records: in config.json, in the model's
 * model_metadata.json, in experiments --json and in the report.
 */
class PrepareCommandTest {
    @TempDir
    Path dir;

    private static JsonNode read(Path file) throws Exception {
        return Json.MAPPER.readTree(Files.readString(file));
    }

    private static Path only(Path folder) throws Exception {
        try (var s = Files.list(folder)) {
            List<Path> all = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void aRunOnPreparedDataAndARunWithItsRecipeRecordWhereTheirDataCameFrom() throws Exception {
        Path raw = PreparerTest.raw(dir, "churn.csv", 600, 21);
        Path data = dir.resolve("data");
        CliRun prep = CliRun.of("prepare", "--data", raw.toString(), "--target", "churn", "--out", data.toString(),
                "--format", "parquet", "--keep-raw", "--chunk-rows", "200");
        assertEquals(0, prep.exit(), prep.err());
        JsonNode s = prep.summary();
        assertEquals(3, s.path("chunks").asInt());
        assertEquals(600, s.path("rows").path("processed").asInt());
        Path processed = Path.of(s.path("processed").asText());
        Path recipe = Path.of(s.path("recipe").asText());
        assertEquals(data.resolve("processed_data/churn.parquet"), processed);

        Path models = dir.resolve("models");
        CliRun run = CliRun.of("run", "--data", processed.toString(), "--target", "churn", "--max-trials", "2",
                "--threads", "1", "--algorithms", "liblinear", "--out", models.toString(), "--no-deploy");
        assertEquals(0, run.exit(), run.err());
        JsonNode lineage = read(Path.of(run.summary().path("path").asText()).resolve("config.json")).path("lineage");
        assertEquals(FileHashes.sha256(raw), lineage.path("raw").path("sha256").asText());
        assertEquals(data.resolve("raw_data/churn.csv").toAbsolutePath().normalize().toString(),
                lineage.path("raw").path("path").asText());
        assertEquals(FileHashes.sha256(recipe), lineage.path("recipe").path("sha256").asText());
        assertEquals(FileHashes.sha256(processed), lineage.path("processed").path("sha256").asText());
        assertEquals(List.of("raw", "recipe_fit", "processed", "run_data", "run_training"),
                List.copyOf(org.automlwb.data.Lineage.fromJson(lineage).rows().keySet()));
        assertEquals(600, lineage.path("rows").path("run_training").asInt());
        JsonNode metadata = read(Path.of(run.summary().path("model").asText()).resolve("model_metadata.json"));
        assertEquals(lineage, metadata.path("lineage"), "the model records the same lineage");
        String report = Files.readString(Path.of(run.summary().path("path").asText()).resolve("report.html"));
        assertTrue(report.contains("<section id=\"lineage\"><h2>Lineage</h2>"), "the report has a lineage section");
        assertTrue(report.contains(lineage.path("processed").path("sha256").asText().substring(0, 12)));

        Path models2 = dir.resolve("models2");
        CliRun again = CliRun.of("run", "--data", raw.toString(), "--target", "churn", "--recipe", recipe.toString(),
                "--max-trials", "2", "--threads", "1", "--algorithms", "liblinear", "--out", models2.toString(),
                "--no-deploy");
        assertEquals(0, again.exit(), again.err());
        JsonNode second = read(Path.of(again.summary().path("path").asText()).resolve("config.json")).path("lineage");
        assertEquals(FileHashes.sha256(raw), second.path("raw").path("sha256").asText());
        assertTrue(second.path("processed").isNull(), "the raw file was not prepared");
        assertEquals(FileHashes.sha256(recipe), second.path("run_recipe").path("sha256").asText());

        CliRun list = CliRun.of("experiments", "--models", models.toString(), "--json");
        assertEquals(0, list.exit(), list.err());
        assertEquals(lineage, Json.MAPPER.readTree(list.out().strip()).get(0).path("lineage"));
        assertTrue(Files.isRegularFile(only(models.resolve("trained_models")).resolve("model_metadata.json")));
    }

    @Test
    void aRunWithARecipeFittedForAnotherTargetOrReadingMissingColumnsIsOneLineAndExitTwo() throws Exception {
        Path raw = PreparerTest.raw(dir, "churn.csv", 300, 22);
        Path data = dir.resolve("data");
        assertEquals(0, CliRun.of("prepare", "--data", raw.toString(), "--target", "churn", "--out",
                data.toString()).exit());
        Path recipe = data.resolve("feature_engineering/churn.recipe.json");
        CliRun other = CliRun.of("run", "--data", raw.toString(), "--target", "city", "--recipe", recipe.toString(),
                "--max-trials", "1", "--out", dir.resolve("models").toString(), "--no-deploy");
        assertEquals(2, other.exit());
        assertEquals(1, other.err().strip().lines().count(), other.err());
        assertTrue(other.err().contains("the recipe was fitted for the target 'churn', not 'city'"), other.err());
        assertFalse(Files.exists(dir.resolve("models")), "nothing was written");

        Path narrow = Files.writeString(dir.resolve("narrow.csv"), "income,churn\n1,yes\n2,no\n3,yes\n4,no\n5,yes\n");
        CliRun missing = CliRun.of("prepare", "--data", narrow.toString(), "--recipe", recipe.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("the recipe reads 2 columns the data does not have: 'city', 'joined'"),
                missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");
    }

    /** pandas (from the operating system's packages) reads the prepared CSV; it has no Parquet engine here. */
    @Test
    void pandasReadsThePreparedCsv() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        Process probe = new ProcessBuilder(python.toString(), "-c", "import pandas").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "pandas is not installed");
        Path raw = PreparerTest.raw(dir, "churn.csv", 400, 23);
        CliRun prep = CliRun.of("prepare", "--data", raw.toString(), "--target", "churn", "--out",
                dir.resolve("data").toString());
        assertEquals(0, prep.exit(), prep.err());
        Path csv = Path.of(prep.summary().path("processed").asText());
        String script = "import pandas as pd, sys\n"
                + "d = pd.read_csv(sys.argv[1])\n"
                + "num = d.drop(columns=['churn'])\n"
                + "print(d.shape[0], d.shape[1], int(num.isna().sum().sum()), repr(float(num.sum().sum())))\n";
        Process p = new ProcessBuilder(python.toString(), "-c", script, csv.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        var table = org.automlwb.data.CsvLoader.load(csv).table();
        double sum = 0;
        for (var c : table.numericColumns()) sum += c.sum();
        String[] parts = out.split(" ");
        assertEquals(String.valueOf(table.rowCount()), parts[0]);
        assertEquals(String.valueOf(table.columnCount()), parts[1]);
        assertEquals("0", parts[2], "no missing value in the prepared features");
        assertEquals(sum, Double.parseDouble(parts[3]), 1e-9 * Math.max(1, Math.abs(sum)));
    }
}
