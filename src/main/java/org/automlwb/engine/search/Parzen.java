package org.automlwb.engine.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.SpaceSampler;

/**
 * The one-dimensional densities of a Tree-structured Parzen Estimator: a Parzen (kernel) mixture on a
 * numeric parameter's unit scale, or smoothed frequencies over a choice's values. Both include a uniform
 * prior component, so they are positive everywhere and defined even with no observations.
 *
 * <p>A value is a {@code double}: the position {@code u} in [0, 1] for numeric parameters, the index of the
 * choice for choice parameters.
 */
abstract class Parzen {
    /** Draws a value. */
    abstract double sample(RandomGenerator rng);

    /** Natural log of the density (probability for a choice) at {@code x}. */
    abstract double logPdf(double x);

    /** Turns a drawn value into the parameter's Config value. */
    abstract Object toConfigValue(double x);

    /** Fits a density of {@code p} to the values it takes in {@code configs} (configs without it are skipped). */
    static Parzen fit(Param p, List<Config> configs) {
        if (p instanceof ChoiceParam c) {
            int[] counts = new int[c.choices().size()];
            for (Config cfg : configs) {
                Object v = cfg.values().get(p.name());
                int i = v == null ? -1 : c.choices().indexOf(String.valueOf(v));
                if (i >= 0) counts[i]++;
            }
            return new Categorical(c, counts);
        }
        List<Double> us = new ArrayList<>();
        for (Config cfg : configs) {
            if (cfg.values().get(p.name()) instanceof Number n && Double.isFinite(n.doubleValue())) {
                us.add(SpaceSampler.toUnit(p, n));
            }
        }
        return new Numeric(p, us.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Smoothed frequencies: (count + 1) / (n + k), i.e. the counts plus one uniform pseudo-observation each. */
    static final class Categorical extends Parzen {
        private final ChoiceParam param;
        private final double[] cumulative;
        private final double[] logP;

        Categorical(ChoiceParam param, int[] counts) {
            this.param = param;
            int k = counts.length;
            double total = Arrays.stream(counts).sum() + k;
            cumulative = new double[k];
            logP = new double[k];
            double acc = 0;
            for (int i = 0; i < k; i++) {
                double p = (counts[i] + 1) / total;
                acc += p;
                cumulative[i] = acc;
                logP[i] = Math.log(p);
            }
        }

        @Override
        double sample(RandomGenerator rng) {
            double r = rng.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return i;
            return cumulative.length - 1;
        }

        @Override
        double logPdf(double x) { return logP[(int) x]; }

        @Override
        Object toConfigValue(double x) { return param.choices().get((int) x); }
    }

    /**
     * A mixture on [0, 1] of one Gaussian per observation, truncated to [0, 1], plus one uniform component of
     * equal weight (the prior). Bandwidths follow Hyperopt: the larger gap to a neighbouring observation (the
     * ends 0 and 1 count as neighbours), clipped to [1 / min(100, n + 1), 1] so that they narrow as evidence
     * accumulates but never collapse.
     */
    static final class Numeric extends Parzen {
        private static final int MAX_REJECTIONS = 64;
        private final Param param;
        private final double[] mu;
        private final double[] sigma;
        private final double[] logMass;

        Numeric(Param param, double[] unitValues) {
            this.param = param;
            mu = unitValues.clone();
            Arrays.sort(mu);
            int n = mu.length;
            sigma = new double[n];
            logMass = new double[n];
            double minSigma = 1.0 / Math.min(100, n + 1);
            for (int i = 0; i < n; i++) {
                double left = i == 0 ? 0.0 : mu[i - 1];
                double right = i == n - 1 ? 1.0 : mu[i + 1];
                double s = Math.max(mu[i] - left, right - mu[i]);
                sigma[i] = Math.min(1.0, Math.max(minSigma, s));
                double mass = Normal.cdf((1 - mu[i]) / sigma[i]) - Normal.cdf(-mu[i] / sigma[i]);
                logMass[i] = Math.log(Math.max(mass, 1e-300));
            }
        }

        @Override
        double sample(RandomGenerator rng) {
            int j = rng.nextInt(mu.length + 1);
            if (j == mu.length) return rng.nextDouble();
            for (int t = 0; t < MAX_REJECTIONS; t++) {
                double x = mu[j] + sigma[j] * rng.nextGaussian();
                if (x >= 0 && x <= 1) return x;
            }
            return Math.min(1, Math.max(0, mu[j]));
        }

        @Override
        double logPdf(double x) {
            // log-sum-exp over the components; the uniform prior contributes log(1) = 0.
            int n = mu.length;
            double[] terms = new double[n + 1];
            double max = 0;
            for (int i = 0; i < n; i++) {
                double z = (x - mu[i]) / sigma[i];
                terms[i] = -0.5 * z * z - Math.log(sigma[i]) - Normal.LOG_SQRT_2PI - logMass[i];
                max = Math.max(max, terms[i]);
            }
            double sum = Math.exp(-max);
            for (int i = 0; i < n; i++) sum += Math.exp(terms[i] - max);
            return max + Math.log(sum) - Math.log(n + 1);
        }

        @Override
        Object toConfigValue(double x) { return SpaceSampler.fromUnit(param, x); }
    }

    /** The standard normal distribution function. */
    static final class Normal {
        static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

        private Normal() { }

        static double cdf(double z) { return 0.5 * (1 + erf(z / Math.sqrt(2))); }

        /** Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7: ample for kernel masses. */
        static double erf(double x) {
            double sign = Math.signum(x);
            double a = Math.abs(x);
            double t = 1 / (1 + 0.3275911 * a);
            double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
                    + 0.254829592) * t * Math.exp(-a * a);
            return sign * y;
        }
    }
}
