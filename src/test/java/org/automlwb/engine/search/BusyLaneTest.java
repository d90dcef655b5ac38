package org.automlwb.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import org.automlwb.engine.Metric;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.trial.TrialSpec;
import org.junit.jupiter.api.Test;

/**
 * A free core asks for an algorithm whose one lane is free (LibSVM trains one fit at a time): searchers prefer
 * the others, and fall back to a busy algorithm only when nothing else is left.
 */
class BusyLaneTest {
    private static final SearchSpace SPACE = SearchSpace.of(new IntParam("k", 1, 1000, false, ""));

    private static FakeAlgorithm algo(String id, double cost) {
        return new FakeAlgorithm(id, SPACE, List.of(Config.of("k", 1), Config.of("k", 2)), cost);
    }

    @Test
    void thePortfolioSkipsAheadToAnAlgorithmWhoseLaneIsFree() {
        PortfolioSearcher s = new PortfolioSearcher(List.of(algo("svm", 1), algo("tree", 2)), FakeAlgorithm.SHAPE, 7);
        assertEquals("tree", s.suggest(1, Set.of("svm")).orElseThrow().algorithm());
        assertEquals("svm", s.suggest(2).orElseThrow().algorithm(), "the skipped one is next when its lane frees");
        assertEquals("tree", s.suggest(3, Set.of("svm")).orElseThrow().algorithm());
        TrialSpec last = s.suggest(4, Set.of("svm")).orElseThrow();
        assertEquals("svm", last.algorithm(), "only busy ones left: suggested anyway, to wait for its lane");
    }

    @Test
    void modelBasedAndRandomSearchLeaveBusyAlgorithmsAlone() {
        for (int seed = 0; seed < 20; seed++) {
            TpeSearcher tpe = new TpeSearcher(List.of(algo("svm", 1), algo("tree", 1)), FakeAlgorithm.SHAPE,
                    Metric.RMSE, seed);
            RandomSearcher random = new RandomSearcher(List.of(algo("svm", 1), algo("tree", 1)), FakeAlgorithm.SHAPE,
                    seed);
            for (int id = 1; id <= 10; id++) {
                assertNotEquals("svm", tpe.suggest(id, Set.of("svm")).orElseThrow().algorithm());
                assertNotEquals("svm", random.suggest(id, Set.of("svm")).orElseThrow().algorithm());
            }
        }
    }

    @Test
    void whenEveryAlgorithmIsBusyTheSearchGoesOn() {
        RandomSearcher random = new RandomSearcher(List.of(algo("svm", 1)), FakeAlgorithm.SHAPE, 1);
        assertEquals("svm", random.suggest(1, Set.of("svm")).orElseThrow().algorithm());
    }
}
