package org.automlwb.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real standalone Spark cluster for tests: one {@code Master} and two {@code Worker}s, each a child JVM, on
 * 127.0.0.1 with free ports, one core and a small memory per worker. Nothing is mocked: drivers connect to
 * {@link #masterUrl()} as they would to a production cluster, and the workers launch real executor JVMs.
 *
 * <p>Layout under {@code target/spark-cluster/}: {@code home/} is the SPARK_HOME the workers need to launch
 * executors ({@code jars/} links every jar of the test class path, Spark's closure and ours; {@code conf/} holds the
 * logback configuration every child JVM reads); {@code app/automlwb-app.jar} holds {@code target/classes} and
 * {@code target/test-classes}, which drivers ship to the executors with {@code spark.jars} as spark-submit would, so
 * our classes load on the executors through Spark's own application class loader, not the system one;
 * {@code logs/} holds the master's and workers' output, and {@code work/worker-N/} each executor's.
 *
 * <p>One cluster is shared by all Spark test classes ({@link #shared()}): starting three JVMs costs seconds on two
 * cores. It is stopped by a shutdown hook, so no JVM outlives the test run even when a test fails. A test that kills
 * a worker leaves the cluster as it found it through {@link #ensureWorkers()}.
 */
public final class SparkCluster implements AutoCloseable {
    /** Workers in the cluster: two, so a run can lose one and go on, and the journal can name two executors. */
    public static final int WORKERS = 2;
    /** Memory each worker offers its executors: room for one 512 MB executor heap and its overhead. */
    public static final String WORKER_MEMORY = "1g";
    /** The executor heap drivers ask for on this cluster (spark.executor.memory). */
    public static final String EXECUTOR_MEMORY = "512m";
    // A bound on start-up, not a timing assertion: three JVMs on two busy cores usually register within 10-20 s.
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private static SparkCluster shared;

    private final Path root;
    private final Path home;
    private final Path appJar;
    private final Path logs;
    private final List<String> jvmClassPath;
    private final int masterPort;
    private final int masterUiPort;
    private final Process master;
    private final Process[] workers = new Process[WORKERS];
    private final Thread shutdownHook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int restarts;

    /**
     * The cluster every Spark test class shares, started on first use with both workers registered; a worker
     * killed by an earlier test has been restarted.
     *
     * @return the running shared cluster
     */
    public static synchronized SparkCluster shared() {
        if (shared == null) shared = start(Path.of("target", "spark-cluster").toAbsolutePath());
        shared.ensureWorkers();
        return shared;
    }

    /**
     * Starts a cluster of its own under {@code root}, waiting until both workers are registered with the master.
     *
     * @param root an empty or reusable folder for the cluster's home, jars and logs
     * @return the running cluster; close it to stop every JVM it started
     */
    public static SparkCluster start(Path root) {
        try {
            return new SparkCluster(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the Spark home under " + root, e);
        }
    }

    private SparkCluster(Path root) throws IOException {
        this.root = root;
        this.home = root.resolve("home");
        this.logs = root.resolve("logs");
        this.jvmClassPath = testClassPath();
        deleteTree(root.resolve("work"));
        Files.createDirectories(logs);
        layOutHome();
        this.appJar = packAppJar(root.resolve("app").resolve("automlwb-app.jar"));
        this.masterPort = freePort();
        this.masterUiPort = freePort();
        this.shutdownHook = new Thread(this::stopAll, "spark-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.master = launch("master", "org.apache.spark.deploy.master.Master",
                List.of("--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                        "--webui-port", Integer.toString(masterUiPort)));
        try {
            for (int i = 0; i < WORKERS; i++) workers[i] = launchWorker(i);
            awaitAliveWorkers(WORKERS);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the URL drivers connect to, {@code spark://127.0.0.1:<port>} */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** @return the jar of {@code target/classes} and {@code target/test-classes} that drivers ship to executors */
    public Path appJar() {
        return appJar;
    }

    /**
     * The Spark settings a driver in this test JVM needs for this cluster, as spark-submit would pass them: the
     * application jar, the executor heap, the driver's address on the loopback interface, no web UI.
     *
     * @return the settings, by Spark key
     */
    public Map<String, String> driverConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.jars", appJar.toString());
        conf.put("spark.executor.memory", EXECUTOR_MEMORY);
        conf.put("spark.driver.host", "127.0.0.1");
        conf.put("spark.driver.bindAddress", "127.0.0.1");
        conf.put("spark.ui.enabled", "false");
        return conf;
    }

    /**
     * Kills worker {@code i} the hard way, as a machine that dies would: SIGKILL to the worker JVM and to every
     * process it started (its executors), collected before the worker goes so none is orphaned.
     *
     * @param i the worker, 0 or 1
     */
    public synchronized void killWorker(int i) {
        Process worker = workers[i];
        if (worker == null) return;
        List<ProcessHandle> tree = new ArrayList<>(worker.descendants().toList());
        tree.add(worker.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(SparkCluster::awaitExit);
    }

    /** @return how many workers the master counts as alive right now */
    public int aliveWorkers() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ALIVE_WORKERS.matcher(response.body());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Restarts any worker that is no longer running and waits until the master counts both as alive again. */
    public synchronized void ensureWorkers() {
        if (!master.isAlive()) throw new IllegalStateException("the Spark master died: see " + logs.resolve("master.log"));
        for (int i = 0; i < WORKERS; i++) {
            if (workers[i] == null || !workers[i].isAlive()) workers[i] = launchWorker(i);
        }
        awaitAliveWorkers(WORKERS);
    }

    /** Stops every JVM this cluster started (workers, their executors, the master) and waits until they are gone. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is this very call, or about to run it
        }
    }

    private synchronized void stopAll() {
        for (int i = 0; i < WORKERS; i++) killWorker(i);
        if (master != null) {
            List<ProcessHandle> tree = new ArrayList<>(master.descendants().toList());
            tree.add(master.toHandle());
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(SparkCluster::awaitExit);
        }
    }

    private Process launchWorker(int i) {
        Path workDir = root.resolve("work").resolve("worker-" + i + "-" + (restarts++));
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return launch("worker-" + i, "org.apache.spark.deploy.worker.Worker",
                List.of("--host", "127.0.0.1", "--port", Integer.toString(freePort()),
                        "--webui-port", Integer.toString(freePort()), "--cores", "1", "--memory", WORKER_MEMORY,
                        "--work-dir", workDir.toString(), masterUrl()));
    }

    private Process launch(String name, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Spark's own Java 17 flags (it starts with -XX:+IgnoreUnrecognizedVMOptions, for the Java 24 ones in it)
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        command.add("-Xmx256m");
        command.add("-Dlogback.configurationFile=" + home.resolve("conf").resolve("logback.xml"));
        command.add("-cp");
        command.add(home.resolve("conf") + java.io.File.pathSeparator + home.resolve("jars") + "/*");
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1"); // else Spark picks eth0's address
        env.put("SPARK_LOCAL_DIRS", root.resolve("tmp").toString());
        env.remove("SPARK_CONF_DIR");
        Path log = logs.resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Spark " + name, e);
        }
    }

    private void awaitAliveWorkers(int expected) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (aliveWorkers() < expected) {
            if (!master.isAlive()) throw new IllegalStateException("the Spark master exited: see " + logs.resolve("master.log"));
            for (int i = 0; i < WORKERS; i++) {
                if (workers[i] != null && !workers[i].isAlive()) {
                    throw new IllegalStateException("Spark worker " + i + " exited: see " + logs.resolve("worker-" + i + ".log"));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Spark workers did not register within " + START_LIMIT + ": see " + logs);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the Spark cluster started", e);
            }
        }
    }

    /** SPARK_HOME: jars/ links the test class path's jars; conf/ has the child JVMs' logging (sent to their files). */
    private void layOutHome() throws IOException {
        Path jars = home.resolve("jars");
        deleteTree(jars);
        Files.createDirectories(jars);
        Set<String> names = new LinkedHashSet<>();
        for (String entry : jvmClassPath) {
            Path p = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(p) || p.getFileName().toString().startsWith("surefire")) continue;
            // two artifacts may share a file name (a classifier-less and a platform jar are named differently, but
            // keep the first of any real clash, as a class path would)
            String name = p.getFileName().toString();
            if (names.add(name)) Files.createSymbolicLink(jars.resolve(name), p.toAbsolutePath());
        }
        Path conf = home.resolve("conf");
        Files.createDirectories(conf);
        // Spark's launcher puts conf/ first on every executor's class path: this logback.xml keeps executors at
        // WARN (logback's default would log Spark at DEBUG into the executors' stdout files).
        Files.writeString(conf.resolve("logback.xml"), """
                <configuration>
                  <statusListener class="ch.qos.logback.core.status.NopStatusListener"/>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.spark.deploy" level="INFO"/>
                  <logger name="org.apache.spark.executor" level="INFO"/>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
    }

    /** Packs the class folders of the test class path (target/classes, target/test-classes) into one jar. */
    private Path packAppJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream zip = new JarOutputStream(out)) {
            Set<String> seen = new LinkedHashSet<>();
            for (String entry : jvmClassPath) {
                Path dir = Path.of(entry);
                if (!Files.isDirectory(dir)) continue;
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        String name = dir.relativize(file).toString().replace('\\', '/');
                        if (!seen.add(name)) return FileVisitResult.CONTINUE;
                        zip.putNextEntry(new JarEntry(name));
                        Files.copy(file, zip);
                        zip.closeEntry();
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
        }
        Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }

    /** The test class path: surefire's own property when it runs us through a manifest-only booter jar. */
    private static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        return List.of(cp.split(java.io.File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // still there after SIGKILL: nothing more this JVM can do about it
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
