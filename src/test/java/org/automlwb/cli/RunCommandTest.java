package org.automlwb.cli;

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
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.automlwb.common.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command end to end on generated data: outputs, reproducibility, resume, bad input. */
class RunCommandTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path test;

    /** A binary problem with a numeric signal, a categorical signal, noise and missing values. */
    @BeforeAll
    static void data() throws IOException {
        train = dir.resolve("churn.train.csv");
        test = dir.resolve("churn.test.csv");
        Random rng = new Random(7);
        Files.writeString(train, rows(rng, 240));
        Files.writeString(test, rows(rng, 80));
    }

    private static String rows(Random rng, int n) {
        StringBuilder sb = new StringBuilder("age,plan,usage,noise,churn\n");
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < n; i++) {
            int age = 18 + rng.nextInt(60);
            String plan = plans[rng.nextInt(3)];
            double usage = rng.nextGaussian() * 10 + 50;
            double z = 0.08 * (usage - 50) + (plan.equals("basic") ? 0.8 : -0.4) + rng.nextGaussian() * 0.7;
            sb.append(rng.nextInt(10) == 0 ? "" : String.valueOf(age)).append(',').append(plan).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", usage)).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", rng.nextDouble())).append(',')
                    .append(z > 0 ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static CliRun fixedRun(Path models, int maxTrials) {
        return run("run", "--data", train.toString(), "--test", test.toString(), "--target", "churn", "--max-trials",
                String.valueOf(maxTrials), "--threads", "2", "--seed", "11", "--out", models.toString());
    }

    @Test
    void writesTheExperimentLayoutAndAOneLineSummary() throws IOException {
        Path models = dir.resolve("layout");
        CliRun r = fixedRun(models, 8);
        assertEquals(0, r.exit(), r.err());
        JsonNode s = r.summary();
        assertEquals("binary", s.get("task").asText());
        assertEquals("auc", s.get("metric").asText());
        assertTrue(s.get("test").asDouble() > 0.75, "test AUC " + s.get("test"));
        Path exp = Path.of(s.get("path").asText());
        for (String f : List.of("config.json", "hyperparameters.json", "leaderboard.csv", "trials.jsonl",
                "evaluation_metrics.json", "run.log", "model_artifact_1.tribuo", "final_model.json")) {
            assertTrue(Files.exists(exp.resolve(f)), f);
        }
        assertEquals(8, Files.readAllLines(exp.resolve("trials.jsonl")).size());
        JsonNode metrics = Json.MAPPER.readTree(exp.resolve("evaluation_metrics.json").toFile());
        assertEquals(s.get("test").asDouble(), metrics.path("test").path("auc").asDouble(), 1e-12);
        JsonNode config = Json.MAPPER.readTree(exp.resolve("config.json").toFile());
        assertEquals(64, config.path("data").path("sha256").asText().length());
        assertEquals("churn", config.path("target").asText());
        try (Stream<Path> files = Files.list(exp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void eventsAreJsonLinesOnStdoutBeforeTheSummary() throws IOException {
        CliRun r = run("run", "--data", train.toString(), "--target", "churn", "--max-trials", "3", "--threads", "2",
                "--algorithms", "linear_sgd,cart", "--no-ensemble", "--events", "--out", dir.resolve("events").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        List<org.automlwb.engine.run.RunEvent> events = lines.subList(0, lines.size() - 1).stream()
                .map(l -> org.automlwb.experiment.RunEventJson.parse(l).orElseThrow(() -> new AssertionError(l)))
                .toList();
        assertEquals(3, events.stream().filter(e -> e instanceof org.automlwb.engine.run.RunEvent.TrialFinished).count());
        assertTrue(events.get(0) instanceof org.automlwb.engine.run.RunEvent.RunStarted, events.get(0).toString());
        assertTrue(events.get(events.size() - 1) instanceof org.automlwb.engine.run.RunEvent.RunFinished);
        assertTrue(r.summary().has("experiment"), "the summary line is still the last line");
    }

    @Test
    void sameSeedAndMaxTrialsGiveTheSameLeaderboard() throws IOException {
        Path a = Path.of(fixedRun(dir.resolve("repro-a"), 14).summary().get("path").asText());
        Path b = Path.of(fixedRun(dir.resolve("repro-b"), 14).summary().get("path").asText());
        assertEquals(withoutTimes(a.resolve("leaderboard.csv")), withoutTimes(b.resolve("leaderboard.csv")));
    }

    /** The leaderboard without its fit-time column, the one thing that may differ between machines. */
    private static List<String> withoutTimes(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            out.add(cells.stream().filter(c -> !c.matches("\\d+\\.\\d{3}")).collect(Collectors.joining(",")));
        }
        return out;
    }

    @Test
    void resumeContinuesAfterTheLastJournalledTrialWithoutRepeatingIt() throws IOException {
        Path exp = Path.of(fixedRun(dir.resolve("resume"), 6).summary().get("path").asText());
        Path journal = exp.resolve("trials.jsonl");
        List<String> lines = Files.readAllLines(journal);
        // As if the run had been killed after three trials, halfway through writing the fourth line.
        Files.writeString(journal, String.join("\n", lines.subList(0, 3)) + "\n" + lines.get(3).substring(0, 20));
        Files.writeString(exp.resolve(org.automlwb.export.RunStateFile.FILE),
                "{\"elapsed_s\": 1.0, \"search_ended\": null}");
        List<Integer> kept = org.automlwb.engine.run.Journal.read(journal).stream().map(t -> t.spec().trialId())
                .toList();
        CliRun r = run("run", "--resume", exp.toString());
        assertEquals(0, r.exit(), r.err());
        List<Integer> ids = org.automlwb.engine.run.Journal.read(journal).stream().map(t -> t.spec().trialId())
                .toList();
        assertEquals(6, ids.size(), "three kept, three new: " + ids);
        assertEquals(6, ids.stream().distinct().count(), "ids stay unique: " + ids);
        assertTrue(ids.containsAll(kept), "the finished trials are kept: " + ids);
        assertEquals(7, Files.readAllLines(journal).size(), "3 kept, the cut line, 3 new: each on its own line");
    }

    @Test
    void badInputGivesOneLineAndExitTwoAndWritesNothing() {
        Path models = dir.resolve("bad");
        CliRun r = run("run", "--data", train.toString(), "--target", "chrun", "--max-trials", "3", "--out",
                models.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("chrun") && r.err().contains("churn"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(models), "nothing written");

        r = run("run", "--data", train.toString(), "--target", "churn", "--metric", "rmse", "--max-trials", "3",
                "--out", models.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("rmse does not apply to a binary task"), r.err());
        assertFalse(Files.exists(models), "nothing written");

        r = run("run", "--data", dir.resolve("nope.csv").toString(), "--target", "churn", "--out", models.toString());
        assertEquals(2, r.exit());
        assertFalse(Files.exists(models), "nothing written");
    }

    @Test
    void infiniteAndHugeTrainingValuesAreSaidAndNoTrialFailsOnThem() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(train));
        String[] odd = {"inf", "1.7976931348623157E308", "-1.7976931348623157E308", "NAN", "1e999"};
        for (int i = 0; i < odd.length; i++) {
            String[] f = lines.get(1 + 7 * i).split(",", -1);
            f[2] = odd[i];
            lines.set(1 + 7 * i, String.join(",", f));
        }
        Path huge = dir.resolve("huge.csv");
        Files.write(huge, lines);
        Path models = dir.resolve("huge-models");
        CliRun r = run("run", "--data", huge.toString(), "--target", "churn", "--max-trials", "8", "--threads", "2",
                "--seed", "3", "--out", models.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: " + huge + ": column 'usage': 3 infinite or NaN values read as "
                + "missing, 2 values beyond \u00b11e30 clipped"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        Path experiment = Path.of(r.summary().get("path").asText());
        String journal = Files.readString(experiment.resolve("trials.jsonl"));
        assertEquals(8, journal.lines().count());
        assertFalse(journal.contains("\"FAILED\""), journal);
    }

    @Test
    void aTestFileWithOtherColumnsIsRefused() throws IOException {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "age,plan,churn\n30,basic,yes\n40,pro,no\n");
        CliRun r = run("run", "--data", train.toString(), "--test", other.toString(), "--target", "churn",
                "--max-trials", "3", "--out", dir.resolve("bad2").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("usage") && r.err().contains("noise"), r.err());
    }
}
