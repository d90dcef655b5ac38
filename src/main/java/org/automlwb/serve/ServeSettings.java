package org.automlwb.serve;

import java.time.Duration;

/**
 * How a model server runs.
 *
 * @param host            the address to listen on (127.0.0.1 = this machine only)
 * @param port            the port (0 = any free port)
 * @param maxBodyBytes    the largest request body accepted; a larger one is answered 400
 * @param poll            how often the model folders are looked at for a new or promoted version
 * @param driftWindowRows rows scored by a version before its drift summary is written to its monitoring log
 */
public record ServeSettings(String host, int port, long maxBodyBytes, Duration poll, int driftWindowRows) {
    /** The largest body unless told otherwise: 10 MB, about 100,000 rows of ten numbers. */
    public static final long DEFAULT_MAX_BODY = 10L * 1024 * 1024;
    /** Rows per drift summary unless told otherwise: PSI over fewer rows is mostly noise. */
    public static final int DEFAULT_DRIFT_WINDOW = 1_000;

    public ServeSettings {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port " + port + " is not 0 to 65535");
        if (maxBodyBytes < 1) throw new IllegalArgumentException("the body limit must be at least 1 byte");
        if (poll.isNegative() || poll.isZero()) throw new IllegalArgumentException("the poll interval must be > 0");
        if (driftWindowRows < 1) throw new IllegalArgumentException("the drift window needs at least one row");
    }

    /** Defaults on the given host and port. */
    public static ServeSettings of(String host, int port) {
        return new ServeSettings(host, port, DEFAULT_MAX_BODY, Duration.ofSeconds(2), DEFAULT_DRIFT_WINDOW);
    }
}
