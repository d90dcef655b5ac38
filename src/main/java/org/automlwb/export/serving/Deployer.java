package org.automlwb.export.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.automlwb.common.BadInputException;
import org.automlwb.export.Deployment;
import org.automlwb.export.ModelLoader;

/**
 * {@code deploy}: a trained model as the next version of a served model, refused when its inputs differ from the
 * served version's ({@link InputSchema#differencesFrom}), and promoted when asked.
 */
public final class Deployer {
    private Deployer() { }

    /**
     * What to deploy.
     *
     * @param trainedModel       the trained model folder ({@link ModelSource})
     * @param deploymentRoot     the {@code deployment/} folder
     * @param name               the served model's name, or null for the model's id
     * @param promote            make the new version the current one
     * @param allowSchemaChange  deploy even when the input columns differ from the served version's
     */
    public record Request(Path trainedModel, Path deploymentRoot, String name, boolean promote,
                          boolean allowSchemaChange) { }

    /**
     * Where it went.
     *
     * @param name       the served model's name
     * @param version    the new version's folder name
     * @param dir        the new version's folder
     * @param monitoring the model's monitoring folder, or null
     * @param promoted   whether it is now the current version
     * @param previous   the version served before, or null
     */
    public record Result(String name, String version, Path dir, Path monitoring, boolean promoted, String previous) { }

    /** Deploys (and promotes); nothing is written when the schema check refuses. */
    public static Result deploy(Request r) throws BadInputException {
        ModelLoader.LoadedModel loaded = ModelLoader.load(r.trainedModel());
        String name = org.automlwb.export.SafeNames.of(r.name() != null ? r.name() : loaded.metadata().modelId(),
                "model");
        ServingVersions versions = ServingVersions.of(r.deploymentRoot(), name);
        Optional<String> served = versions.served();
        if (served.isPresent() && !r.allowSchemaChange()) {
            InputSchema now = schemaOf(versions.dir().resolve(served.get()));
            InputSchema next = InputSchema.of(loaded);
            List<String> diff = next.differencesFrom(now);
            if (!diff.isEmpty()) throw new SchemaChangedException(versions.dir(), served.get(), now, next, diff);
        }
        Deployment.Deployed d = Deployment.deploy(r.trainedModel(), r.deploymentRoot(), name);
        String version = d.serving().getFileName().toString();
        String previous = served.orElse(null);
        if (r.promote()) versions.promote(version);
        return new Result(name, version, d.serving(), d.monitoring(), r.promote(), previous);
    }

    /** A version's schema: its file, or worked out from the model for versions deployed before the file existed. */
    static InputSchema schemaOf(Path versionDir) throws BadInputException {
        if (Files.isRegularFile(versionDir.resolve(InputSchema.FILE))) return InputSchema.read(versionDir);
        return InputSchema.of(ModelLoader.load(versionDir));
    }
}
