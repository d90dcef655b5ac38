package org.automlwb.engine.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.automlwb.engine.Metric;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.space.SpaceSampler;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model-based search: a bandit picks the algorithm, then a Tree-structured Parzen Estimator (Bergstra et al.
 * 2011) picks its configuration. Origin {@value #ORIGIN}.
 *
 * <p><b>Losses.</b> The searcher is constructed with the run's {@link Metric} and minimises
 * {@code metric.toLoss(result.score())}. Failed, timed-out and pruned trials (and OK trials with a non-finite
 * score) count as bad configurations for their algorithm's model; cancelled trials are ignored. It learns
 * from every reported trial, including those another searcher suggested (the portfolio).
 *
 * <p><b>Configuration (per algorithm).</b> Until the algorithm has {@link Options#minTrials} OK trials,
 * configurations are drawn uniformly. After that its OK trials are split by loss into the best
 * {@code ceil(gamma * n)} ("good") and the rest plus the failed ones ("bad"); each parameter gets a density
 * l(x) over the good and g(x) over the bad (see {@link Parzen}; parameters are independent, conditional
 * ones are modelled only over the trials where they were active); {@link Options#candidates} configurations
 * are drawn from l and the one with the largest l(x)/g(x) that has not been tried is suggested.
 *
 * <p><b>Algorithm.</b> Warm-up first: while some live algorithm has had fewer trials (completed or running)
 * than its quota ({@link Options#warmup} for the cheapest, one fewer per factor of 4 in relative cost, at
 * least 1), the one with the smallest share of its quota gets the trial, cheapest first on ties. After that
 * algorithm a is drawn with probability {@code (1 - exploration) * w_a / sum(w) + exploration / K} (K live
 * algorithms; the exploration share means none is ever starved), where
 * {@code w_a = exp(-s * max(0, best_a - kappa * sd_a / sqrt(n_a) - best) / scale) * (cheapest cost / cost_a)^costExponent}:
 * {@code best_a}, {@code sd_a}, {@code n_a} are the best loss, standard deviation and count of a's OK trials
 * (an algorithm whose configurations differ a lot and that has few trials may still improve, so it is judged
 * optimistically), {@code best} the overall best loss, {@code scale} the mean of the algorithms' {@code sd_a},
 * {@code s = max(1, sqrt(OK trials / K))} a sharpness that grows with evidence, kappa = 2, and {@code w_a = 0}
 * for an algorithm without OK trials. An algorithm with {@link Options#maxFailures} failed or timed-out
 * trials and none OK is dropped. Costs come only from {@link Algorithm#relativeCost}, never from measured
 * seconds, which would make runs irreproducible.
 *
 * <p><b>Determinism.</b> The choices for trial {@code n} come from a generator seeded by the run seed and
 * {@code n} alone, so with the same seed and the same sequence of {@code suggest} / {@code onTrialComplete}
 * calls the suggestions are identical. The orchestrator therefore reports completions in trial-id order
 * (holding back a result until every smaller id has been reported) to make runs reproducible.
 *
 * <p>Thread-safe.
 */
public final class TpeSearcher implements Searcher {
    public static final String ORIGIN = "tpe";
    private static final Logger LOG = LoggerFactory.getLogger(TpeSearcher.class);
    private static final long SALT = 0x7BE0L;
    /** Optimism for algorithms with few trials, in standard deviations of their own losses. */
    private static final double KAPPA = 2.0;

    /**
     * Tuning knobs.
     *
     * @param gamma        fraction of an algorithm's OK trials that form the "good" set (0, 1)
     * @param candidates   configurations drawn from l(x) per suggestion
     * @param minTrials    OK trials an algorithm needs before its model replaces uniform sampling
     * @param maxFailures  failed or timed-out trials, with none OK, after which an algorithm is dropped
     * @param exploration  share of algorithm choices spread uniformly over live algorithms [0, 1]
     * @param costExponent how strongly cheaper algorithms are preferred (0 = not at all)
     * @param warmup       trials (completed or running) the cheapest algorithm gets before the bandit decides;
     *                     one fewer per factor of 4 in relative cost, at least 1
     */
    public record Options(double gamma, int candidates, int minTrials, int maxFailures, double exploration,
                          double costExponent, int warmup) {
        public Options {
            if (!(gamma > 0 && gamma < 1)) throw new IllegalArgumentException("gamma must be in (0, 1): " + gamma);
            if (candidates < 1 || minTrials < 1 || maxFailures < 1 || warmup < 1) {
                throw new IllegalArgumentException("candidates, minTrials, maxFailures and warmup must be >= 1");
            }
            if (!(exploration >= 0 && exploration <= 1)) {
                throw new IllegalArgumentException("exploration must be in [0, 1]: " + exploration);
            }
            if (!(costExponent >= 0)) throw new IllegalArgumentException("costExponent must be >= 0");
        }

        /** gamma 0.25, 24 candidates, 5 trials before modelling, 3 failures, 10% exploration, cost^0.5, 3 warm-up. */
        public static Options defaults() { return new Options(0.25, 24, 5, 3, 0.10, 0.5, 3); }
    }

    private record Observation(int trialId, Config config, double loss) { }

    private final AlgorithmPool pool;
    private final Metric metric;
    private final long seed;
    private final Options options;
    private final Map<String, List<Observation>> good = new HashMap<>();
    private final Map<String, List<Config>> failed = new HashMap<>();

    public TpeSearcher(List<Algorithm> algorithms, DataShape shape, Metric metric, long seed) {
        this(algorithms, shape, metric, seed, Options.defaults());
    }

    /**
     * @param algorithms the catalogue (those that do not apply to {@code shape} are left out)
     * @param shape      the data
     * @param metric     the run's metric; losses are {@code metric.toLoss(score)}
     * @param seed       the run seed
     * @param options    tuning knobs
     */
    public TpeSearcher(List<Algorithm> algorithms, DataShape shape, Metric metric, long seed, Options options) {
        this.pool = new AlgorithmPool(algorithms, shape, options.maxFailures());
        this.metric = metric;
        this.seed = seed;
        this.options = options;
        for (Algorithm a : pool.byCost()) {
            good.put(a.id(), new ArrayList<>());
            failed.put(a.id(), new ArrayList<>());
        }
    }

    @Override
    public synchronized Optional<TrialSpec> suggest(int nextId) {
        return suggest(nextId, Set.of());
    }

    @Override
    public synchronized Optional<TrialSpec> suggest(int nextId, Set<String> busy) {
        SplittableRandom rng = Seeds.forSuggestion(seed, SALT, nextId);
        List<Algorithm> live;
        while (!(live = pool.availableFirst(busy)).isEmpty()) {
            Algorithm a = chooseAlgorithm(live, rng);
            Config c = propose(a, rng);
            if (c == null) continue;
            TrialSpec spec = new TrialSpec(nextId, a.id(), c, Searchers.trialSeed(seed, nextId), ORIGIN);
            pool.suggested(spec);
            LOG.debug("trial {}: {} {}", nextId, a.id(), c);
            return Optional.of(spec);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void onTrialComplete(TrialResult result) {
        Algorithm a = pool.record(result);
        if (a == null || result.status() == TrialStatus.CANCELLED || result.spec().config() == null) return;
        double loss = result.status() == TrialStatus.OK ? metric.toLoss(result.score()) : Double.NaN;
        if (Double.isFinite(loss)) {
            good.get(a.id()).add(new Observation(result.spec().trialId(), result.spec().config(), loss));
        } else {
            failed.get(a.id()).add(result.spec().config());
        }
    }

    private Algorithm chooseAlgorithm(List<Algorithm> live, SplittableRandom rng) {
        double minCost = live.stream().mapToDouble(pool::cost).min().orElseThrow();
        Algorithm warm = null;
        double warmFill = Double.POSITIVE_INFINITY;
        for (Algorithm a : live) {
            AlgorithmPool.Stats s = pool.stats(a);
            int quota = warmupQuota(pool.cost(a) / minCost);
            double fill = (s.completed + s.pending.size()) / (double) quota;
            if (fill < 1 && fill < warmFill) {
                warm = a;
                warmFill = fill;
            }
        }
        if (warm != null) return warm;

        double best = Double.POSITIVE_INFINITY;
        List<Double> all = new ArrayList<>();
        for (Algorithm a : live) {
            for (Observation o : good.get(a.id())) {
                all.add(o.loss());
                best = Math.min(best, o.loss());
            }
        }
        double[] w = new double[live.size()];
        double total = 0;
        if (!all.isEmpty()) {
            all.sort(null);
            double median = all.get(all.size() / 2);
            double scale = lossScale(live, median - best, best);
            double sharpness = Math.max(1, Math.sqrt(all.size() / (double) live.size()));
            for (int i = 0; i < w.length; i++) {
                List<Observation> obs = good.get(live.get(i).id());
                if (obs.isEmpty()) continue;
                double bestA = obs.stream().mapToDouble(Observation::loss).min().orElseThrow();
                // Optimism in proportion to the algorithm's own spread of losses: one whose configurations
                // differ a lot, and that has few trials, may well still beat its best so far.
                double spread = obs.size() > 1 ? standardDeviation(obs) : median - best;
                double optimistic = bestA - KAPPA * spread / Math.sqrt(obs.size());
                double gap = Math.max(0, optimistic - best) / scale;
                w[i] = Math.exp(-sharpness * gap)
                        * Math.pow(minCost / pool.cost(live.get(i)), options.costExponent());
                total += w[i];
            }
        }
        double explore = total > 0 ? options.exploration() : 1.0;
        double r = rng.nextDouble();
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            acc += (1 - explore) * (total > 0 ? w[i] / total : 0) + explore / w.length;
            if (r < acc) return live.get(i);
        }
        return live.get(live.size() - 1);
    }

    /**
     * The unit in which gaps between algorithms are measured: the mean over algorithms of the standard
     * deviation of their own losses, so that it does not shrink when one consistent algorithm has had most of
     * the trials. Falls back to {@code fallback} (median minus best loss) before any algorithm has two.
     */
    private double lossScale(List<Algorithm> live, double fallback, double best) {
        double sum = 0;
        int count = 0;
        for (Algorithm a : live) {
            List<Observation> obs = good.get(a.id());
            if (obs.size() < 2) continue;
            sum += standardDeviation(obs);
            count++;
        }
        double scale = count > 0 ? sum / count : fallback;
        return Math.max(scale, 1e-9 * (1 + Math.abs(best)));
    }

    private static double standardDeviation(List<Observation> obs) {
        double mean = obs.stream().mapToDouble(Observation::loss).average().orElse(0);
        double ss = obs.stream().mapToDouble(o -> (o.loss() - mean) * (o.loss() - mean)).sum();
        return Math.sqrt(ss / (obs.size() - 1));
    }

    /**
     * Trials an algorithm gets before the bandit may neglect it: {@link Options#warmup} for the cheapest,
     * one fewer for each factor of 4 in relative cost, at least 1.
     */
    private int warmupQuota(double costRatio) {
        int fewer = (int) Math.floor(Math.log(Math.max(1, costRatio)) / Math.log(4));
        return Math.max(1, options.warmup() - fewer);
    }

    /** A configuration for {@code a} not tried before, or null when none is found (the space is exhausted). */
    private Config propose(Algorithm a, SplittableRandom rng) {
        List<Observation> obs = good.get(a.id());
        SearchSpace space = pool.space(a);
        if (obs.size() < options.minTrials() || space.params().isEmpty()) return pool.uniqueRandom(a, rng);
        List<Observation> sorted = new ArrayList<>(obs);
        sorted.sort(Comparator.comparingDouble(Observation::loss).thenComparingInt(Observation::trialId));
        int nGood = Math.max(1, (int) Math.ceil(options.gamma() * sorted.size()));
        List<Config> goodConfigs = new ArrayList<>();
        List<Config> badConfigs = new ArrayList<>(failed.get(a.id()));
        for (int i = 0; i < sorted.size(); i++) (i < nGood ? goodConfigs : badConfigs).add(sorted.get(i).config());

        Map<String, Parzen> l = new HashMap<>();
        Map<String, Parzen> g = new HashMap<>();
        for (Param p : space.params()) {
            l.put(p.name(), Parzen.fit(p, goodConfigs));
            g.put(p.name(), Parzen.fit(p, badConfigs));
        }
        Config best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < options.candidates(); k++) {
            double[] score = {0};
            Config c = SpaceSampler.assemble(space, (p, partial) -> {
                double x = l.get(p.name()).sample(rng);
                score[0] += l.get(p.name()).logPdf(x) - g.get(p.name()).logPdf(x);
                return l.get(p.name()).toConfigValue(x);
            });
            if (score[0] > bestScore && !pool.seen(a, c)) {
                bestScore = score[0];
                best = c;
            }
        }
        return best != null ? best : pool.uniqueRandom(a, rng);
    }
}
