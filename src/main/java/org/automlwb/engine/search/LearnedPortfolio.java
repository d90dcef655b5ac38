package org.automlwb.engine.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.space.ConfigJson;

/**
 * The configurations a run tries first, learned offline from trials on development data sets (see
 * docs/benchmarks.md, "learned portfolio"): an ordered list per task family, greedily chosen so that each
 * entry adds the most to what the earlier ones already reach, across data sets. After them the run goes on
 * with every algorithm's hand-written defaults ({@link org.automlwb.engine.algo.Algorithm#portfolio}), which
 * adapt to the data's size, unless {@link #defaultsAfter} is false (used to evaluate candidates alone).
 *
 * <p>The product ships one in its resources ({@link #bundled}); the system property {@value #PROPERTY} names a
 * file that replaces it, for evaluating candidates and for trying a portfolio before it is shipped.
 *
 * <p>The entries were measured on data of a few tens of thousands of rows: on much larger data (in {@link
 * #boostingRows}, which counts a tree per class and round) they can take minutes where the size-adapted defaults
 * take seconds, so beyond {@code firstUpTo} they follow the defaults instead of leading them.
 *
 * @param entries       the ordered configurations per task family
 * @param defaultsAfter whether the hand-written defaults follow the learned entries
 * @param firstUpTo     boosting rows up to which the learned entries come first (0: always)
 */
public record LearnedPortfolio(Map<Family, List<PortfolioEntry>> entries, boolean defaultsAfter, long firstUpTo) {
    /** The system property naming a portfolio file that replaces the bundled one. */
    public static final String PROPERTY = "automlwb.portfolio";
    private static final String RESOURCE = "learned-portfolio.json";
    private static final int FORMAT = 1;

    /** Task families that share a portfolio: binary and multiclass classifiers take the same values. */
    public enum Family {
        CLASSIFICATION, REGRESSION;

        public static Family of(TaskType task) { return task.isClassification() ? CLASSIFICATION : REGRESSION; }

        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public LearnedPortfolio {
        Map<Family, List<PortfolioEntry>> copy = new EnumMap<>(Family.class);
        entries.forEach((f, list) -> {
            if (!list.isEmpty()) copy.put(f, List.copyOf(list));
        });
        entries = java.util.Collections.unmodifiableMap(copy);
    }

    /** No learned entries: only the hand-written defaults. */
    public static LearnedPortfolio none() { return new LearnedPortfolio(Map.of(), true, 0); }

    /**
     * The rows a gradient-boosting round works through: the training rows, times the classes when there are more
     * than two (one tree per class and round). Fit time grows with it.
     */
    public static long boostingRows(DataShape shape) {
        return (long) shape.rows() * (shape.classes() > 2 ? shape.classes() : 1);
    }

    /** Whether the learned entries come before the defaults on this data. */
    public boolean leads(DataShape shape) { return firstUpTo <= 0 || boostingRows(shape) <= firstUpTo; }

    /** The learned entries for a task, in order (empty when none were learned for its family). */
    public List<PortfolioEntry> entries(TaskType task) {
        return entries.getOrDefault(Family.of(task), List.of());
    }

    /** The same entries without the hand-written defaults after them. */
    public LearnedPortfolio alone() { return new LearnedPortfolio(entries, false, 0); }

    /** The portfolio named by {@value #PROPERTY}, else the bundled one. */
    public static LearnedPortfolio current() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) return bundled();
        try {
            return read(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portfolio named by -D" + PROPERTY + ": " + file, e);
        }
    }

    /** The portfolio shipped with the product, or {@link #none()} when the build has none. */
    public static LearnedPortfolio bundled() {
        try (InputStream in = LearnedPortfolio.class.getResourceAsStream(RESOURCE)) {
            return in == null ? none() : parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled portfolio is unreadable", e);
        }
    }

    /** Reads a portfolio file written by {@link #write}. */
    public static LearnedPortfolio read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(Json.MAPPER.readTree(in));
        }
    }

    private static LearnedPortfolio parse(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) throw new IOException("a portfolio file holds one JSON object");
        Map<Family, List<PortfolioEntry>> out = new EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            List<PortfolioEntry> list = new ArrayList<>();
            for (JsonNode e : root.path(f.key())) {
                if (!e.hasNonNull("algorithm")) throw new IOException("a portfolio entry without an algorithm");
                list.add(new PortfolioEntry(e.get("algorithm").asText(), ConfigJson.read(e.path("config"))));
            }
            out.put(f, list);
        }
        return new LearnedPortfolio(out, root.path("defaults_after").asBoolean(true),
                root.path("first_up_to_boosting_rows").asLong(0));
    }

    /**
     * Writes the portfolio, with a note of where it came from, atomically.
     *
     * @param provenance free-form facts kept beside the entries (data sets, budget, the command that built it)
     */
    public void write(Path file, Map<String, Object> provenance) throws BadInputException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("defaults_after", defaultsAfter);
        root.put("first_up_to_boosting_rows", firstUpTo);
        root.put("provenance", provenance);
        for (Family f : Family.values()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (PortfolioEntry e : entries(f)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("algorithm", e.algorithm());
                m.put("config", e.config().values());
                list.add(m);
            }
            root.put(f.key(), list);
        }
        AtomicFiles.writeString(file, Json.pretty(root));
    }

    private List<PortfolioEntry> entries(Family f) { return entries.getOrDefault(f, List.of()); }
}
