package org.automlwb.engine.algo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;

/** Draws configurations uniformly (log-uniformly where declared) from a space; deterministic per seed. */
final class SpaceSampler {
    private final SplittableRandom rng;

    SpaceSampler(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** One configuration; a conditional parameter is drawn only when its parent (drawn earlier) enables it. */
    Config sample(SearchSpace space) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : space.params()) {
            if (!space.isActive(p, new Config(values))) continue;
            values.put(p.name(), draw(p));
        }
        return new Config(values);
    }

    private Object draw(Param p) {
        if (p instanceof IntParam i) {
            if (!i.log()) return i.low() + rng.nextInt(i.high() - i.low() + 1);
            double v = Math.exp(uniform(Math.log(i.low()), Math.log(i.high() + 1.0)));
            return Math.min(i.high(), Math.max(i.low(), (int) Math.floor(v)));
        }
        if (p instanceof RealParam r) {
            return r.log() ? Math.exp(uniform(Math.log(r.low()), Math.log(r.high()))) : uniform(r.low(), r.high());
        }
        ChoiceParam c = (ChoiceParam) p;
        return c.choices().get(rng.nextInt(c.choices().size()));
    }

    private double uniform(double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }
}
