package org.automlwb.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --executor spark} end to end through the command line's code path, on the real test cluster (a
 * standalone master and two workers) and on {@code local[2]}: the journal names the executors, the leaderboard and
 * the export are those of any run, a lost worker costs no finished trial and no budget.
 */
class SparkRunTest {
    private static final String DATA = "sample-data/titanic-survival.csv";

    @TempDir
    Path dir;

    private static String[] run(Path models, String master, String budget) {
        return new String[] {"run", "--data", DATA, "--target", "survived", "--budget", budget, "--seed", "5",
                "--executor", "spark", "--master", master, "--no-deploy", "--out", models.toString()};
    }

    /**
     * One search on the cluster that loses a worker half-way, checked for everything a run on Spark promises: it
     * runs on both workers, goes on with the one left, keeps every trial that had finished, ends within its
     * budget, and exports as any run does. (One run rather than two: each SparkContext starts executor JVMs of its
     * own, about 10 s on two busy cores, and the first trial on each rebuilds the folds.)
     */
    @Test
    void aSearchOnTheClusterLosesAWorkerAndStillFinishesWithinItsBudget() throws Exception {
        SparkCluster cluster = SparkCluster.shared();
        Path models = dir.resolve("models");
        int budgetSeconds = 45;
        CompletableFuture<SparkRun> running = CompletableFuture.supplyAsync(
                () -> SparkRun.of(cluster.driverConf(), run(models, cluster.masterUrl(), budgetSeconds + "s")));

        // Wait (bounded) until both executors have finished trials, then kill worker 0 and its executor.
        Map<Integer, JsonNode> beforeKill = new HashMap<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until && !running.isDone()) {
            List<JsonNode> sofar = journalOf(models);
            if (sofar.stream().map(j -> j.path("executor").asText()).distinct().count() >= 2 && sofar.size() >= 3) {
                cluster.killWorker(0);
                sofar.forEach(j -> beforeKill.put(j.path("trial_id").asInt(), j));
                break;
            }
            Thread.sleep(100);
        }
        SparkRun r = running.get(5, TimeUnit.MINUTES);
        assertEquals(0, r.exit(), r.err());
        assertFalse(beforeKill.isEmpty(), "trials ran on both executors before the kill: " + r.err());
        Path exp = r.experiment();
        List<JsonNode> journal = SparkRun.journal(exp);

        // Both workers ran trials, named in the journal by executor id and host.
        Set<String> executors = journal.stream().map(j -> j.path("executor").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(executors.stream().anyMatch(e -> e.startsWith("executor 0 @ 127.0.0.1")), executors.toString());
        assertTrue(executors.stream().anyMatch(e -> e.startsWith("executor 1 @ 127.0.0.1")), executors.toString());

        // No trial that had finished before the kill is lost or changed, and the run went on after it.
        Map<Integer, JsonNode> after = journal.stream().collect(Collectors.toMap(j -> j.path("trial_id").asInt(), j -> j));
        for (Map.Entry<Integer, JsonNode> e : beforeKill.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), "trial " + e.getKey() + " finished before the kill");
        }
        assertTrue(journal.size() > beforeKill.size(), "the run went on after the kill");

        // The budget holds: no trial ended after the search's deadline plus the watchdog's grace.
        double lastFinished = journal.stream().mapToDouble(j -> j.path("finished_s").asDouble()).max().orElse(0);
        assertTrue(lastFinished <= budgetSeconds + SparkTrialExecutor.DEADLINE_GRACE.toSeconds(),
                "last trial finished at " + lastFinished + " s of a " + budgetSeconds + " s budget");

        // The leaderboard lists every journalled trial, and the export is that of any run.
        assertTrue(journal.stream().anyMatch(j -> j.path("status").asText().equals("OK")));
        Set<Integer> onBoard = new TreeSet<>();
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().build()
                .parse(Files.newBufferedReader(exp.resolve("leaderboard.csv")))) {
            csv.forEach(row -> {
                if (row.get("trial_id").matches("\\d+")) onBoard.add(Integer.parseInt(row.get("trial_id")));
            });
        }
        assertTrue(onBoard.containsAll(after.keySet()), "every trial is on the leaderboard: " + onBoard);
        for (String f : List.of("config.json", "plan.json", "final_model.json", "evaluation_metrics.json", "run.log",
                "report.html")) {
            assertTrue(Files.exists(exp.resolve(f)), f);
        }
        try (Stream<Path> files = Files.list(exp)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("model_artifact_1.")), "the model");
        }
        assertTrue(Files.readString(exp.resolve("plan.json")).contains(cluster.masterUrl()), "plan.json says where");
        assertTrue(r.summary().path("validation").asDouble() > 0.7, r.out());
    }

    @Test
    void localTwoRunsTheSameSearchInThisJvm() throws IOException {
        SparkRun r = SparkRun.of(Map.of("spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1"), run(dir.resolve("models"), "local[2]", "12s"));
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> journal = SparkRun.journal(r.experiment());
        assertFalse(journal.isEmpty());
        assertTrue(journal.stream().allMatch(j -> j.path("executor").asText().startsWith("executor driver @ ")),
                journal.stream().map(j -> j.path("executor").asText()).distinct().toList().toString());
        assertTrue(Files.exists(r.experiment().resolve("final_model.json")));
    }

    /** The journal of the one experiment under {@code models}, as far as it is written (empty before it exists). */
    private static List<JsonNode> journalOf(Path models) throws IOException {
        Path experiments = models.resolve("experiments");
        if (!Files.isDirectory(experiments)) return List.of();
        try (Stream<Path> s = Files.list(experiments)) {
            Path exp = s.findFirst().orElse(null);
            return exp == null ? List.of() : SparkRun.journal(exp);
        } catch (IOException | RuntimeException e) {
            return List.of(); // a line half-written this very moment: read again on the next round
        }
    }
}
