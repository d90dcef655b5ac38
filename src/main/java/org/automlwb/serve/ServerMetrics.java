package org.automlwb.serve;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters in the Prometheus text format (version 0.0.4): requests by endpoint and status, errors by
 * code, a latency histogram per endpoint, rows scored per model version, and the last drift window's PSI per
 * feature. Written here (a few dozen lines) rather than with a client library: nothing else needs one. Counters are
 * lock-free adders, so counting never slows a request down.
 */
final class ServerMetrics {
    /** Latency bucket upper bounds in seconds: 1 ms to 10 s, as single-row and 1,000-row requests spread. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentSkipListMap<>();
    private final Map<String, Histogram> latency = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> rows = new ConcurrentSkipListMap<>();
    private final Map<String, Double> psi = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> alerts = new ConcurrentSkipListMap<>();
    private final Map<String, Double> info = new ConcurrentHashMap<>();

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length];
        final DoubleAdder sum = new DoubleAdder();
        final LongAdder count = new LongAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) counts[i] = new LongAdder();
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment();
                    break;
                }
            }
            sum.add(seconds);
            count.increment();
        }
    }

    /** One answered request: its route (the template, so that paths do not multiply series), status, time taken. */
    void request(String endpoint, int status, double seconds) {
        requests.computeIfAbsent(labels("endpoint", endpoint, "status", String.valueOf(status)),
                k -> new LongAdder()).increment();
        latency.computeIfAbsent(labels("endpoint", endpoint), k -> new Histogram()).observe(seconds);
    }

    /** One request answered with an error. */
    void error(String endpoint, String code) {
        errors.computeIfAbsent(labels("endpoint", endpoint, "error", code), k -> new LongAdder()).increment();
    }

    /** Rows scored by a model version. */
    void rows(String model, String version, long n) {
        rows.computeIfAbsent(labels("model", model, "version", version), k -> new LongAdder()).add(n);
    }

    /** The PSI of one feature (or {@code prediction}) over a version's last drift window. */
    void psi(String model, String version, String feature, double value) {
        psi.put(labels("model", model, "version", version, "feature", feature), value);
    }

    /** A drift alert or warning raised for a feature. */
    void alert(String model, String feature, String level) {
        alerts.computeIfAbsent(labels("model", model, "feature", feature, "level", level), k -> new LongAdder())
                .increment();
    }

    /** Which versions are loaded and which one is promoted (1) per model. */
    void loaded(String model, String version, boolean promoted) {
        info.keySet().removeIf(k -> k.startsWith(labels("model", model, "version", version).replace("}", ",")));
        info.put(labels("model", model, "version", version, "promoted", String.valueOf(promoted)), 1.0);
    }

    /** Every series, in the Prometheus text format. */
    String text() {
        StringBuilder sb = new StringBuilder(4096);
        counter(sb, "automlwb_requests_total", "HTTP requests answered, by endpoint and status.", requests);
        counter(sb, "automlwb_request_errors_total", "Requests answered with an error, by endpoint and error code.",
                errors);
        sb.append("# HELP automlwb_request_duration_seconds Time from a request's arrival to its answer.\n")
                .append("# TYPE automlwb_request_duration_seconds histogram\n");
        latency.forEach((labels, h) -> {
            String inner = labels.substring(1, labels.length() - 1);
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.counts[i].sum();
                sb.append("automlwb_request_duration_seconds_bucket{").append(inner).append(",le=\"")
                        .append(number(BUCKETS[i])).append("\"} ").append(cumulative).append('\n');
            }
            sb.append("automlwb_request_duration_seconds_bucket{").append(inner).append(",le=\"+Inf\"} ")
                    .append(h.count.sum()).append('\n');
            sb.append("automlwb_request_duration_seconds_sum").append(labels).append(' ')
                    .append(number(h.sum.sum())).append('\n');
            sb.append("automlwb_request_duration_seconds_count").append(labels).append(' ').append(h.count.sum())
                    .append('\n');
        });
        counter(sb, "automlwb_rows_scored_total", "Rows predicted, by model and version.", rows);
        gauge(sb, "automlwb_drift_psi", "Population stability index of each input column and of the predictions "
                + "over the last drift window of a model version.", psi);
        counter(sb, "automlwb_drift_alerts_total", "Drift warnings and alerts raised, by model and feature.",
                alerts);
        gauge(sb, "automlwb_model_loaded", "Model versions loaded; promoted=true is the one /models/<name>/predict "
                + "serves.", new ConcurrentSkipListMap<>(info));
        return sb.toString();
    }

    private static void counter(StringBuilder sb, String name, String help, Map<String, LongAdder> series) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n");
        series.forEach((labels, v) -> sb.append(name).append(labels).append(' ').append(v.sum()).append('\n'));
    }

    private static void gauge(StringBuilder sb, String name, String help, Map<String, Double> series) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n");
        series.forEach((labels, v) -> sb.append(name).append(labels).append(' ').append(number(v)).append('\n'));
    }

    private static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        return String.format(Locale.ROOT, "%s", v);
    }

    /** {@code {k1="v1",k2="v2"}}, values escaped as the format asks (backslash, quote, newline). */
    static String labels(String... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append(kv[i]).append("=\"")
                    .append(kv[i + 1].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        return sb.append('}').toString();
    }
}
