package org.automlwb.export.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.Deployment;
import org.automlwb.export.MonitoringReference;

/**
 * Keeps a model's {@code model_monitoring/<model>/monitoring_config.json} on the served version: drift is the
 * distance of new rows from the data the served model was trained on, so after a promotion or a rollback the
 * training bins come from that version's {@code training_profile.json}. The thresholds (and any other field a
 * person edited) stay as they are.
 */
final class MonitoringFollow {
    private MonitoringFollow() { }

    /**
     * Points the monitoring config of the model served from {@code versions} at {@code version}'s training
     * profile; does nothing when either file is absent (a model exported without its training data).
     */
    static void follow(ServingVersions versions, String version) throws BadInputException {
        Path deploymentRoot = versions.dir().getParent().getParent();
        Path config = deploymentRoot.resolve(Deployment.MONITORING).resolve(versions.name())
                .resolve(Deployment.CONFIG_FILE);
        Path profile = versions.dir().resolve(version).resolve(MonitoringReference.FILE);
        if (!Files.isRegularFile(config) || !Files.isRegularFile(profile)) return;
        try {
            ObjectNode c = (ObjectNode) Json.MAPPER.readTree(Files.readString(config));
            JsonNode p = Json.MAPPER.readTree(Files.readString(profile));
            c.set("features", p.get("features"));
            c.set("prediction", p.get("prediction"));
            c.put("version", version);
            c.put("reference_updated", OffsetDateTime.now().toString());
            AtomicFiles.writeString(config, Json.pretty(c));
        } catch (IOException | ClassCastException e) {
            throw new BadInputException("cannot point the monitoring config at " + version + " ("
                    + e.getMessage() + ")", config, 0, null, "fix or remove the file, then promote again");
        }
    }
}
