package org.automlwb.engine.ensemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;

/**
 * Greedy ensemble selection with replacement (Caruana et al. 2004, "Ensemble selection from libraries of
 * models"): start from an empty ensemble (or the {@code initBest} best single models), then repeatedly add
 * the candidate, possibly one already in, whose addition gives the lowest loss of the averaged predictions.
 * The ensemble returned is the one with the lowest loss seen during the iterations, so it is never worse than
 * the best single candidate on the out-of-fold rows.
 *
 * <p>Probabilities (classification) and values (regression) are averaged alike, weighted by how often a
 * candidate was picked. The running sum of the picked predictions is kept, so each step costs one pass over
 * the rows per candidate plus one metric evaluation, independent of the ensemble's size. Ties go to the
 * candidate with the smaller trial id, so the result is deterministic. Stateless apart from its metric;
 * thread-safe if the scorer is.
 */
public final class CaruanaEnsemble {
    /** Greedy steps after the initialisation, as in auto-sklearn. */
    public static final int DEFAULT_ITERATIONS = 50;

    /** One candidate model: its trial and its out-of-fold predictions for every training row. */
    public record Candidate(int trialId, Predictions predictions) { }

    private final Metric metric;
    private final ToDoubleBiFunction<Targets, Predictions> scorer;

    /** Scores with {@link Metric#compute}. */
    public CaruanaEnsemble(Metric metric) {
        this(metric, metric::compute);
    }

    /**
     * @param metric the metric (its direction turns scores into losses)
     * @param scorer computes {@code metric}'s score; it must not keep the {@link Predictions} it is given,
     *               whose arrays are reused between calls
     */
    public CaruanaEnsemble(Metric metric, ToDoubleBiFunction<Targets, Predictions> scorer) {
        this.metric = metric;
        this.scorer = scorer;
    }

    /** {@link #DEFAULT_ITERATIONS} greedy steps from an empty ensemble. */
    public EnsembleSelection select(List<Candidate> candidates, Targets targets) {
        return select(candidates, targets, DEFAULT_ITERATIONS, 0);
    }

    /**
     * @param candidates models with out-of-fold predictions for the rows of {@code targets} (at least one,
     *                   distinct trial ids)
     * @param targets    the true values of those rows
     * @param iterations greedy steps after the initialisation (at least 1)
     * @param initBest   how many of the best single models to put in once each before the greedy steps (0 for
     *                   none)
     * @throws IllegalArgumentException when the candidates are empty or do not match the targets
     */
    public EnsembleSelection select(List<Candidate> candidates, Targets targets, int iterations, int initBest) {
        if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1: " + iterations);
        List<Candidate> pool = validated(candidates, targets);
        Averager avg = new Averager(pool, targets.size());
        int m = pool.size();

        int[] counts = new int[m];
        int picks = 0;
        if (initBest > 0) {
            double[] single = new double[m];
            for (int c = 0; c < m; c++) single[c] = lossOf(targets, avg.candidateOnly(c));
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < m; c++) order.add(c);
            // The pool is in trial-id order and the sort is stable, so ties keep the smaller id first.
            order.sort(Comparator.comparingDouble(c -> single[c]));
            for (int i = 0; i < Math.min(initBest, m); i++) {
                avg.add(order.get(i));
                counts[order.get(i)]++;
                picks++;
            }
        }
        double bestLoss = picks > 0 ? lossOf(targets, avg.current()) : Double.POSITIVE_INFINITY;
        int[] bestCounts = counts.clone();

