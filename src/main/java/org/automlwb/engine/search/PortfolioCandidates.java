package org.automlwb.engine.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.space.SpaceSampler;
import org.automlwb.engine.trial.TrialSpec;

/**
 * The configurations a learned portfolio is chosen from: every algorithm's hand-written defaults, in the order
 * the run tries them, plus random samples of the spaces of the algorithms that win most often. Each family's
 * candidates are evaluated on every development data set of that family before {@link PortfolioBuilder}
 * chooses among them.
 */
public final class PortfolioCandidates {
    /**
     * A data set of middling size: the hand-written defaults adapt to the data, and the candidates must be
     * fixed values, so they are taken at this size.
     */
    public static DataShape representative(LearnedPortfolio.Family family) {
        return family == LearnedPortfolio.Family.CLASSIFICATION
                ? new DataShape(TaskType.BINARY, 5_000, 20, 2, false)
                : new DataShape(TaskType.REGRESSION, 5_000, 20, 0, false);
    }

    private PortfolioCandidates() { }

    /**
     * The candidates of every family.
     *
     * @param algorithms the catalogue
     * @param samples    how many random configurations to draw per algorithm id (others get none)
     * @param seed       the sampling seed
     * @return the candidates alone, without the defaults after them
     */
    public static LearnedPortfolio of(List<Algorithm> algorithms, Map<String, Integer> samples, long seed) {
        Map<LearnedPortfolio.Family, List<PortfolioEntry>> out = new EnumMap<>(LearnedPortfolio.Family.class);
        for (LearnedPortfolio.Family f : LearnedPortfolio.Family.values()) {
            DataShape shape = representative(f);
            Set<PortfolioEntry> list = new LinkedHashSet<>(defaultsInRunOrder(algorithms, shape));
            Random rng = new Random(seed + f.ordinal());
            for (Algorithm a : algorithms) {
                if (!a.appliesTo(shape)) continue;
                int n = samples.getOrDefault(a.id(), 0);
                for (int i = 0; i < n; i++) {
                    list.add(new PortfolioEntry(a.id(), SpaceSampler.sample(a.space(shape.task()), rng)));
                }
            }
            out.put(f, new ArrayList<>(list));
        }
        return new LearnedPortfolio(out, false, 0);
    }

    /** The hand-written defaults in the order a run without a learned portfolio tries them. */
    public static List<PortfolioEntry> defaultsInRunOrder(List<Algorithm> algorithms, DataShape shape) {
        Searcher s = new PortfolioSearcher(algorithms, shape, 0, LearnedPortfolio.none());
        List<PortfolioEntry> out = new ArrayList<>();
        Optional<TrialSpec> next;
        while ((next = s.suggest(out.size())).isPresent()) {
            out.add(new PortfolioEntry(next.get().algorithm(), next.get().config()));
        }
        return out;
    }
}
