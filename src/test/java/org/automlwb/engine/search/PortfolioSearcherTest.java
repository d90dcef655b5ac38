package org.automlwb.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.junit.jupiter.api.Test;

class PortfolioSearcherTest {
    private static final SearchSpace SPACE = SearchSpace.of(new IntParam("k", 1, 100, false, ""));

    private static FakeAlgorithm algo(String id, double cost, int configs) {
        List<Config> portfolio = new ArrayList<>();
        for (int i = 1; i <= configs; i++) portfolio.add(Config.of("k", i));
        return new FakeAlgorithm(id, SPACE, portfolio, cost);
    }

    private static List<String> drain(Searcher s) {
        List<String> out = new ArrayList<>();
        for (int id = 1; ; id++) {
            Optional<TrialSpec> spec = s.suggest(id);
            if (spec.isEmpty()) return out;
            assertEquals(id, spec.get().trialId());
            assertEquals("portfolio", spec.get().origin());
            assertEquals(Searchers.trialSeed(7, id), spec.get().seed());
            out.add(spec.get().algorithm() + ":" + spec.get().config().getInt("k", 0));
        }
    }

    @Test
    void cheapestFirstAndEveryFirstConfigBeforeAnySecond() {
        List<FakeAlgorithm> algorithms = List.of(
                algo("forest", 5, 3), algo("linear", 1, 2), algo("bayes", 1, 1), algo("tree", 3, 2),
                new FakeAlgorithm("knn", SPACE, List.of(Config.of("k", 1)), 0.5, false));
        PortfolioSearcher s = new PortfolioSearcher(List.copyOf(algorithms), FakeAlgorithm.SHAPE, 7);
        assertEquals(8, s.remaining());
        assertEquals(List.of("linear:1", "bayes:1", "tree:1", "forest:1", "linear:2", "tree:2", "forest:2",
                "forest:3"), drain(s));
        assertTrue(s.suggest(99).isEmpty(), "stays empty");
    }

    @Test
    void aLeadingAlgorithmsFirstConfigComesRightAfterTheCheapest() {
        FakeAlgorithm boosted = algo("boost", 9, 2);
        org.automlwb.engine.algo.Algorithm leader = new org.automlwb.engine.algo.Algorithm() {
            @Override public String id() { return boosted.id(); }
            @Override public String displayName() { return boosted.displayName(); }
            @Override public boolean supports(org.automlwb.engine.TaskType t) { return true; }
            @Override public org.automlwb.engine.space.SearchSpace space(org.automlwb.engine.TaskType t) {
                return boosted.space(t);
            }
            @Override public List<Config> portfolio(org.automlwb.engine.TaskType t,
                                                    org.automlwb.engine.algo.DataShape d) {
                return boosted.portfolio(t, d);
            }
            @Override public double relativeCost(org.automlwb.engine.algo.DataShape d) { return 9; }
            @Override public org.automlwb.engine.FeatureEncoding encoding() {
                return org.automlwb.engine.FeatureEncoding.ONE_HOT;
            }
            @Override public boolean leadsPortfolio() { return true; }
            @Override public org.automlwb.engine.algo.Learner learner(
                    org.automlwb.engine.TaskType t, Config c, long seed, int threads) {
                throw new UnsupportedOperationException();
            }
        };
        PortfolioSearcher s = new PortfolioSearcher(List.of(algo("linear", 1, 2), leader, algo("tree", 3, 1)),
                FakeAlgorithm.SHAPE, 7);
        assertEquals(List.of("linear:1", "boost:1", "tree:1", "linear:2", "boost:2"), drain(s));
    }

    @Test
    void duplicatesAreSkipped() {
        FakeAlgorithm a = new FakeAlgorithm("a", SPACE, List.of(Config.of("k", 1), Config.of("k", 1),
                Config.of("k", 2)), 1);
        assertEquals(List.of("a:1", "a:2"), drain(new PortfolioSearcher(List.of(a), FakeAlgorithm.SHAPE, 7)));
    }

    @Test
    void anAlgorithmThatKeepsFailingLosesItsRemainingConfigs() {
        PortfolioSearcher s = new PortfolioSearcher(List.of(algo("broken", 1, 6), algo("fine", 2, 6)),
                FakeAlgorithm.SHAPE, 7);
        List<String> order = new ArrayList<>();
        for (int id = 1; id <= 20; id++) {
            Optional<TrialSpec> spec = s.suggest(id);
            if (spec.isEmpty()) break;
            order.add(spec.get().algorithm());
            TrialStatus status = spec.get().algorithm().equals("broken") ? TrialStatus.FAILED : TrialStatus.OK;
            s.onTrialComplete(status == TrialStatus.OK ? Simulation.resultOf(spec.get(), 1.0)
                    : Simulation.withStatus(spec.get(), status));
        }
        assertEquals(3, order.stream().filter("broken"::equals).count(), order::toString);
        assertEquals(6, order.stream().filter("fine"::equals).count(), order::toString);
    }

    @Test
    void trialSeedsDifferByTrialAndRunSeed() {
        assertNotEquals(Searchers.trialSeed(1, 1), Searchers.trialSeed(1, 2));
        assertNotEquals(Searchers.trialSeed(1, 1), Searchers.trialSeed(2, 1));
        assertEquals(Searchers.trialSeed(3, 4), Searchers.trialSeed(3, 4));
    }
}
