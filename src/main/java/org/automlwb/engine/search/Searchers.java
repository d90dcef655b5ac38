package org.automlwb.engine.search;

import java.util.List;
import java.util.Locale;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.Metric;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;

/**
 * Builds the searcher a run asks for by name, and derives trial seeds.
 *
 * <p>Reproducibility: every searcher here suggests the same trials given the same seed and the same sequence
 * of {@code suggest} / {@code onTrialComplete} calls. The orchestrator reports completed trials to the
 * searcher in trial-id order (a result waits until every smaller id has been reported), so that parallel
 * runs with the same seed and trial budget repeat themselves.
 */
public final class Searchers {
    /** The names {@link #create} accepts, the default first. */
    public static final List<String> NAMES = List.of("auto", "tpe", "random", "portfolio");

    /** Keeps the interleaved random searcher's draws apart from TPE's own random start. */
    private static final long RANDOM_SALT = 0x5EA7C4L;

    private Searchers() { }

    /**
     * The searcher called {@code name}:
     * <ul>
     *   <li>{@code auto}: the portfolio (learned, then hand-written defaults), then TPE and random search in
 *       turn (the default; {@link InterleavedSearcher} says why);</li>
     *   <li>{@code tpe}: TPE alone (uniform sampling until each algorithm has a few results);</li>
     *   <li>{@code random}: uniformly random algorithms and configurations, the baseline;</li>
     *   <li>{@code portfolio}: only the portfolio, then the run ends.</li>
     * </ul>
     *
     * @param name       one of {@link #NAMES}, case-insensitive
     * @param algorithms the catalogue; each searcher keeps those that apply to {@code shape}
     * @param shape      the data
     * @param metric     the run's metric (searchers minimise {@code metric.toLoss(score)})
     * @param seed       the run seed
     * @throws BadInputException for an unknown name
     */
    public static Searcher create(String name, List<Algorithm> algorithms, DataShape shape, Metric metric, long seed)
            throws BadInputException {
        String key = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
        LearnedPortfolio learned = key.equals("auto") || key.equals("portfolio") ? LearnedPortfolio.current() : null;
        return switch (key) {
            case "auto" -> ChainedSearcher.of(new PortfolioSearcher(algorithms, shape, seed, learned),
                    InterleavedSearcher.of(new TpeSearcher(algorithms, shape, metric, seed),
                            new RandomSearcher(algorithms, shape, Seeds.mix(seed, RANDOM_SALT))));
            case "tpe" -> new TpeSearcher(algorithms, shape, metric, seed);
            case "random" -> new RandomSearcher(algorithms, shape, seed);
            case "portfolio" -> new PortfolioSearcher(algorithms, shape, seed, learned);
            default -> throw new BadInputException("unknown search strategy '" + name + "'",
                    "use one of " + String.join(", ", NAMES));
        };
    }

    /**
     * Checks a strategy name before anything is written (a run's searcher is built only when its search starts).
     *
     * @throws BadInputException for an unknown name
     */
    public static void check(String name) throws BadInputException {
        String key = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(key)) {
            throw new BadInputException("unknown search strategy '" + name + "'", "use one of " + String.join(", ", NAMES));
        }
    }

    /**
     * The seed of trial {@code trialId} in a run seeded with {@code runSeed}: a fixed, well-mixed function of
     * both, so trials get unrelated seeds and a re-run gives each trial the same one.
     */
    public static long trialSeed(long runSeed, int trialId) {
        return Seeds.mix(runSeed, trialId);
    }
}
