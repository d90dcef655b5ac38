package org.automlwb.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.export.ModelExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One served model: either a single model folder (a trained model, or one version folder), or a model with
 * versions ({@code deployment/model_serving/<model>/v1/, v2/, ...}) whose promoted version is named by the one-line
 * file {@value #CURRENT_FILE} (the highest version when there is none). {@link #refresh()} looks at the folder again
 * and, when a version was deployed, promoted or rolled back, loads the new promoted version first and then swaps
 * one immutable {@link State} in: a request in flight keeps the version it started with, none is dropped or waits.
 */
final class ModelHome {
    /** The file naming the promoted version (written by {@code deploy}, {@code promote}, {@code rollback}). */
    static final String CURRENT_FILE = "current";
    /** The version name of a model served from a trained model folder, which has no versions. */
    static final String TRAINED = "trained";
    private static final Pattern VERSION = Pattern.compile("v(\\d{1,9})");
    private static final Logger LOG = LoggerFactory.getLogger(ModelHome.class);

    /** The shapes a served model's folder can have. */
    enum Layout {
        /** A folder with {@code model_metadata.json}: served as it is, never reloaded. */
        ONE_FOLDER,
        /** A folder of version folders {@code v1/, v2/, ...}: watched for new and promoted versions. */
        VERSIONS
    }

    /**
     * What the model serves now.
     *
     * @param versions the version folders there are, oldest first
     * @param promoted the promoted version's name
     * @param current  the promoted version, loaded
     */
    record State(List<String> versions, String promoted, ServedVersion current) { }

    private final String name;
    private final Path dir;
    private final Layout layout;
    private final ServeSettings settings;
    private final ServerMetrics metrics;
    private final AtomicReference<State> state = new AtomicReference<>();
    private final Map<String, ServedVersion> loaded = new ConcurrentHashMap<>();
    /** A version that failed to load, with the folder's time then, so that it is not retried (and logged) each poll. */
    private final Map<String, Long> failed = new ConcurrentHashMap<>();

    private ModelHome(String name, Path dir, Layout layout, ServeSettings settings, ServerMetrics metrics) {
        this.name = name;
        this.dir = dir;
        this.layout = layout;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Whether a folder holds a model ({@code model_metadata.json}). */
    static boolean isModelFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(ModelExport.METADATA_FILE));
    }

    /** Whether a folder holds at least one version folder with a model. */
    static boolean hasVersions(Path dir) {
        return !versionsIn(dir).isEmpty();
    }

    /**
     * Opens a model folder of either layout and loads its promoted version.
     *
     * @throws BadInputException when the folder is not a model, or its promoted version does not load
     */
    static ModelHome open(Path dir, ServeSettings settings, ServerMetrics metrics) throws BadInputException {
        Path abs = dir.toAbsolutePath().normalize();
        ModelHome home;
        if (isModelFolder(abs)) {
            // A version folder of model_serving/<model>/ is named by its model; a trained model by its own folder.
            boolean version = abs.getParent() != null && VERSION.matcher(abs.getFileName().toString()).matches();
            home = new ModelHome(version ? abs.getParent().getFileName().toString() : abs.getFileName().toString(),
                    abs, Layout.ONE_FOLDER, settings, metrics);
        } else if (hasVersions(abs)) {
            home = new ModelHome(abs.getFileName().toString(), abs, Layout.VERSIONS, settings, metrics);
        } else {
            throw new BadInputException("not a model folder: it has no " + ModelExport.METADATA_FILE
                    + " and no version folders (v1/, v2/, ...)", abs, 0, null,
                    "give models/trained_models/<model>, deployment/model_serving/<model> or one of its versions; "
                            + "several models with --models deployment/model_serving");
        }
        home.refreshOrFail();
        return home;
    }

    String name() { return name; }

    Path dir() { return dir; }

    Layout layout() { return layout; }

    /** What is served now. */
    State state() { return state.get(); }

    /** The promoted version. */
    ServedVersion promoted() { return state.get().current(); }

    /**
     * A version by name, loaded on first use (only the promoted one is loaded up front).
     *
     * @throws ApiError when there is no such version, or it does not load
     */
    ServedVersion version(String v) throws ApiError {
        State s = state.get();
        if (v.equals(s.promoted())) return s.current();
        if (!s.versions().contains(v)) {
            throw new ApiError(ApiError.Kind.NOT_FOUND, "model '" + name + "' has no version '" + v + "'", null, 0,
                    "versions: " + String.join(", ", s.versions()));
        }
        ServedVersion hit = loaded.get(v);
        if (hit != null) return hit;
        synchronized (this) {
            hit = loaded.get(v);
            if (hit != null) return hit;
            try {
                ServedVersion sv = ServedVersion.load(name, v, dir.resolve(v), settings, metrics);
                loaded.put(v, sv);
                metrics.loaded(name, v, false);
                return sv;
            } catch (BadInputException e) {
                LOG.warn("model {} version {} does not load: {}", name, v, e.oneLine());
                throw new ApiError(ApiError.Kind.VERSION_UNAVAILABLE, "version '" + v + "' of model '" + name
                        + "' cannot be loaded: " + e.getMessage(), null, 0, "deploy it again");
            }
        }
    }

    /** Every version loaded so far (to flush their drift windows at shutdown). */
    List<ServedVersion> loadedVersions() { return List.copyOf(loaded.values()); }

    /**
     * Looks at the folder again; loads and swaps in a newly promoted version. A version that does not load is
     * logged and the one served before stays.
     *
     * @return whether what is served changed
     */
    boolean refresh() {
        try {
            return refreshOrFail();
        } catch (BadInputException e) {
            return false; // said by refreshOrFail's log line; the previous state stays
        }
    }

    private synchronized boolean refreshOrFail() throws BadInputException {
        State before = state.get();
        if (layout == Layout.ONE_FOLDER) {
            if (before != null) return false;
            String v = VERSION.matcher(dir.getFileName().toString()).matches() ? dir.getFileName().toString()
                    : TRAINED;
            ServedVersion sv = ServedVersion.load(name, v, dir, settings, metrics);
            loaded.put(v, sv);
            state.set(new State(List.of(v), v, sv));
            metrics.loaded(name, v, true);
            return true;
        }
        List<String> versions = versionsIn(dir);
        if (versions.isEmpty()) {
            if (before == null) throw new BadInputException("no version folders", dir, 0, null, "deploy a model");
            LOG.warn("model {}: its version folders are gone; still serving {}", name, before.promoted());
            return false;
        }
        String promoted = promotedOf(versions);
        if (before != null && before.promoted().equals(promoted) && before.versions().equals(versions)) return false;
        ServedVersion current = before != null && before.promoted().equals(promoted) ? before.current()
                : loaded.get(promoted);
        if (current == null) {
            Path vdir = dir.resolve(promoted);
            long stamp = stamp(vdir);
            Long failedStamp = failed.get(promoted);
            if (before != null && failedStamp != null && failedStamp == stamp) return keepServing(before, versions);
            try {
                current = ServedVersion.load(name, promoted, vdir, settings, metrics);
            } catch (BadInputException e) {
                failed.put(promoted, stamp);
                if (before == null) throw e;
                LOG.warn("model {}: version {} does not load, still serving {}: {}", name, promoted,
                        before.promoted(), e.oneLine());
                return keepServing(before, versions);
            }
            failed.remove(promoted);
            loaded.put(promoted, current);
        }
        state.set(new State(versions, promoted, current));
        for (String v : loaded.keySet()) metrics.loaded(name, v, v.equals(promoted));
        if (before != null && !before.promoted().equals(promoted)) {
            LOG.warn("model {}: now serving {} (was {})", name, promoted, before.promoted());
        }
        return true;
    }

    /** The promoted version stays; the list of versions is brought up to date (a broken one answers 503 by name). */
    private boolean keepServing(State before, List<String> versions) {
        if (before.versions().equals(versions)) return false;
        state.set(new State(versions, before.promoted(), before.current()));
        return true;
    }

    /** The version named by the current file when it names one that is there, else the highest. */
    private String promotedOf(List<String> versions) {
        Path file = dir.resolve(CURRENT_FILE);
        if (Files.isRegularFile(file)) {
            try {
                String named = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (versions.contains(named)) return named;
                LOG.warn("model {}: {} names '{}', which is not a version here; serving the highest", name, file,
                        named);
            } catch (IOException e) {
                LOG.warn("model {}: {} not read ({}); serving the highest version", name, file, e.toString());
            }
        }
        return versions.get(versions.size() - 1);
    }

    /** Version folders that hold a model, by number. */
    static List<String> versionsIn(Path dir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> VERSION.matcher(p.getFileName().toString()).matches() && isModelFolder(p))
                    .map(p -> p.getFileName().toString()).forEach(out::add);
        } catch (IOException e) {
            LOG.warn("{} not listed: {}", dir, e.toString());
        }
        out.sort(Comparator.comparingLong(ModelHome::number));
        return out;
    }

    private static long number(String version) {
        Matcher m = VERSION.matcher(version);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long stamp(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(ModelExport.METADATA_FILE)).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }
}