        for (int it = 0; it < iterations; it++) {
            // A run that has no time left for ensembles interrupts its thread (Blending): stop here.
            if (Thread.interrupted()) throw new java.util.concurrent.CancellationException("ensemble selection stopped");
            int chosen = -1;
            double chosenLoss = Double.POSITIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                double l = lossOf(targets, avg.withCandidate(c));
                if (l < chosenLoss) {
                    chosenLoss = l;
                    chosen = c;
                }
            }
            if (chosen < 0) break; // every candidate gives a NaN or infinite loss
            avg.add(chosen);
            counts[chosen]++;
            if (chosenLoss < bestLoss) {
                bestLoss = chosenLoss;
                bestCounts = counts.clone();
            }
        }
        if (sum(bestCounts) == 0) {
            throw new IllegalArgumentException("no candidate has a finite " + metric.key() + " on these rows");
        }
        Predictions predictions = avg.weighted(bestCounts);
        double score = scorer.applyAsDouble(targets, predictions);
        Map<Integer, Double> weights = new LinkedHashMap<>();
        int total = sum(bestCounts);
        for (int c = 0; c < m; c++) {
            if (bestCounts[c] > 0) weights.put(pool.get(c).trialId(), bestCounts[c] / (double) total);
        }
        return new EnsembleSelection(weights, score, metric.toLoss(score), predictions);
    }

    /** The metric as a loss, with NaN turned into the worst loss so it is never chosen. */
    private double lossOf(Targets targets, Predictions p) {
        double loss = metric.toLoss(scorer.applyAsDouble(targets, p));
        return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) s += v;
        return s;
    }

    private static List<Candidate> validated(List<Candidate> candidates, Targets targets) {
        if (candidates == null || candidates.isEmpty()) throw new IllegalArgumentException("no candidate models");
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Candidate::trialId));
        Set<Integer> ids = new HashSet<>();
        int n = targets.size();
        for (Candidate c : sorted) {
            if (!ids.add(c.trialId())) throw new IllegalArgumentException("duplicate candidate trial " + c.trialId());
            Predictions p = c.predictions();
            if (p == null || p.size() != n) {
                throw new IllegalArgumentException("trial " + c.trialId() + ": predictions for "
                        + (p == null ? 0 : p.size()) + " rows, targets have " + n);
            }
            if (p.isClassification() != targets.isClassification()) {
                throw new IllegalArgumentException("trial " + c.trialId() + ": predictions do not match the task");
            }
            if (p.isClassification()) {
                int k = targets.classNames().size();
                for (double[] row : p.probabilities()) {
                    if (row.length != k) {
                        throw new IllegalArgumentException("trial " + c.trialId() + ": " + row.length
                                + " probability columns, " + k + " classes");
                    }
                }
            }
        }
        return sorted;
    }

    /**
     * The running sum of the picked candidates' predictions, flattened row-major, and scratch space in which
     * trial averages are formed without allocating.
     */
    private static final class Averager {
        private final double[][] flat;   // candidate -> n*k (or n) values
        private final int n;
        private final int k;             // probability columns, 0 for regression
        private final double[] sum;
        private int picks;
        private final double[][] scratchRows;
        private final double[] scratchValues;
        private final Predictions scratch;

        Averager(List<Candidate> pool, int n) {
            this.n = n;
            boolean classification = pool.get(0).predictions().isClassification();
            this.k = classification ? (n == 0 ? 0 : pool.get(0).predictions().probabilities()[0].length) : 0;
            int width = classification ? n * k : n;
            flat = new double[pool.size()][];
            for (int c = 0; c < pool.size(); c++) {
                Predictions p = pool.get(c).predictions();
                double[] f = new double[width];
                if (classification) {
                    for (int i = 0; i < n; i++) System.arraycopy(p.probabilities()[i], 0, f, i * k, k);
                } else {
                    System.arraycopy(p.values(), 0, f, 0, n);
                }
                flat[c] = f;
            }
            sum = new double[width];
            scratchRows = classification ? new double[n][k] : null;
            scratchValues = classification ? null : new double[n];
            scratch = classification ? Predictions.ofProbabilities(scratchRows) : Predictions.ofValues(scratchValues);
        }

        void add(int c) {
            double[] f = flat[c];
            for (int j = 0; j < sum.length; j++) sum[j] += f[j];
            picks++;
        }

        /** The average of the picked candidates and {@code c}, in the scratch predictions. */
        Predictions withCandidate(int c) {
            return fill(flat[c], 1.0, 1.0 / (picks + 1));
        }

        /** Candidate {@code c} alone, in the scratch predictions. */
        Predictions candidateOnly(int c) {
            return fill(flat[c], 0.0, 1.0);
        }

        /** The average of the picked candidates, in the scratch predictions. */
        Predictions current() {
            return fill(flat[0], 1.0, 1.0 / picks, 0.0);
        }

        /** A fresh (not scratch) weighted average with weights proportional to {@code counts}. */
        Predictions weighted(int[] counts) {
            double total = sum(counts);
            double[] out = new double[sum.length];
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] == 0) continue;
                double w = counts[c] / total;
                for (int j = 0; j < out.length; j++) out[j] += w * flat[c][j];
            }
            if (k == 0) return Predictions.ofValues(out);
            double[][] rows = new double[n][k];
            for (int i = 0; i < n; i++) System.arraycopy(out, i * k, rows[i], 0, k);
            return Predictions.ofProbabilities(rows);
        }

        private Predictions fill(double[] extra, double sumWeight, double scale) {
            return fill(extra, sumWeight, scale, 1.0);
        }

        /** scratch = (sumWeight * sum + extraWeight * extra) * scale, row by row; plain loops for speed. */
        private Predictions fill(double[] extra, double sumWeight, double scale, double extraWeight) {
            if (k == 0) {
                for (int i = 0; i < n; i++) scratchValues[i] = (sumWeight * sum[i] + extraWeight * extra[i]) * scale;
            } else {
                for (int i = 0; i < n; i++) {
                    double[] row = scratchRows[i];
                    int base = i * k;
                    for (int j = 0; j < k; j++) {
                        row[j] = (sumWeight * sum[base + j] + extraWeight * extra[base + j]) * scale;
                    }
                }
            }
            return scratch;
        }
    }
}
