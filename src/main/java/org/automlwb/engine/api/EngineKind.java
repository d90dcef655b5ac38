package org.automlwb.engine.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.automlwb.common.BadInputException;

/** The AutoML engines the product knows, by the key a user types ({@code run --engine tribuo,h2o}). */
public enum EngineKind {
    /** Our own search over Tribuo and LightGBM learners, in this JVM. */
    TRIBUO("tribuo", "Tribuo (built in)"),
    /** H2O AutoML 3.44, in the run's JVM. */
    H2O("h2o", "H2O AutoML"),
    /** scikit-learn, in a Python process. */
    SKLEARN("sklearn", "scikit-learn"),
    /** auto-sklearn, in a Python process. */
    AUTO_SKLEARN("auto-sklearn", "auto-sklearn");

    private final String key;
    private final String label;

    EngineKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key on the command line, in {@code plan.json} and before the dot of the engine's algorithm ids. */
    public String key() { return key; }

    /** The name people read, e.g. {@code H2O AutoML}. */
    public String label() { return label; }

    /**
     * The engine of a key.
     *
     * @throws BadInputException naming the known keys when {@code key} is none of them
     */
    public static EngineKind fromKey(String key) throws BadInputException {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (EngineKind e : values()) if (e.key.equals(k)) return e;
        throw new BadInputException("unknown engine '" + key + "'", "use one or more of "
                + Arrays.stream(values()).map(EngineKind::key).collect(Collectors.joining(", "))
                + ", separated by commas");
    }

    /**
     * A comma-separated list of engines, in the order given, each once.
     *
     * @throws BadInputException for an unknown key or an empty list
     */
    public static List<EngineKind> parseList(String keys) throws BadInputException {
        LinkedHashSet<EngineKind> out = new LinkedHashSet<>();
        for (String k : (keys == null ? "" : keys).split(",")) {
            if (!k.isBlank()) out.add(fromKey(k));
        }
        if (out.isEmpty()) throw new BadInputException("no engine named", "use e.g. --engine tribuo or --engine tribuo,h2o");
        return new ArrayList<>(out);
    }

    /** The prefix of this engine's algorithm ids, e.g. {@code h2o.}; empty for Tribuo, whose ids came first. */
    public String algorithmPrefix() { return this == TRIBUO ? "" : key + "."; }

    /** This engine's id for one of its algorithms, e.g. {@code h2o.gbm}. */
    public String algorithmId(String algorithm) {
        return algorithmPrefix() + algorithm.toLowerCase(Locale.ROOT);
    }

    /**
     * The engine that made a model with this algorithm id: the engine whose key and a dot start it, else Tribuo
     * (the ids journalled before there were other engines have no prefix).
     */
    public static EngineKind ofAlgorithm(String algorithmId) {
        String id = algorithmId == null ? "" : algorithmId;
        for (EngineKind e : values()) {
            if (e != TRIBUO && id.startsWith(e.algorithmPrefix())) return e;
        }
        return TRIBUO;
    }
}
