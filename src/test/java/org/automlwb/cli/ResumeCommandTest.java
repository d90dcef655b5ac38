package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.automlwb.common.Json;
import org.automlwb.engine.run.Journal;
import org.automlwb.export.RunStateFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --resume} after a kill, with the state a kill leaves simulated on disk (a journal cut short, the
 * run's clock in run_state.json): new trial ids are unused ones, the budget is what was left, and a search that
 * had ended is not run again.
 */
class ResumeCommandTest {
    @TempDir
    static Path dir;
    static Path train;

    @BeforeAll
    static void data() throws IOException {
        train = dir.resolve("resume.csv");
        Random rng = new Random(3);
        StringBuilder sb = new StringBuilder("x1,x2,kind,y\n");
        for (int i = 0; i < 200; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            String kind = rng.nextBoolean() ? "a" : "b";
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%s,%s%n", x1, x2, kind,
                    x1 + 0.5 * x2 + rng.nextGaussian() * 0.5 > 0 ? "yes" : "no"));
        }
        Files.writeString(train, sb);
    }

    /** A finished run of at most four trials inside a budget far larger than they need. */
    private static Path finishedRun(String name) throws IOException {
        CliRun r = CliRun.of("run", "--data", train.toString(), "--target", "y", "--budget", "120s", "--max-trials",
                "4", "--threads", "2", "--algorithms", "baseline,liblinear,cart", "--no-deploy", "--out",
                dir.resolve(name).toString());
        assertEquals(0, r.exit(), r.err());
        Path exp = Path.of(r.summary().get("path").asText());
        assertEquals(4, Journal.read(exp.resolve("trials.jsonl")).size());
        JsonNode state = Json.MAPPER.readTree(exp.resolve(RunStateFile.FILE).toFile());
        assertEquals("MAX_TRIALS", state.get("search_ended").asText(), state.toString());
        assertTrue(state.get("elapsed_s").asDouble() > 0, state.toString());
        return exp;
    }

    /** As if killed after two trials, while the third's line was being written. */
    private static void killedDuringTrialThree(Path exp, double elapsed) throws IOException {
        Path journal = exp.resolve("trials.jsonl");
        List<String> lines = Files.readAllLines(journal);
        Files.writeString(journal, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 25));
        Files.writeString(exp.resolve(RunStateFile.FILE),
                "{\"elapsed_s\": " + elapsed + ", \"search_ended\": null}");
    }

    private static List<Integer> ids(Path exp) throws IOException {
        return Journal.read(exp.resolve("trials.jsonl")).stream().map(t -> t.spec().trialId()).toList();
    }

    @Test
    void timeLeftGoesOnSearchingWithUnusedIds() throws IOException {
        Path exp = finishedRun("left");
        killedDuringTrialThree(exp, 3.0);
        CliRun r = CliRun.of("run", "--resume", exp.toString(), "--no-deploy");
        assertEquals(0, r.exit(), r.err());
        List<Integer> ids = ids(exp);
        // Two kept, two new to reach --max-trials 4; the cut line's trial 3 and the started 4 are not reused.
        assertEquals(4, ids.size(), ids.toString());
        assertEquals(ids.size(), ids.stream().distinct().count(), "unique ids: " + ids);
        assertTrue(ids.subList(2, 4).stream().allMatch(id -> id > 4), "new ids follow every id used: " + ids);
        assertEquals("max_trials", r.summary().get("outcome").asText());
        assertTrue(r.summary().get("wall_s").asDouble() >= 3.0, "the clock goes on from 3 s: " + r.summary());
    }

    @Test
    void noTimeLeftGoesStraightToTheFinish() throws IOException {
        Path exp = finishedRun("spent");
        killedDuringTrialThree(exp, 119.5);
        // Trials run side by side: the two lines kept are the first two to finish, whichever they were.
        List<Integer> kept = ids(exp);
        CliRun r = CliRun.of("run", "--resume", exp.toString(), "--no-deploy");
        assertEquals(0, r.exit(), r.err());
        assertEquals(kept, ids(exp), "no trial is started with the budget used up");
        JsonNode s = r.summary();
        assertEquals("budget_used", s.get("outcome").asText());
        assertTrue(s.hasNonNull("model"), "the model is still refitted and exported: " + s);
        assertTrue(s.get("wall_s").asDouble() >= 119.5, s.toString());
    }

    @Test
    void aSearchThatHadEndedIsNotRunAgain() throws IOException {
        Path exp = finishedRun("ended");
        // Killed during the export: the search had ended with its four trials, a partial model folder is left,
        // and another experiment's export is left too.
        List<String> before = Files.readAllLines(exp.resolve("trials.jsonl"));
        Process gone = new ProcessBuilder("true").start();
        try {
            gone.waitFor();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        Path models = exp.getParent().getParent().resolve("trained_models");
        Path partial = Files.createDirectories(models.resolve("." + exp.getFileName() + ".partial-" + gone.pid()
                + "-42"));
        Files.writeString(partial.resolve("model_metadata.json"), "{\"model_id\"");
        Path others = Files.createDirectories(models.resolve(".20200101-000000-other.partial-" + gone.pid() + "-7"));
        CliRun r = CliRun.of("run", "--resume", exp.toString(), "--no-deploy");
        assertEquals(0, r.exit(), r.err());
        assertEquals(before, Files.readAllLines(exp.resolve("trials.jsonl")), "no trial added");
        JsonNode s = r.summary();
        assertEquals("max_trials", s.get("outcome").asText());
        assertEquals(4, s.get("trials").asInt());
        assertTrue(s.hasNonNull("model"), s.toString());
        assertTrue(Files.readString(exp.resolve("run.log")).contains("search ended (MAX_TRIALS) after 4 trials"));
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(partial), "the killed export's partial folder is removed");
        assertTrue(Files.exists(others), "another experiment's is not");
    }
}
