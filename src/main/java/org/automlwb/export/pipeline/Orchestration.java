package org.automlwb.export.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.Locale;
import org.automlwb.common.Json;

/**
 * What the Airflow DAG and the Argo workflow share: inside a container, everything lives on one volume mounted at
 * {@value #MOUNT}, laid out as below, and names made safe for each orchestrator.
 * <pre>
 *   /data/incoming/&lt;name&gt;.csv      the new data (a parameter)
 *   /data/test/&lt;test file&gt;         the fixed test data (a parameter)
 *   /data/pipelines/&lt;name&gt;/        this folder: recipe.json, space.json
 *   /data/deployment/                 the deployment/ folder with model_serving/ and model_monitoring/
 *   /data/runs/&lt;name&gt;/&lt;run&gt;/       each retraining's own folder
 * </pre>
 */
final class Orchestration {
    /** Where the data volume is mounted in every step's container. */
    static final String MOUNT = "/data";

    private Orchestration() { }

    static String newData(RetrainPlan p) { return MOUNT + "/incoming/" + p.name() + ".csv"; }

    static String testData(RetrainPlan p) {
        Path f = Path.of(p.testData()).getFileName();
        return MOUNT + "/test/" + (f == null ? "test.csv" : f.toString());
    }

    static String pipelineDir(RetrainPlan p) { return MOUNT + "/pipelines/" + p.name(); }

    static String deployment() { return MOUNT + "/deployment"; }

    static String runs(RetrainPlan p) { return MOUNT + "/runs/" + p.name(); }

    /** A double-quoted string that Python and YAML both read back as {@code s} (JSON's escapes are theirs too). */
    static String quoted(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    /** A Python identifier part: letters, digits and underscores. */
    static String identifier(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return s.isEmpty() ? "model" : s;
    }

    /** A Kubernetes name part: lower-case letters, digits and dashes, starting and ending alphanumeric. */
    static String dnsLabel(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) s = "model";
        return s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
    }
}
