package org.automlwb.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.automlwb.engine.Metric;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.space.SpaceSampler;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.junit.jupiter.api.Test;

class TpeSearcherTest {
    /** The algorithm worth tuning: a smooth bowl over a log, a linear, an integer and a conditional choice. */
    static final FakeAlgorithm TARGET = new FakeAlgorithm("target", SearchSpace.of(
            new RealParam("lr", 1e-4, 1, true, ""),
            new RealParam("frac", 0, 1, false, ""),
            new IntParam("depth", 1, 20, false, ""),
            new ChoiceParam("booster", List.of("gbtree", "dart", "linear"), ""),
            new RealParam("drop", 0, 0.5, false, "", new Param.Condition("booster", Set.of("dart")))),
            List.of(Config.of("lr", 0.1, "frac", 1.0, "depth", 3, "booster", "gbtree")), 2);
    /** Cheap and decent, but with a floor above the target's optimum. */
    static final FakeAlgorithm DECOY = new FakeAlgorithm("decoy",
            SearchSpace.of(new RealParam("z", 0, 1, false, "")), List.of(Config.of("z", 0.5)), 1);
    /** Expensive and poor. */
    static final FakeAlgorithm SLOW = new FakeAlgorithm("slow",
            SearchSpace.of(new RealParam("x", 0, 1, false, "")), List.of(Config.of("x", 0.5)), 10);
    static final List<Algorithm> ALGORITHMS = List.of(TARGET, DECOY, SLOW);

    /** The true loss of a trial (minimum 0.1, at lr=0.01, frac=0.7, depth=6, gbtree). */
    static double objective(TrialSpec spec) {
        Config c = spec.config();
        return switch (spec.algorithm()) {
            case "target" -> {
                double lr = Math.log10(c.getDouble("lr", 1)) + 2;
                double frac = c.getDouble("frac", 0) - 0.7;
                double depth = (c.getInt("depth", 1) - 6) / 10.0;
                double booster = switch (c.getString("booster", "")) {
                    case "gbtree" -> 0;
                    case "dart" -> 0.1 + c.getDouble("drop", 0);
                    default -> 0.3;
                };
                yield 0.1 + lr * lr / 4 + 4 * frac * frac + depth * depth + booster;
            }
            case "decoy" -> 0.8 + Math.pow(c.getDouble("z", 0) - 0.3, 2);
            default -> 1.5 + c.getDouble("x", 0);
        };
    }

    static double medianBest(java.util.function.LongFunction<Searcher> factory, int budget, long[] seeds) {
        double[] best = Arrays.stream(seeds)
                .mapToDouble(seed -> Simulation.bestScore(Simulation.run(factory.apply(seed), budget,
                        TpeSearcherTest::objective)))
                .sorted().toArray();
        return best[best.length / 2];
    }

    @Test
    void beatsRandomSearchOnAKnownObjective() {
        long[] seeds = IntStream.rangeClosed(1, 9).asLongStream().toArray();
        int budget = 60;
        double tpe = medianBest(s -> new TpeSearcher(ALGORITHMS, FakeAlgorithm.SHAPE, Metric.RMSE, s), budget, seeds);
        double random = medianBest(s -> new RandomSearcher(ALGORITHMS, FakeAlgorithm.SHAPE, s), budget, seeds);
        double auto = medianBest(s -> {
            try {
                return Searchers.create("auto", ALGORITHMS, FakeAlgorithm.SHAPE, Metric.RMSE, s);
            } catch (org.automlwb.common.BadInputException e) {
                throw new AssertionError(e);
            }
        }, budget, seeds);
        System.out.printf("median best loss over %d seeds, %d trials: tpe %.4f, auto %.4f, random %.4f%n",
                seeds.length, budget, tpe, auto, random);
        assertTrue(tpe < random, "tpe " + tpe + " vs random " + random);
        assertTrue(auto < random, "auto " + auto + " vs random " + random);
    }

    @Test
    void concentratesOnTheBestAlgorithmWithoutStarvingOthers() {
        List<TrialResult> results = Simulation.run(new TpeSearcher(ALGORITHMS, FakeAlgorithm.SHAPE, Metric.RMSE, 4),
                150, TpeSearcherTest::objective);
        Map<String, Long> counts = results.stream().collect(Collectors.groupingBy(r -> r.spec().algorithm(),
                Collectors.counting()));
        assertTrue(counts.get("target") > 100, counts::toString);
        assertTrue(counts.get("slow") >= 2, counts::toString);
        for (TrialResult r : results) {
            assertEquals("tpe", r.spec().origin());
            Algorithm a = ALGORITHMS.stream().filter(x -> x.id().equals(r.spec().algorithm())).findFirst().orElseThrow();
            assertTrue(SpaceSampler.isValid(a.space(null), r.spec().config()), r.spec()::toString);
        }
    }

