package org.automlwb.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProcessTree;
import org.automlwb.common.Json;
import org.automlwb.engine.run.RunListener;
import org.automlwb.experiment.RunEventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run started through the user's spark-submit as a child process and followed live: the driver's
 * {@code run --events} lines on stdout become {@link org.automlwb.engine.run.RunEvent}s for the listener as they
 * arrive, so the app's leaderboard fills in as trials finish on the cluster, exactly as for a run in its own JVM.
 * Everything else the process prints (Spark's log on stderr) goes to this program's log.
 *
 * <p>Stop (the cancel token) asks the driver to stop as Ctrl+C would (SIGTERM: it stops searching, its Spark
 * jobs are cancelled, it refits the best model so far and writes the experiment); a driver that has not ended
 * within {@link #STOP_GRACE_MILLIS} is killed with its whole process tree, and a killed driver's SparkContext
 * goes with it, so the cluster frees the application's executors. The tree is killed at once when the waiting
 * thread is interrupted or this JVM exits while the process runs.
 */
public final class SparkSubmitRun {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSubmitRun.class);
    /** How long a stopping driver may take to refit and write before its process tree is killed. */
    static final long STOP_GRACE_MILLIS = 30_000;
    /** How often the wait checks the cancel token: a Stop is acted on within this. */
    private static final long POLL_MILLIS = 100;
    /** How long the readers may take to read what the ended process left in its pipes. */
    private static final long PIPE_DRAIN_MILLIS = 10_000;
    /** Lines of stderr kept to explain a failure. */
    private static final int TAIL_LINES = 50;

    private final SubmitRequest request;
    private final Map<String, String> environment;

    /**
     * @param request     what to run
     * @param environment variables added to the process's environment (e.g. {@code SPARK_LOCAL_IP}); usually empty
     */
    public SparkSubmitRun(SubmitRequest request, Map<String, String> environment) {
        this.request = request;
        this.environment = Map.copyOf(environment);
    }

    /**
     * How the process ended.
     *
     * @param exitCode      the process's exit code
     * @param experimentDir the experiment folder the run wrote (from its summary line, or the folder that appeared
     *                      under the models folder when the summary line never came), or null when none did
     * @param stopped       whether the run was stopped through the cancel token
     * @param killed        whether the process tree had to be killed (the driver outstayed the grace)
     */
    public record Ended(int exitCode, Path experimentDir, boolean stopped, boolean killed) { }

    /**
     * Starts spark-submit, reports the run's events to {@code listener} from a reader thread as they arrive, and
     * waits for the process to end; returns how it ended. Blocks: call it off the UI thread.
     *
     * @throws BadInputException before starting, when the Spark home or master are wrong (one line); after, when
     *                           the process failed before the run wrote an experiment (its one error line, or the
     *                           last line it printed, with where the full output went)
     * @throws InterruptedException when this thread is interrupted (the process tree is killed first)
     */
    public Ended run(CancelToken cancel, RunListener listener) throws BadInputException, InterruptedException {
        request.target().check();
        Path experiments = request.modelsRoot().resolve("experiments");
        Set<String> before = folderNames(experiments);
        List<String> cmd = request.command();
        LOG.info("Starting a Spark run: {}", String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(environment);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            LOG.warn("spark-submit did not start", e);
            throw new BadInputException("could not start " + request.target().sparkSubmit() + " (" + e.getMessage()
                    + ")", "check the Spark home in Settings");
        }
        Output out = new Output();
        Thread stdout = pump(process.getInputStream(), "spark-submit-out", line -> {
            Optional<org.automlwb.engine.run.RunEvent> event = RunEventJson.parse(line);
            if (event.isPresent()) {
                listener.onEvent(event.get());
            } else {
                out.summary(line);
                LOG.info("spark-submit: {}", line);
            }
        });
        Thread stderr = pump(process.getErrorStream(), "spark-submit-err", line -> {
            out.err(line);
            LOG.info("spark-submit: {}", line);
        });
        boolean stopped = false;
        boolean killed = false;
        long stopAt = 0;
        // The app quitting must not leave a driver running on with nobody to follow or stop it.
        Process started = process;
        Thread onExit = new Thread(() -> killTree(started), "spark-submit-kill");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled() && !stopped) {
                    stopped = true;
                    stopAt = System.nanoTime();
                    LOG.info("Stopping the Spark run (pid {})", process.pid());
                    process.destroy(); // SIGTERM: the driver stops as on Ctrl+C and writes what it has
                } else if (stopped && !killed && System.nanoTime() - stopAt > STOP_GRACE_MILLIS * 1_000_000L) {
                    killed = true;
                    LOG.warn("The Spark run did not stop within {} s: killing its process tree",
                            STOP_GRACE_MILLIS / 1000);
                    killTree(process);
                }
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it kills the tree
            }
        }
        // Bounded: a grandchild that inherited the pipes could hold them open after spark-submit itself ended.
        stdout.join(PIPE_DRAIN_MILLIS);
        stderr.join(PIPE_DRAIN_MILLIS);
        int code = process.exitValue();
        Path dir = out.experimentDir().orElseGet(() -> newFolder(experiments, before));
        LOG.info("The Spark run ended with exit code {} ({})", code, dir == null ? "no experiment" : dir);
        if (dir == null && !stopped) {
            String why = out.errorLine().orElse("spark-submit ended with exit code " + code
                    + out.lastLine().map(l -> ": " + l).orElse(""));
            throw new BadInputException(why, "the whole output of spark-submit is in the app's log");
        }
        return new Ended(code, dir, stopped, killed);
    }

    /** Kills the process and every process it started, and waits up to 10 s for it. */
    static void killTree(Process process) {
        ProcessTree.kill(process, Duration.ofSeconds(10));
    }

    private static Thread pump(InputStream in, String name, Consumer<String> onLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    try {
                        onLine.accept(line);
                    } catch (RuntimeException e) {
                        LOG.warn("a line of spark-submit's output could not be handled: {}", line, e);
                    }
                }
            } catch (IOException e) {
                LOG.debug("{} closed", name, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Set<String> folderNames(Path dir) {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(dir)) return names;
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            LOG.debug("cannot list {}", dir, e);
        }
        return names;
    }

    /**
     * The experiment folder that appeared while the process ran: a driver killed before its summary line still
     * wrote its journal there. Folder names start with their creation time, so the last name is the newest.
     */
    private static Path newFolder(Path experiments, Set<String> before) {
        if (!Files.isDirectory(experiments)) return null;
        try (Stream<Path> s = Files.list(experiments)) {
            return s.filter(Files::isDirectory).filter(p -> !before.contains(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
        } catch (IOException e) {
            LOG.debug("cannot list {}", experiments, e);
            return null;
        }
    }

    /** What the reader threads saw besides events: the summary line, the error line, the last lines of stderr. */
    private static final class Output {
        private Path experimentDir;
        private String errorLine;
        private final Deque<String> tail = new ArrayDeque<>();

        synchronized void summary(String line) {
            if (!line.startsWith("{\"")) return;
            try {
                JsonNode n = Json.MAPPER.readTree(line);
                if (n.hasNonNull("experiment") && n.hasNonNull("path")) experimentDir = Path.of(n.get("path").asText());
            } catch (IOException | RuntimeException notTheSummary) {
                // another JSON line: logged by the caller
            }
        }

        synchronized void err(String line) {
            // The command's own one-line messages: "error: ..." (bad input), "internal error: ..." (a bug)
            if (line.startsWith("error: ")) errorLine = line.substring("error: ".length());
            else if (line.startsWith("internal error: ") && errorLine == null) errorLine = line;
            if (!line.isBlank()) {
                tail.addLast(line);
                if (tail.size() > TAIL_LINES) tail.removeFirst();
            }
        }

        synchronized Optional<Path> experimentDir() { return Optional.ofNullable(experimentDir); }

        synchronized Optional<String> errorLine() { return Optional.ofNullable(errorLine); }

        /** The last line of stderr that says something (Spark's exception line rather than a log line's tail). */
        synchronized Optional<String> lastLine() {
            for (var it = tail.descendingIterator(); it.hasNext(); ) {
                String l = it.next();
                if (l.contains("Exception") || l.contains("Error")) return Optional.of(l.strip());
            }
            return Optional.ofNullable(tail.peekLast()).map(String::strip);
        }
    }
}
