package org.automlwb.predict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.Predictions;
import org.automlwb.export.Deployment;
import org.automlwb.export.DriftBins;
import org.automlwb.export.MonitoringReference;
import tech.tablesaw.api.Table;

/**
 * Counts new rows into the training bins, chunk by chunk, and summarises the drift of a whole batch: PSI per input
 * column, the predictions' distribution and PSI, and the columns over the thresholds (from the monitoring
 * config). Not thread-safe: a caller that feeds it from several threads (the server) holds a lock around it.
 */
public final class DriftMonitor {
    /** Lines of one log are appended under this lock, so two monitors of one model never interleave a line. */
    private static final Object LOG_LOCK = new Object();

    private final MonitoringReference ref;
    private final List<String> classNames;
    private final long[][] featureCounts;
    private final long[] predictionCounts;
    private long rows;

    /**
     * @param ref        the training bins and thresholds
     * @param classNames the model's classes in probability order; empty for regression
     */
    public DriftMonitor(MonitoringReference ref, List<String> classNames) {
        this.ref = ref;
        this.classNames = List.copyOf(classNames);
        this.featureCounts = new long[ref.features().size()][];
        for (int f = 0; f < featureCounts.length; f++) featureCounts[f] = new long[ref.features().get(f).bins()];
        this.predictionCounts = new long[ref.prediction().bins()];
    }

    /** Adds a chunk of raw rows and their predictions. */
    public void add(Table chunk, Predictions predictions) {
        for (int f = 0; f < featureCounts.length; f++) {
            DriftBins bins = ref.features().get(f);
            if (!chunk.containsColumn(bins.name())) continue;
            if (bins.numeric()) bins.addNumbers(MonitoringReference.numbers(chunk.column(bins.name())), featureCounts[f]);
            else bins.addLabels(MonitoringReference.labels(chunk.column(bins.name())), featureCounts[f]);
        }
        if (predictions.isClassification()) {
            ref.prediction().addLabels(MonitoringReference.predictedLabels(predictions, classNames), predictionCounts);
        } else {
            ref.prediction().addNumbers(predictions.values(), predictionCounts);
        }
        rows += chunk.rowCount();
    }

    /** Rows added so far. */
    public long rows() { return rows; }

    /**
     * The summary line for the log: time, model, data, rows, {@code psi} (feature → PSI), {@code prediction}
     * (PSI and distributions), {@code alerts} (feature, psi, level {@code warn} or {@code alert}).
     *
     * @param data where the rows came from (a file, or a server's endpoint)
     */
    public Map<String, Object> summary(String modelId, String data) {
        Map<String, Object> psi = new LinkedHashMap<>();
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int f = 0; f < featureCounts.length; f++) {
            DriftBins bins = ref.features().get(f);
            double v = bins.psi(featureCounts[f]);
            psi.put(bins.name(), v);
            level(v).ifPresent(l -> alerts.add(Map.of("feature", bins.name(), "psi", v, "level", l)));
        }
        double predictionPsi = ref.prediction().psi(predictionCounts);
        level(predictionPsi).ifPresent(l -> alerts.add(Map.of("feature", "prediction", "psi", predictionPsi,
                "level", l)));
        Map<String, Object> prediction = new LinkedHashMap<>();
        prediction.put("psi", predictionPsi);
        prediction.put("distribution", ref.prediction().distribution(predictionCounts));
        prediction.put("training_distribution", ref.prediction().distribution(expectedCounts()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", OffsetDateTime.now().toString());
        m.put("model_id", modelId);
        m.put("data", data);
        m.put("rows", rows);
        m.put("psi", psi);
        m.put("prediction", prediction);
        m.put("alerts", alerts);
        return m;
    }

    private long[] expectedCounts() {
        // Fractions scaled to integers only to reuse the labelling of bins.
        long[] out = new long[ref.prediction().bins()];
        for (int i = 0; i < out.length; i++) out[i] = Math.round(ref.prediction().expected().get(i) * 1_000_000);
        return out;
    }

    private java.util.Optional<String> level(double psi) {
        if (psi >= ref.alert()) return java.util.Optional.of("alert");
        if (psi >= ref.warn()) return java.util.Optional.of("warn");
        return java.util.Optional.empty();
    }

    /**
     * Appends a summary line to the monitoring folder's log ({@link Deployment#LOG_FILE}).
     *
     * @throws BadInputException when the log cannot be written
     */
    public static void append(Path monitoringDir, Map<String, Object> line) throws BadInputException {
        Path log = monitoringDir.resolve(Deployment.LOG_FILE);
        synchronized (LOG_LOCK) {
            try {
                Files.createDirectories(log.getParent());
                Files.writeString(log, Json.line(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw AtomicFiles.cannotWrite(log, e);
            }
        }
    }
}
