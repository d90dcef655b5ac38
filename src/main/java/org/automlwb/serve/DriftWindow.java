package org.automlwb.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.Predictions;
import org.automlwb.export.Deployment;
import org.automlwb.export.MonitoringReference;
import org.automlwb.predict.DriftMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The drift monitor of one served model version: every scored batch is counted into the training bins (the same
 * {@link DriftMonitor} and PSI as {@code predict}), and once a window of rows is full its summary is appended to the
 * model's monitoring log ({@code deployment/model_monitoring/<model>/logs/predictions.jsonl}), its PSI per feature
 * goes to {@code /metrics}, and a feature over the config's thresholds is logged as a warning. A window rather than
 * a line per request, since the PSI of a single row says nothing and a busy server would flood the log.
 */
final class DriftWindow {
    private static final Logger LOG = LoggerFactory.getLogger(DriftWindow.class);

    private final MonitoringReference reference;
    private final List<String> classNames;
    private final Path monitoringDir;
    private final String modelId;
    private final String model;
    private final String version;
    private final int windowRows;
    private final ServerMetrics metrics;
    private DriftMonitor current; // guarded by this

    DriftWindow(MonitoringReference reference, List<String> classNames, Path monitoringDir, String modelId,
                String model, String version, int windowRows, ServerMetrics metrics) {
        this.reference = reference;
        this.classNames = List.copyOf(classNames);
        this.monitoringDir = monitoringDir;
        this.modelId = modelId;
        this.model = model;
        this.version = version;
        this.windowRows = windowRows;
        this.metrics = metrics;
    }

    /** The monitoring folder the summaries go to. */
    Path monitoringDir() { return monitoringDir; }

    /** Counts a scored batch; writes the summary when the window is full. */
    synchronized void add(Table rows, Predictions predictions) {
        if (current == null) current = new DriftMonitor(reference, classNames);
        current.add(rows, predictions);
        if (current.rows() >= windowRows) flushLocked();
    }

    /**
     * Writes the summary of the rows counted so far, if any (at shutdown), marked {@code partial}: it goes to the
     * monitoring log for the record, but raises no alert, since the PSI of a few rows is mostly noise.
     */
    synchronized void flush() {
        if (current != null && current.rows() > 0) flushLocked();
    }

    @SuppressWarnings("unchecked")
    private void flushLocked() {
        boolean partial = current.rows() < windowRows;
        Map<String, Object> line = current.summary(modelId, "serve " + model + "/" + version);
        current = null;
        line.put("version", version);
        if (partial) line.put("partial", true);
        try {
            DriftMonitor.append(monitoringDir, line);
        } catch (BadInputException e) {
            // The server keeps answering: a full disk must not turn predictions into errors.
            LOG.warn("drift summary of {} {} not written: {}", model, version, e.oneLine());
        }
        if (partial) return;
        ((Map<String, Object>) line.get("psi")).forEach((feature, v) ->
                metrics.psi(model, version, feature, ((Number) v).doubleValue()));
        Object predictionPsi = ((Map<String, Object>) line.get("prediction")).get("psi");
        metrics.psi(model, version, "prediction", ((Number) predictionPsi).doubleValue());
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) line.get("alerts");
        if (alerts.isEmpty()) return;
        StringBuilder what = new StringBuilder();
        boolean alert = false;
        for (Map<String, Object> a : alerts) {
            metrics.alert(model, String.valueOf(a.get("feature")), String.valueOf(a.get("level")));
            alert |= "alert".equals(a.get("level"));
            if (what.length() > 0) what.append(", ");
            what.append(a.get("feature")).append(String.format(Locale.ROOT, " %.3f", ((Number) a.get("psi"))
                    .doubleValue())).append(" (").append(a.get("level")).append(')');
        }
        // One line per window, whatever the number of features: the log is read by people.
        LOG.warn("drift {}: model {} version {}, PSI over the last {} rows: {} (log: {})", alert ? "alert"
                : "warning", model, version, line.get("rows"), what, monitoringDir.resolve(Deployment.LOG_FILE));
    }
}
