package org.automlwb.export.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.Deployment;
import org.automlwb.export.ModelExport;

/** Every served model of a {@code deployment/} folder, with its versions, for {@code deployments}. */
public final class DeploymentList {
    private DeploymentList() { }

    /**
     * One version.
     *
     * @param model      the served model's name
     * @param version    the version folder's name
     * @param current    whether it is the one served (promoted, or the highest when none is)
     * @param promoted   whether the {@code current} file names it
     * @param created    when its model was trained and exported (ISO), or null
     * @param algorithm  its algorithm ({@code ensemble} for an ensemble), or null
     * @param metric     the run's metric key, or null
     * @param validation the validation score, or null
     * @param test       the test score, or null when the run had no test file
     * @param problem    why the version could not be read, or null
     */
    public record Version(String model, String version, boolean current, boolean promoted, String created,
                          String algorithm, String metric, Double validation, Double test, String problem) {
        /** The JSON object {@code deployments --json} prints. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("version", version);
            m.put("current", current);
            m.put("promoted", promoted);
            m.put("created", created);
            m.put("algorithm", algorithm);
            m.put("metric", metric);
            m.put("validation", validation);
            m.put("test", test);
            if (problem != null) m.put("problem", problem);
            return m;
        }
    }

    /** The versions of every model, models by name, versions lowest first. */
    public static List<Version> of(Path deploymentRoot) throws BadInputException {
        Path serving = deploymentRoot.resolve(Deployment.SERVING);
        if (!Files.isDirectory(serving)) return List.of();
        List<Path> models;
        try (Stream<Path> s = Files.list(serving)) {
            models = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list the served models (" + e.getMessage() + ")", serving, 0, null,
                    "check the folder's permissions");
        }
        List<Version> out = new ArrayList<>();
        for (Path m : models) {
            ServingVersions v = new ServingVersions(m);
            String promoted;
            String served;
            String problem = null;
            try {
                promoted = v.promoted().orElse(null);
                served = v.served().orElse(null);
            } catch (BadInputException bad) {
                // A broken current file: list the versions anyway, and say why none is marked.
                promoted = null;
                served = null;
                problem = bad.oneLine();
            }
            for (String version : v.versions()) {
                out.add(read(m.getFileName().toString(), m.resolve(version), version.equals(served),
                        version.equals(promoted), problem));
            }
        }
        return out;
    }

    private static Version read(String model, Path dir, boolean current, boolean promoted, String problem) {
        String version = dir.getFileName().toString();
        try {
            JsonNode meta = Json.MAPPER.readTree(Files.readString(dir.resolve(ModelExport.METADATA_FILE)));
            String metric = text(meta, "metric");
            Double validation = null;
            Double test = null;
            Path metricsFile = dir.resolve(ModelExport.METRICS_FILE);
            if (Files.isRegularFile(metricsFile)) {
                JsonNode ev = Json.MAPPER.readTree(Files.readString(metricsFile));
                if (metric == null) metric = text(ev, "metric");
                if (metric != null) {
                    validation = number(ev.path("validation").path(metric));
                    test = number(ev.path("test").path(metric));
                }
            }
            return new Version(model, version, current, promoted, text(meta, "created"), text(meta, "algorithm"),
                    metric, validation, test, problem);
        } catch (IOException | RuntimeException e) {
            return new Version(model, version, current, promoted, null, null, null, null, null,
                    "cannot read its metadata (" + e.getMessage() + ")");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }
}
