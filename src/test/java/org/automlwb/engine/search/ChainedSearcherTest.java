package org.automlwb.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.Metric;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.junit.jupiter.api.Test;

class ChainedSearcherTest {
    private static Searcher create(String name, long seed) throws BadInputException {
        return Searchers.create(name, TpeSearcherTest.ALGORITHMS, FakeAlgorithm.SHAPE, Metric.RMSE, seed);
    }

    @Test
    void autoRunsThePortfolioThenTpeAndRandomSearchInTurn() throws BadInputException {
        List<TrialResult> results = Simulation.run(create("auto", 3), 20, TpeSearcherTest::objective);
        assertEquals(20, results.size());
        List<String> origins = results.stream().map(r -> r.spec().origin()).toList();
        assertEquals(List.of("portfolio", "portfolio", "portfolio"), origins.subList(0, 3));
        assertEquals(List.of("decoy", "target", "slow"),
                results.subList(0, 3).stream().map(r -> r.spec().algorithm()).toList());
        for (int i = 3; i < 20; i++) {
            assertEquals(i % 2 == 1 ? "tpe" : "random", origins.get(i), origins::toString);
        }
    }

    /** Suggests {@code limit} trials, then nothing; remembers what it was told. */
    private static final class Recording implements Searcher {
        final String origin;
        final int limit;
        int asked;
        final List<Integer> completed = new ArrayList<>();

        Recording(String origin, int limit) {
            this.origin = origin;
            this.limit = limit;
        }

        @Override
        public Optional<TrialSpec> suggest(int nextId) {
            asked++;
            return asked > limit ? Optional.empty()
                    : Optional.of(new TrialSpec(nextId, "decoy", Config.of("z", 0.5), 0, origin));
        }

        @Override
        public void onTrialComplete(TrialResult result) { completed.add(result.spec().trialId()); }
    }

    @Test
    void stagesTakeOverInOrderAndAllHearEveryResult() {
        Recording first = new Recording("first", 2);
        Recording second = new Recording("second", 3);
        List<TrialResult> results = Simulation.run(ChainedSearcher.of(first, second), 10, s -> 1.0);
        assertEquals(List.of("first", "first", "second", "second", "second"),
                results.stream().map(r -> r.spec().origin()).toList());
        assertEquals(3, first.asked, "a stage that ran dry is not asked again");
        assertEquals(List.of(1, 2, 3, 4, 5), first.completed);
        assertEquals(List.of(1, 2, 3, 4, 5), second.completed);
    }

    @Test
    void factoryNamesAndDeterminism() throws BadInputException {
        assertInstanceOf(ChainedSearcher.class, create("auto", 1));
        assertInstanceOf(ChainedSearcher.class, create(null, 1));
        assertInstanceOf(TpeSearcher.class, create("TPE", 1));
        assertInstanceOf(RandomSearcher.class, create(" random ", 1));
        assertInstanceOf(PortfolioSearcher.class, create("portfolio", 1));
        BadInputException e = assertThrows(BadInputException.class, () -> create("bayes", 1));
        assertEquals("unknown search strategy 'bayes'. use one of auto, tpe, random, portfolio", e.oneLine());
        for (String name : Searchers.NAMES) {
            List<TrialSpec> one = Simulation.run(create(name, 5), 25, TpeSearcherTest::objective).stream()
                    .map(TrialResult::spec).toList();
            List<TrialSpec> two = Simulation.run(create(name, 5), 25, TpeSearcherTest::objective).stream()
                    .map(TrialResult::spec).toList();
            assertEquals(one, two, name);
        }
    }

    @Test
    void portfolioAloneEnds() throws BadInputException {
        assertEquals(3, Simulation.run(create("portfolio", 1), 50, TpeSearcherTest::objective).size());
    }
}
