package org.automlwb.engine.python;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Python process that stays up to predict batch after batch ({@code automl_engine.py serve}): one spec line
 * in, one answer line out. A report's permutation importance, a chunked batch prediction or a server predicts
 * many times, and starting an interpreter and importing scikit-learn each time cost seconds per call on this
 * machine. The worker ends when it is closed, and on its own when the JVM goes (its stdin closes), so a killed
 * program leaves no interpreter behind.
 */
final class PredictWorker implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private final PythonProcess process;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    private PredictWorker(PythonRuntime runtime) throws IOException {
        process = PythonProcess.start(runtime.executable(), List.of("serve"), replies::add);
    }

    /** Starts a worker in that Python. */
    static PredictWorker start(PythonRuntime runtime) throws IOException {
        return new PredictWorker(runtime);
    }

    boolean isAlive() { return process.isAlive(); }

    /**
     * Sends one spec and waits for its answer.
     *
     * @throws IOException when the worker ends or does not answer within {@code timeoutMillis}
     */
    synchronized EngineMessage request(String specLine, long timeoutMillis) throws IOException {
        replies.clear();
        process.send(specLine);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (System.nanoTime() < end) {
                String line = replies.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (line != null) {
                    try {
                        EngineMessage m = EngineMessage.parse(line);
                        if (m instanceof EngineMessage.Predicted || m instanceof EngineMessage.Error) return m;
                    } catch (IllegalArgumentException notProtocol) {
                        // a library printing on stdout: not the answer
                    }
                } else if (!process.isAlive() && replies.isEmpty()) {
                    throw new IOException("the Python prediction process ended (details in the log)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Python predicted", e);
        }
        process.stop();
        throw new IOException("Python did not predict within " + timeoutMillis / 1000 + " s");
    }

    /** Ends the worker (and anything it started). */
    @Override
    public void close() {
        process.closeInput();
        process.stop();
    }
}
