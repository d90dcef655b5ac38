package org.automlwb.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.AlgorithmCatalogue;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.trial.TrialSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnedPortfolioTest {
    private static final SearchSpace SPACE = SearchSpace.of(new IntParam("k", 1, 10, false, ""));

    private static List<String> drain(Searcher s) {
        List<String> out = new ArrayList<>();
        Optional<TrialSpec> spec;
        while ((spec = s.suggest(out.size() + 1)).isPresent()) {
            out.add(spec.get().algorithm() + ":" + spec.get().config().getInt("k", 0));
        }
        return out;
    }

    private static LearnedPortfolio learned(boolean defaultsAfter, PortfolioEntry... entries) {
        return new LearnedPortfolio(Map.of(LearnedPortfolio.Family.REGRESSION, List.of(entries)), defaultsAfter, 0);
    }

    @Test
    void theCheapestDefaultThenTheLearnedEntriesThenTheOtherDefaultsWithoutRepeats() {
        FakeAlgorithm a = new FakeAlgorithm("a", SPACE, List.of(Config.of("k", 1), Config.of("k", 2)), 1);
        FakeAlgorithm b = new FakeAlgorithm("b", SPACE, List.of(Config.of("k", 1)), 2);
        LearnedPortfolio p = learned(true, new PortfolioEntry("b", Config.of("k", 7)),
                new PortfolioEntry("a", Config.of("k", 2)), new PortfolioEntry("gone", Config.of("k", 3)));
        assertEquals(List.of("a:1", "b:7", "a:2", "b:1"),
                drain(new PortfolioSearcher(List.of(a, b), FakeAlgorithm.SHAPE, 7, p)));
    }

    @Test
    void onDataFarLargerThanTheDevelopmentSetsTheLearnedEntriesFollowTheDefaults() {
        FakeAlgorithm a = new FakeAlgorithm("a", SPACE, List.of(Config.of("k", 1), Config.of("k", 2)), 1);
        LearnedPortfolio p = new LearnedPortfolio(Map.of(LearnedPortfolio.Family.REGRESSION,
                List.of(new PortfolioEntry("a", Config.of("k", 7)))), true, 999);
        // FakeAlgorithm.SHAPE has 1,000 rows: one more than the portfolio leads on.
        assertEquals(List.of("a:1", "a:2", "a:7"), drain(new PortfolioSearcher(List.of(a), FakeAlgorithm.SHAPE, 7, p)));
        assertEquals(1_000L * 23, LearnedPortfolio.boostingRows(
                new org.automlwb.engine.algo.DataShape(TaskType.MULTICLASS, 1_000, 5, 23, false)));
    }

    @Test
    void entriesOutsideAnEditedRangeAreSkippedAndAloneMeansNoDefaults() {
        FakeAlgorithm a = new FakeAlgorithm("a", SPACE, List.of(Config.of("k", 1)), 1);
        LearnedPortfolio p = learned(false, new PortfolioEntry("a", Config.of("k", 50)),
                new PortfolioEntry("a", Config.of("k", 4)));
        assertEquals(List.of("a:4"), drain(new PortfolioSearcher(List.of(a), FakeAlgorithm.SHAPE, 7, p)));
    }

    @Test
    void aClassifierDoesNotTakeTheRegressionEntries() {
        LearnedPortfolio p = learned(true, new PortfolioEntry("a", Config.of("k", 4)));
        assertEquals(List.of(), p.entries(TaskType.MULTICLASS));
        assertEquals(List.of(new PortfolioEntry("a", Config.of("k", 4))), p.entries(TaskType.REGRESSION));
    }

    @Test
    void writtenAndReadBackWithValuesOfTheSameKinds(@TempDir Path dir) throws Exception {
        Config c = Config.of("rounds", 300, "eta", 1.0, "tiny", 1e-8, "bins", "255");
        LearnedPortfolio p = new LearnedPortfolio(Map.of(LearnedPortfolio.Family.REGRESSION,
                List.of(new PortfolioEntry("lightgbm", c))), true, 400_000);
        Path file = dir.resolve("p.json");
        p.write(file, Map.of("what", "test"));
        LearnedPortfolio back = LearnedPortfolio.read(file);
        assertEquals(p, back);
        assertTrue(back.defaultsAfter());
        assertFalse(back.alone().defaultsAfter());
    }

    @Test
    void theBundledPortfolioNamesCatalogueAlgorithmsWithValuesInsideTheirSpaces() {
        LearnedPortfolio p = LearnedPortfolio.bundled();
        for (TaskType task : List.of(TaskType.BINARY, TaskType.REGRESSION)) {
            assertFalse(p.entries(task).isEmpty(), "a portfolio is shipped for " + task);
            for (PortfolioEntry e : p.entries(task)) {
                var algorithm = AlgorithmCatalogue.byId(e.algorithm()).orElseThrow();
                SearchSpace space = algorithm.space(task);
                for (var param : space.params()) {
                    Object v = e.config().values().get(param.name());
                    if (v instanceof Number n && param instanceof IntParam ip) {
                        assertTrue(n.intValue() >= ip.low() && n.intValue() <= ip.high(), e + " " + param.name());
                    }
                }
            }
        }
    }
}
