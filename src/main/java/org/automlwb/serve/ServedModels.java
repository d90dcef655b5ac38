package org.automlwb.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model a server serves, by name: the folders given one by one ({@code --model}) and every model folder
 * inside the folders given as roots ({@code --models deployment/model_serving}), where a model deployed later is
 * picked up by {@link #refresh()} too.
 */
final class ServedModels {
    private static final Logger LOG = LoggerFactory.getLogger(ServedModels.class);

    private final Map<String, ModelHome> homes = new ConcurrentSkipListMap<>();
    /** Folders in a root that did not open: said once, not again at every poll. */
    private final java.util.Set<Path> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Path> roots;
    private final ServeSettings settings;
    private final ServerMetrics metrics;

    private ServedModels(List<Path> roots, ServeSettings settings, ServerMetrics metrics) {
        this.roots = List.copyOf(roots);
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Opens the models and loads each one's promoted version.
     *
     * @param models folders of one model each (either layout of {@link ModelHome})
     * @param roots  folders of models
     * @throws BadInputException when a folder is not a model (or a root holds none), or two models share a name
     */
    static ServedModels open(List<Path> models, List<Path> roots, ServeSettings settings, ServerMetrics metrics)
            throws BadInputException {
        if (models.isEmpty() && roots.isEmpty()) {
            throw new BadInputException("no model to serve", "give --model DIR or --models DIR");
        }
        ServedModels s = new ServedModels(roots, settings, metrics);
        for (Path m : models) s.add(ModelHome.open(m, settings, metrics));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new BadInputException("no such folder", root, 0, null, "give deployment/model_serving");
            }
            List<Path> found = modelsIn(root);
            if (found.isEmpty()) {
                throw new BadInputException("no models in this folder: none of its folders has "
                        + "model_metadata.json or version folders (v1/, v2/, ...)", root, 0, null,
                        "give deployment/model_serving, or one model with --model");
            }
            for (Path m : found) s.add(ModelHome.open(m, settings, metrics));
        }
        return s;
    }

    private void add(ModelHome home) throws BadInputException {
        ModelHome before = homes.putIfAbsent(home.name(), home);
        if (before != null && !before.dir().equals(home.dir())) {
            throw new BadInputException("two models are named '" + home.name() + "': " + before.dir() + " and "
                    + home.dir(), home.dir(), 0, null, "serve one of them, or rename a folder");
        }
    }

    /** Every served model, by name. */
    Collection<ModelHome> all() { return homes.values(); }

    /**
     * A model by name.
     *
     * @throws ApiError when none has it
     */
    ModelHome get(String name) throws ApiError {
        ModelHome h = homes.get(name);
        if (h == null) {
            throw new ApiError(ApiError.Kind.NOT_FOUND, "no model named '" + name + "'", null, 0,
                    "models: " + String.join(", ", homes.keySet()));
        }
        return h;
    }

    /**
     * The model {@code /predict} and {@code /model} mean: the only one served.
     *
     * @throws ApiError when several are served
     */
    ModelHome only() throws ApiError {
        if (homes.size() == 1) return homes.values().iterator().next();
        throw new ApiError(ApiError.Kind.NOT_FOUND, "several models are served; name one", null, 0,
                "use /models/<name>/predict with a name of: " + String.join(", ", homes.keySet()));
    }

    /** Looks at every folder again: new or promoted versions, and models deployed into a root since. */
    void refresh() {
        for (ModelHome h : homes.values()) {
            if (h.layout() == ModelHome.Layout.VERSIONS) h.refresh();
        }
        for (Path root : roots) {
            for (Path m : modelsIn(root)) {
                Path abs = m.toAbsolutePath().normalize();
                if (refused.contains(abs) || homes.values().stream().anyMatch(h -> h.dir().equals(abs))) continue;
                try {
                    add(ModelHome.open(m, settings, metrics));
                    LOG.warn("new model served: {}", abs);
                } catch (BadInputException e) {
                    refused.add(abs);
                    LOG.warn("{} is not served: {}", abs, e.oneLine());
                }
            }
        }
    }

    /** The folders of a root that hold a model of either layout, by name. */
    private static List<Path> modelsIn(Path root) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).filter(p -> ModelHome.isModelFolder(p) || ModelHome.hasVersions(p))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            LOG.warn("{} not listed: {}", root, e.toString());
        }
        return out;
    }
}
