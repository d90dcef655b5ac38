package org.automlwb.engine.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws configurations from a {@link SearchSpace} and maps parameter values to and from the unit interval.
 *
 * <p>Every numeric parameter has a <em>unit scale</em>: {@code u} in [0, 1] maps linearly (or, for
 * {@code log} parameters, logarithmically) onto [low, high]. Integers own equal-width slices of that scale
 * (so uniform {@code u} gives each integer equal probability, or log-uniform probability for log
 * parameters). Uniform sampling is simply "uniform u, mapped back"; model-based searchers work on the same
 * scale.
 *
 * <p>Conditional parameters get a value only while their condition holds. A parameter whose parent is
 * declared after it is still handled: values are assigned in passes until nothing more becomes active.
 *
 * <p>Stateless and thread-safe; all randomness comes from the generator passed in, so the same seed gives the
 * same configurations ({@link java.util.Random} and {@link java.util.SplittableRandom} both qualify).
 */
public final class SpaceSampler {
    private SpaceSampler() { }

    /** Chooses one parameter's value, given the values assigned so far. */
    @FunctionalInterface
    public interface ValueSource {
        /**
         * @param param   an active parameter
         * @param partial the values assigned before it (its condition's parent among them)
         * @return an Integer, Double or String value for {@code param}
         */
        Object value(Param param, Config partial);
    }

    /** A configuration drawn uniformly (log-uniformly for log parameters), with only active parameters set. */
    public static Config sample(SearchSpace space, RandomGenerator rng) {
        return assemble(space, (p, partial) -> uniformValue(p, rng));
    }

    /** A value of one parameter drawn uniformly on its unit scale (uniform over choices). */
    public static Object uniformValue(Param p, RandomGenerator rng) {
        if (p instanceof ChoiceParam c) return c.choices().get(rng.nextInt(c.choices().size()));
        return fromUnit(p, rng.nextDouble());
    }

    /**
     * Builds a configuration by asking {@code source} for the value of each active parameter, in declaration
     * order, parents before the parameters they condition. Parameters whose condition never holds stay absent.
     */
    public static Config assemble(SearchSpace space, ValueSource source) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Param> pending = new ArrayList<>(space.params());
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Param p = it.next();
                Param.Condition c = p.condition();
                // Wait for the parent when it is itself still pending; otherwise decide now.
                if (c != null && !values.containsKey(c.parent()) && isPending(pending, c.parent())) continue;
                it.remove();
                progress = true;
                Config partial = new Config(values);
                if (space.isActive(p, partial)) values.put(p.name(), source.value(p, partial));
            }
        }
        return new Config(values);
    }

    private static boolean isPending(List<Param> pending, String name) {
        for (Param p : pending) if (p.name().equals(name)) return true;
        return false;
    }

    /** Whether every active parameter is set and within its bounds or choices, and no inactive one is set. */
    public static boolean isValid(SearchSpace space, Config config) {
        for (Param p : space.params()) {
            Object v = config.values().get(p.name());
            boolean active = space.isActive(p, config);
            if (!active) {
                if (v != null) return false;
                continue;
            }
            boolean ok;
            if (p instanceof IntParam ip) ok = v instanceof Integer i && i >= ip.low() && i <= ip.high();
            else if (p instanceof RealParam rp) ok = v instanceof Double d && d >= rp.low() && d <= rp.high();
            else ok = v instanceof String s && ((ChoiceParam) p).choices().contains(s);
            if (!ok) return false;
        }
        return true;
    }

    /**
     * Maps {@code u} in [0, 1] (clamped) to a value of a numeric parameter: an Integer for {@link IntParam},
     * a Double for {@link RealParam}.
     */
    public static Object fromUnit(Param p, double u) {
        double t = clampUnit(u);
        if (p instanceof RealParam r) {
            if (r.low() == r.high()) return r.low();
            double x = r.log() ? r.low() * Math.exp(t * Math.log(r.high() / r.low())) : r.low() + t * (r.high() - r.low());
            return Math.min(r.high(), Math.max(r.low(), x));
        }
        if (p instanceof IntParam i) {
            // Integers own the slices [k, k+1) of a continuous range [low, high + 1).
            double x = i.log()
                    ? i.low() * Math.exp(t * Math.log((i.high() + 1.0) / i.low()))
                    : i.low() + t * (i.high() - i.low() + 1.0);
            long k = (long) Math.floor(x);
            return (int) Math.min(i.high(), Math.max(i.low(), k));
        }
        throw new IllegalArgumentException(p.name() + ": a choice has no unit scale");
    }

    /**
     * The position in [0, 1] of a numeric parameter's value (the middle of its slice for an integer); values
     * outside the bounds are clamped.
     */
    public static double toUnit(Param p, Number value) {
        double v = value.doubleValue();
        if (p instanceof RealParam r) {
            if (r.low() == r.high()) return 0.5;
            double u = r.log() ? Math.log(Math.max(v, r.low()) / r.low()) / Math.log(r.high() / r.low())
                               : (v - r.low()) / (r.high() - r.low());
            return clampUnit(u);
        }
        if (p instanceof IntParam i) {
            double k = Math.min(i.high(), Math.max(i.low(), Math.rint(v)));
            double u = i.log()
                    ? Math.log((k + 0.5) / i.low()) / Math.log((i.high() + 1.0) / i.low())
                    : (k - i.low() + 0.5) / (i.high() - i.low() + 1.0);
            return clampUnit(u);
        }
        throw new IllegalArgumentException(p.name() + ": a choice has no unit scale");
    }

    private static double clampUnit(double u) {
        if (Double.isNaN(u)) return 0.5;
        return Math.min(1.0, Math.max(0.0, u));
    }
}
