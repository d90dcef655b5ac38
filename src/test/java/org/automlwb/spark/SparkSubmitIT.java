package org.automlwb.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.SavedExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop jar under a real SparkSubmit (the test Spark home, master {@code local[2]}), started and followed the
 * way the app does it: trials show up while the driver still runs, the experiment it wrote opens as Results, Stop
 * ends the whole process tree, and a driver that refuses its input is one line.
 */
class SparkSubmitIT {
    /** Keeps Spark on the loopback interface (it picks eth0 otherwise, STACK.md). */
    private static final Map<String, String> ENV = Map.of("SPARK_LOCAL_IP", "127.0.0.1");
    private static final Path IRIS = Path.of("sample-data", "iris.csv").toAbsolutePath();

    private static SubmitRequest request(Path models, RunSpec spec) throws Exception {
        return new SubmitRequest(new SparkSubmitTarget(TestSparkHome.get(), "local[2]"), TestSparkHome.desktopJar(),
                List.of(), IRIS, null, spec, null, null, models, List.of("tribuo"));
    }

    /** Records events, and whether the spark-submit process was still running when each trial arrived. */
    private static final class Follower implements RunListener {
        final List<RunEvent> events = new CopyOnWriteArrayList<>();
        final AtomicBoolean trialArrivedWhileRunning = new AtomicBoolean();
        volatile Runnable onFirstTrial = () -> { };

        @Override
        public void onEvent(RunEvent e) {
            events.add(e);
            if (e instanceof RunEvent.TrialFinished) {
                if (ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive)) {
                    trialArrivedWhileRunning.set(true);
                }
                Runnable r = onFirstTrial;
                onFirstTrial = () -> { };
                r.run();
            }
        }
    }

    @Test
    void aRunThroughSparkSubmitIsFollowedLiveAndOpensAsResults(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        RunSpec spec = RunSpec.defaults("species").withMaxTrials(4).withBudget(null).withThreads(2)
                .withAlgorithms(List.of("linear_sgd", "cart", "xgboost", "naive_bayes"));
        Follower follower = new Follower();

        SparkSubmitRun.Ended ended = new SparkSubmitRun(request(models, spec), ENV).run(new CancelToken(), follower);

        assertEquals(0, ended.exitCode());
        assertFalse(ended.stopped());
        long trials = follower.events.stream().filter(e -> e instanceof RunEvent.TrialFinished).count();
        assertEquals(4, trials, "every trial reached the follower");
        assertTrue(follower.trialArrivedWhileRunning.get(), "trials arrive while spark-submit runs, not at the end");
        RunEvent last = follower.events.get(follower.events.size() - 1);
        assertTrue(last instanceof RunEvent.RunFinished, "the run's end is the last event: " + last);
        ExperimentOutcome outcome = SavedExperiment.read(ended.experimentDir(), models);
        assertEquals(RunSummary.Outcome.MAX_TRIALS, outcome.summary().outcome());
        assertNotNull(outcome.summary().leader());
        // the model files were written with Spark's protobuf runtime (4.x) in front of the jar's (Tribuo's 3.25)
        assertTrue(Files.list(ended.experimentDir()).anyMatch(p -> p.toString().endsWith(".tribuo")));
        assertTrue(Files.readString(ended.experimentDir().resolve("trials.jsonl")).contains("\"executor\""),
                "the journal records which executor ran each trial");
    }

    @Test
    void stopEndsTheProcessTreeAndKeepsWhatFinished(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        // a budget far longer than the test: only Stop ends this run
        RunSpec spec = RunSpec.defaults("species").withBudget(Duration.ofMinutes(10)).withThreads(2)
                .withAlgorithms(List.of("linear_sgd", "cart", "naive_bayes"));
        CancelToken cancel = new CancelToken();
        Follower follower = new Follower();
        follower.onFirstTrial = cancel::cancel;

        SparkSubmitRun.Ended ended = new SparkSubmitRun(request(models, spec), ENV).run(cancel, follower);

        assertTrue(ended.stopped());
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no process of the run outlives Stop");
        assertNotNull(ended.experimentDir(), "the stopped run's experiment folder is found");
        assertFalse(Files.readString(ended.experimentDir().resolve("trials.jsonl")).isBlank(),
                "the trials that finished before Stop are kept");
    }

    @Test
    void aDriverThatRefusesItsInputIsOneLine(@TempDir Path dir) throws Exception {
        RunSpec spec = RunSpec.defaults("no_such_column").withMaxTrials(1).withBudget(null);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new SparkSubmitRun(request(dir.resolve("models"), spec), ENV).run(new CancelToken(), ev -> { }));
        assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(dir.resolve("models/experiments")) && Files.list(dir.resolve("models/experiments"))
                .findAny().isPresent(), "nothing written");
    }

    /** Runs a command line to its end; its exit code, stdout and stderr. */
    private record Ran(int code, String out, String err) { }

    private static Ran run(List<String> cmd, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().putAll(ENV);
        int code = pb.start().waitFor();
        return new Ran(code, Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void underSparkSubmitTheConsoleHasTheProductsLinesNotItsLibrariesChatter(@TempDir Path dir) throws Exception {
        // trials on the driver's own threads: what is checked is the logging, which Spark's log4j 2 decides there
        Ran r = run(List.of(TestSparkHome.get().resolve("bin/spark-submit").toString(), "--master", "local[2]",
                "--class", SubmitRequest.MAIN_CLASS, TestSparkHome.desktopJar().toString(), "run", "--data",
                IRIS.toString(), "--target", "species", "--max-trials", "2", "--algorithms", "lightgbm,cart",
                "--no-ensemble", "--out", dir.resolve("models").toString()), dir);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("task multiclass, metric logloss, 150 rows"), r.err());
        assertFalse(r.err().contains("LGBMBooster") || r.err().contains("INFO CsvLoader"),
                "the libraries logback.xml quiets are quiet under Spark's log4j 2 too:\n" + r.err());
        assertTrue(r.out().strip().startsWith("{\"experiment\""), "stdout is the summary line: " + r.out());
    }

    @Test
    void theDesktopJarWithoutSparkSaysToUseSparkSubmit(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Ran r = run(List.of(java.toString(), "-jar", TestSparkHome.desktopJar().toString(), "run", "--data",
                IRIS.toString(), "--target", "species", "--max-trials", "1", "--out", dir.resolve("models").toString(),
                "--executor", "spark", "--master", "local[2]"), dir);
        assertEquals(2, r.code());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: Spark is not on the classpath: run this command through "
                + "spark-submit (see README)"), lines.get(0));
        assertFalse(Files.exists(dir.resolve("models")), "nothing written");
    }
}
