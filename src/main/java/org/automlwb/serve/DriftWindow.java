package org.automlwb.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.Predictions;
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

    /** Writes the summary of the rows counted so far, if any (at shutdown). */
    synchronized void flush() {
        if (current != null && current.rows() > 0) flushLocked();
    }

    @SuppressWarnings("unchecked")
    private void flushLocked() {
        Map<String, Object> line = current.summary(modelId, "serve " + model + "/" + version);
        current = null;
        line.put("version", version);
        try {
            DriftMonitor.append(monitoringDir, line);
        } catch (BadInputException e) {
            // The server keeps answering: a full disk must not turn predictions into errors.
            LOG.warn("drift summary of {} {} not written: {}", model, version, e.oneLine());
        }
        ((Map<String, Object>) line.get("psi")).forEach((feature, v) ->
                metrics.psi(model, version, feature, ((Number) v).doubleValue()));
        Object predictionPsi = ((Map<String, Object>) line.get("prediction")).get("psi");
        metrics.psi(model, version, "prediction", ((Number) predictionPsi).doubleValue());
        for (Map<String, Object> a : (List<Map<String, Object>>) line.get("alerts")) {
            metrics.alert(model, String.valueOf(a.get("feature")), String.valueOf(a.get("level")));
            LOG.warn("drift {}: model {} version {}: '{}' PSI {} over the last {} rows (log: {})", a.get("level"),
                    model, version, a.get("feature"), String.format(java.util.Locale.ROOT, "%.3f",
                            ((Number) a.get("psi")).doubleValue()), line.get("rows"), monitoringDir);
        }
    }
}
