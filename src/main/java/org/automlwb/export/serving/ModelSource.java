package org.automlwb.export.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.ModelExport;

/**
 * What {@code deploy} and {@code compare} are given as a model: an experiment id, an experiment folder,
 * {@value #LATEST} (the newest experiment in a models folder), or a trained model folder. An experiment stands for
 * the model its run exported ({@code models/trained_models/<experiment-id>/}), exported now when it is not there.
 */
public final class ModelSource {
    /** The newest experiment of a models folder, for scripts that run and then deploy. */
    public static final String LATEST = "latest";

    private ModelSource() { }

    /**
     * The trained model folder that {@code given} stands for.
     *
     * @param given      an experiment id, {@value #LATEST}, or a folder (experiment or trained model)
     * @param modelsRoot the models folder ids are looked up in
     * @throws BadInputException when it is none of these, names no experiment, or the experiment has no model
     */
    public static Path trainedModel(String given, Path modelsRoot) throws BadInputException {
        Path asPath = Path.of(given);
        Path experiment;
        if (LATEST.equals(given)) {
            experiment = latest(modelsRoot);
        } else if (Files.isDirectory(asPath)) {
            if (Files.isRegularFile(asPath.resolve(ModelExport.METADATA_FILE))) return asPath;
            if (!Files.isRegularFile(asPath.resolve("config.json"))) {
                throw new BadInputException("not an experiment or a model folder (no config.json, no "
                        + ModelExport.METADATA_FILE + ")", asPath.toAbsolutePath().normalize(), 0, null,
                        "give a folder under models/experiments/ or models/trained_models/, or an experiment id");
            }
            experiment = asPath;
        } else {
            experiment = modelsRoot.resolve("experiments").resolve(given);
            if (!Files.isRegularFile(experiment.resolve("config.json"))) {
                throw new BadInputException("no experiment '" + given + "' here",
                        modelsRoot.resolve("experiments").toAbsolutePath().normalize(), 0, null,
                        "give an experiment id the experiments command lists, a folder, or --models DIR");
            }
        }
        Path abs = experiment.toAbsolutePath().normalize();
        Path root = abs.getParent().getParent();
        String id = abs.getFileName().toString();
        Optional<Path> exported = exportedBy(root, id);
        return exported.isPresent() ? exported.get() : ModelExport.export(abs, root, id).dir();
    }

    /** The model the run of experiment {@code id} exported, if it is still there. */
    private static Optional<Path> exportedBy(Path modelsRoot, String id) {
        Path dir = modelsRoot.resolve(ModelExport.TRAINED_MODELS).resolve(id);
        Path meta = dir.resolve(ModelExport.METADATA_FILE);
        if (!Files.isRegularFile(meta)) return Optional.empty();
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(meta));
            return id.equals(n.path("experiment").asText()) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // exported again below, under a free name
        }
    }

    /** The newest experiment: ids begin with their start time, so the greatest id. */
    static Path latest(Path modelsRoot) throws BadInputException {
        Path dir = modelsRoot.resolve("experiments");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                Optional<Path> newest = s.filter(p -> Files.isRegularFile(p.resolve("config.json")))
                        .max(Comparator.comparing(p -> p.getFileName().toString()));
                if (newest.isPresent()) return newest.get();
            } catch (IOException e) {
                throw new BadInputException("cannot list the experiments (" + e.getMessage() + ")", dir, 0, null,
                        "check the folder's permissions");
            }
        }
        throw new BadInputException("no experiment here yet", dir.toAbsolutePath().normalize(), 0, null,
                "run writes them (run --data FILE --target COLUMN --out " + modelsRoot + "), or give --models DIR");
    }
}
