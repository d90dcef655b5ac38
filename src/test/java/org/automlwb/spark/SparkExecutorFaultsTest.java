package org.automlwb.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.run.AutoMLRun;
import org.automlwb.engine.run.ExecutorSettings;
import org.automlwb.engine.run.ExecutorSetup;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.RunContext;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.TrialExecutorProvider;
import org.automlwb.engine.search.AshaPruner;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialRunner;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.engine.trial.TrialTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes wrong on Spark: a stopped run, bad or unreachable masters, a cluster that cannot host the run. */
class SparkExecutorFaultsTest {
    private static final Map<String, String> LOCAL_DRIVER = Map.of("spark.ui.enabled", "false",
            "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1");

    @TempDir
    Path dir;

    private String[] run(Path models, String master) {
        return new String[] {"run", "--data", "sample-data/iris.csv", "--target", "species", "--budget", "20s",
                "--executor", "spark", "--master", master, "--out", models.toString()};
    }

    /** Stop (the run's cancel token) ends a running trial's Spark job at once, not when the trial would end. */
    @Test
    void cancellingTheRunStopsItsSparkJobPromptly() throws Exception {
        RunSpec spec = RunSpec.defaults("survived").toBuilder().budget(null).maxTrials(1).threads(2).build();
        PreparedRun p = AutoMLRun.prepare(CsvLoader.load(Path.of("sample-data/titanic-survival.csv")).table(), null,
                spec, null);
        TrialRunner.Settings limits = new TrialRunner.Settings(Duration.ofMinutes(10), 2);
        CancelToken stop = new CancelToken();
        ExecutorSetup setup = new ExecutorSetup(ExecutorSettings.spark("local[2]"),
                RunContext.of("run-cancel", p, limits), new AshaPruner(), stop, 1 << 20);
        LOCAL_DRIVER.forEach(System::setProperty);
        SparkContext sc;
        try (SparkTrialExecutor executor = SparkTrialExecutor.open(setup)) {
            assertEquals(2, executor.cores());
            // LightGBM told to boost fifty million rounds, without early stopping: it would run for hours, whatever
            // the machine, and it looks at its stop signal between rounds, so the cancelled fit ends too instead of
            // computing on in this JVM (a Tribuo forest would, and on a quiet machine one finished within a second).
            TrialSpec slow = new TrialSpec(1, "lightgbm", Config.of("rounds", 50_000_000, "learning_rate", 1e-4),
                    7L, "test");
            CompletableFuture<TrialReport> report = executor.submit(
                    TrialTask.of("run-cancel", slow, System.nanoTime() + Duration.ofMinutes(10).toNanos(), 1));
            sc = SparkContext.getOrCreate();
            awaitTrue(() -> sc.statusTracker().getActiveJobIds().length == 1, "the trial's job started");
            Thread.sleep(1000); // well into its first fit

            long stopped = System.nanoTime();
            stop.cancel();
            TrialReport r = report.get(30, TimeUnit.SECONDS);
            double reportSeconds = (System.nanoTime() - stopped) / 1e9;
            assertEquals(TrialStatus.CANCELLED, r.result().status());
            awaitTrue(() -> sc.statusTracker().getActiveJobIds().length == 0, "Spark's job was cancelled");
            double jobSeconds = (System.nanoTime() - stopped) / 1e9;
            System.out.printf("cancel: trial reported after %.2f s, Spark job gone after %.2f s%n", reportSeconds,
                    jobSeconds);
            assertTrue(report.isDone());
        } finally {
            LOCAL_DRIVER.keySet().forEach(System::clearProperty);
        }
        assertTrue(sc.isStopped(), "the executor stopped the context it created");
    }

    @Test
    void aMasterUrlThatIsNoSparkUrlIsOneLineAndExitTwo() throws Exception {
        Path models = dir.resolve("models");
        SparkRun r = SparkRun.of(Map.of(), run(models, "http://localhost:7077"));
        assertEquals(2, r.exit(), r.err());
        assertOneLine(r, "--master 'http://localhost:7077' is not a Spark master URL");
        assertFalse(Files.exists(models), "nothing written");
    }

    @Test
    void anUnreachableMasterIsOneLineAndExitTwo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path models = dir.resolve("models");
        SparkRun r = SparkRun.of(Map.of(), run(models, "spark://127.0.0.1:" + port));
        assertEquals(2, r.exit(), r.err());
        assertOneLine(r, "the Spark master spark://127.0.0.1:" + port + " is not reachable");
        assertFalse(Files.exists(models), "nothing written");
    }

    /** Executors that ask more memory than any worker has never start: the run says so instead of waiting. */
    @Test
    void aClusterWhereNoExecutorCanStartIsOneLineNamingSparkExecutorMemory() throws Exception {
        SparkCluster cluster = SparkCluster.shared();
        Map<String, String> conf = new java.util.HashMap<>(cluster.driverConf());
        conf.put("spark.executor.memory", "4g"); // each worker offers 1g
        conf.put(SparkTrialExecutor.EXECUTOR_WAIT_KEY, "5");
        Path models = dir.resolve("models");
        SparkRun r = SparkRun.of(conf, run(models, cluster.masterUrl()));
        // The engine connects to the cluster while it is readied, before the experiment folder exists.
        assertEquals(2, r.exit(), r.err());
        assertFalse(Files.exists(models), "nothing written");
        assertTrue(r.err().contains("no Spark executor joined within 5 s on " + cluster.masterUrl()), r.err());
        assertTrue(r.err().contains("spark.executor.memory (4g)"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    /**
     * The desktop jar has no Spark: its provider still loads (ServiceLoader instantiates every listed provider) and
     * says in one line what to do, rather than failing with NoClassDefFoundError.
     */
    @Test
    void withoutSparkOnTheClasspathTheProviderSaysToUseSparkSubmit() throws Exception {
        List<URL> urls = new ArrayList<>();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.contains("/org/apache/spark/") || entry.contains("/org/scala-lang/")) continue;
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader noSpark = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> providerType = noSpark.loadClass(TrialExecutorProvider.class.getName());
            Object found = null;
            for (Object p : ServiceLoader.load(providerType, noSpark)) {
                if (p.getClass().getName().equals(SparkTrialExecutorProvider.class.getName())) found = p;
            }
            assertTrue(found != null, "the provider is listed and loads without Spark");
            Method reason = providerType.getMethod("unavailableReason");
            assertEquals("Spark is not on the classpath: run this command through spark-submit (see README)",
                    reason.invoke(found));
        }
        assertNull(new SparkTrialExecutorProvider().unavailableReason(), "with Spark on the classpath it is available");
    }

    private static void assertOneLine(SparkRun r, String starts) {
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(starts), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, what + " (waited 60 s)");
            Thread.sleep(50);
        }
    }
}
