package org.automlwb.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceSamplerTest {
    private static final SearchSpace SPACE = SearchSpace.of(
            new RealParam("lr", 1e-4, 1.0, true, "learning rate"),
            new RealParam("frac", 0.2, 0.8, false, "fraction"),
            new IntParam("depth", 2, 9, false, "depth"),
            new IntParam("trees", 10, 1000, true, "trees"),
            new ChoiceParam("kernel", List.of("linear", "rbf", "poly"), "kernel"),
            new RealParam("gamma", 1e-3, 10, true, "rbf width", new Param.Condition("kernel", Set.of("rbf", "poly"))),
            new IntParam("degree", 2, 5, false, "poly degree", new Param.Condition("kernel", Set.of("poly"))));

    @Test
    void samplesRespectBoundsTypesAndConditions() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            Config c = SpaceSampler.sample(SPACE, rng);
            assertTrue(SpaceSampler.isValid(SPACE, c), c::toString);
            String kernel = c.getString("kernel", null);
            assertEquals(!kernel.equals("linear"), c.values().containsKey("gamma"), c::toString);
            assertEquals(kernel.equals("poly"), c.values().containsKey("degree"), c::toString);
        }
    }

    @Test
    void everyIntegerAndChoiceIsReachedUniformly() {
        SplittableRandom rng = new SplittableRandom(2);
        Map<Object, Integer> depth = new HashMap<>();
        Map<Object, Integer> kernel = new HashMap<>();
        int n = 8000;
        for (int i = 0; i < n; i++) {
            Config c = SpaceSampler.sample(SPACE, rng);
            depth.merge(c.values().get("depth"), 1, Integer::sum);
            kernel.merge(c.values().get("kernel"), 1, Integer::sum);
        }
        assertEquals(8, depth.size());
        for (int count : depth.values()) assertEquals(n / 8.0, count, n / 8.0 * 0.15);
        assertEquals(3, kernel.size());
        for (int count : kernel.values()) assertEquals(n / 3.0, count, n / 3.0 * 0.1);
    }

    @Test
    void logParametersAreLogUniform() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 4000;
        int lrBelowCentile = 0;
        int treesBelow100 = 0;
        for (int i = 0; i < n; i++) {
            Config c = SpaceSampler.sample(SPACE, rng);
            if (c.getDouble("lr", 1) < 1e-2) lrBelowCentile++;
            if (c.getInt("trees", 0) < 100) treesBelow100++;
        }
        // Half the log range of [1e-4, 1] lies below 1e-2; a linear scale would put 1% there.
        assertEquals(0.5, lrBelowCentile / (double) n, 0.04);
        // [10, 100) is log(10)/log(1001/10), about half, of the integer log range.
        assertEquals(Math.log(10) / Math.log(100.1), treesBelow100 / (double) n, 0.04);
    }

    @Test
    void sameSeedSameConfigs() {
        List<Config> a = new ArrayList<>();
        List<Config> b = new ArrayList<>();
        Random r1 = new Random(42);
        Random r2 = new Random(42);
        for (int i = 0; i < 50; i++) {
            a.add(SpaceSampler.sample(SPACE, r1));
            b.add(SpaceSampler.sample(SPACE, r2));
        }
        assertEquals(a, b);
    }

    @Test
    void aChildDeclaredBeforeItsParentIsStillConditional() {
        SearchSpace space = SearchSpace.of(
                new RealParam("l1", 0.01, 1, false, "", new Param.Condition("penalty", Set.of("l1"))),
                new ChoiceParam("penalty", List.of("l1", "l2"), ""));
        SplittableRandom rng = new SplittableRandom(4);
        int withL1 = 0;
        for (int i = 0; i < 200; i++) {
            Config c = SpaceSampler.sample(space, rng);
            assertEquals(c.getString("penalty", "").equals("l1"), c.values().containsKey("l1"));
            if (c.values().containsKey("l1")) withL1++;
        }
        assertTrue(withL1 > 50 && withL1 < 150, "l1 active " + withL1 + " of 200");
    }

    @Test
    void unitScaleRoundTripsEveryInteger() {
        IntParam lin = new IntParam("a", -3, 7, false, "");
        IntParam log = new IntParam("b", 1, 300, true, "");
        for (int v = -3; v <= 7; v++) assertEquals(v, SpaceSampler.fromUnit(lin, SpaceSampler.toUnit(lin, v)));
        for (int v = 1; v <= 300; v++) assertEquals(v, SpaceSampler.fromUnit(log, SpaceSampler.toUnit(log, v)));
        assertEquals(7, SpaceSampler.fromUnit(lin, 1.0));
        assertEquals(-3, SpaceSampler.fromUnit(lin, 0.0));
        RealParam real = new RealParam("c", 1e-3, 1e3, true, "");
        assertEquals(1.0, (Double) SpaceSampler.fromUnit(real, 0.5), 1e-9);
        assertEquals(0.5, SpaceSampler.toUnit(real, 1.0), 1e-12);
    }

    @Test
    void degenerateParametersAndBadConfigs() {
        SearchSpace space = SearchSpace.of(new IntParam("k", 5, 5, false, ""), new RealParam("r", 2, 2, true, ""),
                new ChoiceParam("c", List.of("only"), ""));
        Config c = SpaceSampler.sample(space, new SplittableRandom(5));
        assertEquals(Config.of("k", 5, "r", 2.0, "c", "only"), c);
        assertFalse(SpaceSampler.isValid(space, c.with("k", 6)));
        assertFalse(SpaceSampler.isValid(space, c.with("r", 2)), "an Integer where a Double belongs");
        assertFalse(SpaceSampler.isValid(SPACE, SpaceSampler.sample(SPACE, new SplittableRandom(6))
                .with("kernel", "linear").with("gamma", 1.0)), "an inactive parameter set");
    }
}
