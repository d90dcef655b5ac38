package org.automlwb.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.space.SpaceSampler;
import org.automlwb.engine.trial.TrialResult;
import org.junit.jupiter.api.Test;

class RandomSearcherTest {
    static final SearchSpace REAL = SearchSpace.of(new RealParam("x", 0, 1, false, ""));
    static final SearchSpace TINY = SearchSpace.of(new ChoiceParam("c", List.of("a", "b"), ""),
            new IntParam("i", 1, 2, false, ""));

    @Test
    void uniformOverApplicableAlgorithmsWithValidFreshConfigs() {
        List<org.automlwb.engine.algo.Algorithm> algorithms = List.of(
                new FakeAlgorithm("a", REAL, List.of(), 1), new FakeAlgorithm("b", REAL, List.of(), 50),
                new FakeAlgorithm("c", REAL, List.of(), 1), new FakeAlgorithm("skip", REAL, List.of(), 1, false));
        List<TrialResult> results = Simulation.run(new RandomSearcher(algorithms, FakeAlgorithm.SHAPE, 11), 600,
                spec -> spec.config().getDouble("x", 0));
        assertEquals(600, results.size());
        Map<String, Long> counts = results.stream().collect(Collectors.groupingBy(r -> r.spec().algorithm(),
                Collectors.counting()));
        assertEquals(Set.of("a", "b", "c"), counts.keySet());
        counts.values().forEach(n -> assertEquals(200, n, 40));
        Set<List<Object>> distinct = new HashSet<>();
        for (TrialResult r : results) {
            assertEquals("random", r.spec().origin());
            assertTrue(SpaceSampler.isValid(REAL, r.spec().config()));
            assertTrue(distinct.add(List.of(r.spec().algorithm(), r.spec().config())), "repeated " + r.spec());
        }
    }

    @Test
    void sameSeedSameTrials() {
        List<org.automlwb.engine.algo.Algorithm> algorithms = List.of(new FakeAlgorithm("a", REAL, List.of(), 1),
                new FakeAlgorithm("b", TINY, List.of(), 1));
        List<TrialResult> one = Simulation.run(new RandomSearcher(algorithms, FakeAlgorithm.SHAPE, 5), 30, s -> 1.0);
        List<TrialResult> two = Simulation.run(new RandomSearcher(algorithms, FakeAlgorithm.SHAPE, 5), 30, s -> 1.0);
        List<TrialResult> other = Simulation.run(new RandomSearcher(algorithms, FakeAlgorithm.SHAPE, 6), 30, s -> 1.0);
        assertEquals(one.stream().map(TrialResult::spec).toList(), two.stream().map(TrialResult::spec).toList());
        assertTrue(!one.stream().map(TrialResult::spec).toList().equals(other.stream().map(TrialResult::spec).toList()));
    }

    @Test
    void exhaustsSmallSpacesAndDropsFailingAlgorithmsThenRunsDry() {
        List<org.automlwb.engine.algo.Algorithm> algorithms = List.of(new FakeAlgorithm("tiny", TINY, List.of(), 1),
                new FakeAlgorithm("empty", SearchSpace.of(), List.of(), 1),
                new FakeAlgorithm("broken", REAL, List.of(), 1));
        List<TrialResult> results = Simulation.run(new RandomSearcher(algorithms, FakeAlgorithm.SHAPE, 3), 100,
                spec -> spec.algorithm().equals("broken") ? Double.NaN : 1.0);
        Map<String, Long> counts = results.stream().collect(Collectors.groupingBy(r -> r.spec().algorithm(),
                Collectors.counting()));
        assertEquals(Map.of("tiny", 4L, "empty", 1L, "broken", 3L), counts);
        assertEquals(Config.empty(), results.stream().filter(r -> r.spec().algorithm().equals("empty"))
                .findFirst().orElseThrow().spec().config());
    }
}
