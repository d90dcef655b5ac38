package org.automlwb.spark;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The forms of Spark master URL that spark-submit accepts ({@code spark://host:port}, several masters for
 * standby failover, {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}, {@code yarn},
 * {@code k8s://https://host:port}), checked before a process is started so that a typo is one line in Settings
 * instead of a Scala stack trace from the driver. Checks the form only: whether the master answers is
 * spark-submit's to find out.
 */
public final class SparkMasterUrl {
    private static final String HOST_PORT = "[A-Za-z0-9._-]+:\\d{1,5}";
    private static final Pattern STANDALONE = Pattern.compile("spark://" + HOST_PORT + "(," + HOST_PORT + ")*");
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?\\])?");
    private static final Pattern K8S = Pattern.compile("k8s://(https?://)?" + HOST_PORT + "/?");

    private SparkMasterUrl() { }

    /**
     * Why {@code url} is not a Spark master URL, in one line with an example of the right form; empty when it is
     * one.
     */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("no Spark master URL: give one, e.g. spark://host:7077 or local[2]");
        }
        String u = url.strip();
        if (STANDALONE.matcher(u).matches() || LOCAL.matcher(u).matches() || K8S.matcher(u).matches()
                || u.equals("yarn")) {
            return Optional.empty();
        }
        if (u.startsWith("spark://")) {
            return Optional.of("'" + u + "' is not a Spark master URL: a standalone master is spark://host:port, "
                    + "e.g. spark://" + "master.example.com:7077");
        }
        if (u.startsWith("local")) {
            return Optional.of("'" + u + "' is not a Spark master URL: use local, local[N] (N cores) or local[*]");
        }
        return Optional.of("'" + u + "' is not a Spark master URL: use spark://host:7077, local[N], yarn or "
                + "k8s://https://host:port");
    }
}
