package org.automlwb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.Deployment;
import org.automlwb.predict.Predictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded model version, immutable: a request that got it finishes on it even when another version is promoted
 * meanwhile (the swap replaces the reference, never the object).
 *
 * @param model     the model's name in URLs
 * @param version   the version's name ({@code v3}), or {@link ModelHome#TRAINED} for a trained model folder
 * @param dir       the folder it was loaded from
 * @param predictor predicts its rows
 * @param drift     its drift monitor, or null when the model has no monitoring folder
 * @param metrics   {@code evaluation_metrics.json} of the folder, or null
 */
record ServedVersion(String model, String version, Path dir, Predictor predictor, DriftWindow drift,
                     JsonNode metrics) {
    private static final Logger LOG = LoggerFactory.getLogger(ServedVersion.class);
    /** The file of validation and test metrics in a trained model folder. */
    static final String METRICS_FILE = "evaluation_metrics.json";

    /**
     * Loads a version folder.
     *
     * @throws BadInputException when it is not a model or its files are broken
     */
    static ServedVersion load(String model, String version, Path dir, ServeSettings settings, ServerMetrics m)
            throws BadInputException {
        Predictor p = Predictor.load(dir);
        DriftWindow drift = null;
        Path monitoring = p.monitoringFolder();
        if (monitoring != null) {
            try {
                drift = new DriftWindow(Deployment.readConfig(monitoring), p.classNames(), monitoring,
                        p.loaded().metadata().modelId(), model, version, settings.driftWindowRows(), m);
            } catch (BadInputException e) {
                // Served without drift monitoring rather than not at all; said once, at load.
                LOG.warn("{} {}: no drift monitoring: {}", model, version, e.oneLine());
            }
        }
        JsonNode metrics = null;
        Path metricsFile = dir.resolve(METRICS_FILE);
        if (Files.isRegularFile(metricsFile)) {
            try {
                metrics = Json.MAPPER.readTree(Files.readString(metricsFile));
            } catch (java.io.IOException e) {
                LOG.warn("{} {}: {} not read ({})", model, version, metricsFile, e.toString());
            }
        }
        return new ServedVersion(model, version, dir, p, drift, metrics);
    }
}