    @Test
    void sameSeedAndCallsGiveTheSameSuggestions() {
        List<TrialSpec> one = Simulation.run(new TpeSearcher(ALGORITHMS, FakeAlgorithm.SHAPE, Metric.RMSE, 8), 40,
                TpeSearcherTest::objective).stream().map(TrialResult::spec).toList();
        List<TrialSpec> two = Simulation.run(new TpeSearcher(ALGORITHMS, FakeAlgorithm.SHAPE, Metric.RMSE, 8), 40,
                TpeSearcherTest::objective).stream().map(TrialResult::spec).toList();
        assertEquals(one, two);
    }

    @Test
    void maximisesHigherIsBetterMetrics() {
        // The same objective reported as a score to maximise (negated): TPE must still find small losses.
        ToDoubleFunction<TrialSpec> negated = spec -> -objective(spec);
        List<TrialResult> results = Simulation.run(new TpeSearcher(ALGORITHMS, FakeAlgorithm.SHAPE, Metric.AUC, 2), 60,
                negated);
        double best = -results.stream().mapToDouble(TrialResult::score).max().orElseThrow();
        List<TrialResult> asLoss = Simulation.run(new TpeSearcher(ALGORITHMS, FakeAlgorithm.SHAPE, Metric.RMSE, 2),
                60, TpeSearcherTest::objective);
        assertEquals(Simulation.bestScore(asLoss), best, 1e-12, "the direction is handled by Metric.toLoss");
    }

    @Test
    void failuresPrunesAndTimeoutsAreInformationNotCrashes() {
        TpeSearcher s = new TpeSearcher(ALGORITHMS, FakeAlgorithm.SHAPE, Metric.RMSE, 9);
        int slowFailures = 0;
        for (int id = 1; id <= 80; id++) {
            TrialSpec spec = s.suggest(id).orElseThrow();
            TrialResult r;
            if (spec.algorithm().equals("slow")) {
                r = Simulation.withStatus(spec, TrialStatus.TIMEOUT);
                slowFailures++;
            } else if (spec.algorithm().equals("target") && spec.config().getDouble("frac", 0) < 0.3) {
                r = Simulation.withStatus(spec, id % 2 == 0 ? TrialStatus.PRUNED : TrialStatus.FAILED);
            } else if (id % 17 == 0) {
                r = Simulation.withStatus(spec, TrialStatus.CANCELLED);
            } else {
                r = Simulation.resultOf(spec, objective(spec));
            }
            s.onTrialComplete(r);
        }
        assertEquals(3, slowFailures, "the always-timing-out algorithm is dropped after three");
    }

    @Test
    void learnsFromOtherSearchersTrialsAndIgnoresUnknownAlgorithms() {
        TpeSearcher s = new TpeSearcher(List.of(DECOY), FakeAlgorithm.SHAPE, Metric.RMSE, 1);
        s.onTrialComplete(Simulation.resultOf(new TrialSpec(1, "ensemble", Config.empty(), 0, "ensemble"), 0.1));
        for (int id = 1; id <= 10; id++) {
            TrialSpec seen = new TrialSpec(id, "decoy", Config.of("z", id / 10.0), 0, "portfolio");
            s.onTrialComplete(Simulation.resultOf(seen, objective(seen)));
        }
        // Ten reported trials put the model in charge at once: it samples near the best z (0.3).
        double[] zs = IntStream.rangeClosed(11, 30).mapToObj(id -> s.suggest(id).orElseThrow())
                .mapToDouble(spec -> spec.config().getDouble("z", -1)).sorted().toArray();
        assertEquals(0.3, zs[zs.length / 2], 0.15, Arrays.toString(zs));
    }

    @Test
    void runsDryWhenEverySpaceIsExhausted() {
        FakeAlgorithm tiny = new FakeAlgorithm("tiny", RandomSearcherTest.TINY, List.of(), 1);
        FakeAlgorithm empty = new FakeAlgorithm("empty", SearchSpace.of(), List.of(), 1);
        List<TrialResult> results = Simulation.run(
                new TpeSearcher(List.of(tiny, empty), FakeAlgorithm.SHAPE, Metric.RMSE, 1), 50, spec -> 1.0);
        assertEquals(5, results.size());
        assertEquals(5, results.stream().map(r -> List.of(r.spec().algorithm(), r.spec().config())).distinct().count());
        Optional<TrialSpec> none = new TpeSearcher(List.of(), FakeAlgorithm.SHAPE, Metric.RMSE, 1).suggest(1);
        assertFalse(none.isPresent());
    }
}
