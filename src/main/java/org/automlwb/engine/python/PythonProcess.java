package org.automlwb.engine.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.automlwb.common.CancelToken;
import org.automlwb.logging.ConsoleLogFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the engine script in a child process. Its stdout lines (the protocol) go to a consumer on a reader
 * thread, its stderr lines to the log (a run's {@code run.log} captures them), and {@link #stop} ends it together
 * with every process it started (joblib's workers, OpenMP helpers), so nothing is left running after a cancel, a
 * budget overrun or an error on the Java side.
 */
final class PythonProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PythonProcess.class);
    /** How long a stopped process gets to exit on SIGTERM before it is killed. */
    private static final long GRACE_MILLIS = 2_000;
    /** How often a wait looks at the cancel token. */
    private static final long POLL_MILLIS = 100;

    private final Process process;
    private final Thread stdout;
    private final Thread stderr;
    private final String label;

    private PythonProcess(Process process, Thread stdout, Thread stderr, String label) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.label = label;
    }

    /**
     * Starts {@code python automl_engine.py args...}.
     *
     * <p>OpenMP and BLAS get one thread each: the script spreads its work over the run's cores itself (a fold per
     * thread), and OpenMP's spinning threads on a busy machine slowed a histogram gradient boosting fit 25 times.
     *
     * @param lines receives each stdout line, on a reader thread, in order
     * @throws IOException when the interpreter cannot be started
     */
    static PythonProcess start(String python, List<String> args, Consumer<String> lines)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(python);
        command.add(EngineScript.path().toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) env.put(v, "1");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONIOENCODING", "utf-8");
        String label = "python " + (args.isEmpty() ? "" : args.get(0));
        Process p = pb.start();
        LOG.info("{} started (pid {}): {}", label, p.pid(), String.join(" ", command));
        Thread out = reader(p, true, lines, label);
        // WARN so that a run's run.log captures it, marked so that the console does not repeat it
        Thread err = reader(p, false, line -> LOG.warn(ConsoleLogFilter.DETAILS_ONLY, "{}: {}", label, line), label);
        return new PythonProcess(p, out, err, label);
    }

    private static Thread reader(Process p, boolean stdout, Consumer<String> sink, String label) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    stdout ? p.getInputStream() : p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    try {
                        sink.accept(line);
                    } catch (RuntimeException e) {
                        // one bad line must not stop the reading: the process would block on a full pipe
                        LOG.warn("{}: a line could not be handled ({}): {}", label, e.getMessage(), line, e);
                    }
                }
            } catch (IOException e) {
                LOG.debug("{}: reading {} ended: {}", label, stdout ? "stdout" : "stderr", e.getMessage());
            }
        }, label + (stdout ? " stdout" : " stderr"));
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Writes one line to the child's stdin. */
    void send(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // the child has ended: its exit code and stderr say why
            LOG.info("{}: could not send '{}' ({})", label, line, e.getMessage());
        }
    }

    /** Closes the child's stdin: a read there sees the end of input. */
    void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("{}: closing stdin: {}", label, e.getMessage());
        }
    }

    /**
     * Waits until the child exits, the cancel token is set, or {@code deadlineNanos} passes; the child is left
     * running in the last two cases (the caller stops it).
     *
     * @return whether the child exited
     */
    boolean waitFor(CancelToken cancel, long deadlineNanos) throws InterruptedException {
        while (!cancel.isCancelled()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return false;
            if (process.waitFor(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1),
                    TimeUnit.MILLISECONDS)) {
                drain();
                return true;
            }
        }
        return false;
    }

    /** Waits for the reader threads to pass on the last lines of an exited child. */
    private void drain() throws InterruptedException {
        stdout.join(GRACE_MILLIS);
        stderr.join(GRACE_MILLIS);
    }

    /** The exit code of an exited child. */
    int exitCode() { return process.exitValue(); }

    boolean isAlive() { return process.isAlive(); }

    long pid() { return process.pid(); }

    /**
     * Stops the child and every process under it: asked politely first, killed after a grace period. The
     * descendants are listed before the child ends, since an orphan is no longer found under it.
     */
    void stop() {
        if (!process.isAlive()) return;
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle h : all) {
            try {
                long left = Math.max(1, until - System.nanoTime());
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not end after it was killed", label, process.pid());
            }
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("{} (pid {}) stopped", label, process.pid());
    }

    @Override
    public void close() {
        stop();
    }

    /** Runs a short command to its end and gives its stdout lines (the check and predict commands). */
    static Finished runToEnd(String python, List<String> args, long timeoutMillis) throws IOException {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        try (PythonProcess p = start(python, args, lines::add)) {
            p.closeInput();
            boolean ended = p.waitFor(CancelToken.none(),
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
            if (!ended) throw new IOException(p.label + " did not finish within " + timeoutMillis / 1000 + " s");
            return new Finished(p.exitCode(), List.copyOf(lines));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Python", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * A child that ran to its end.
     *
     * @param exitCode its exit code
     * @param lines    its stdout lines
     */
    record Finished(int exitCode, List<String> lines) { }
}
