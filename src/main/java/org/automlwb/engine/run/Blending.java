package org.automlwb.engine.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Metrics;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.ensemble.Calibration;
import org.automlwb.engine.ensemble.CalibrationChoice;
import org.automlwb.engine.ensemble.CaruanaEnsemble;
import org.automlwb.engine.ensemble.CombinerFitter;
import org.automlwb.engine.ensemble.CrossFit;
import org.automlwb.engine.ensemble.EnsembleSelection;
import org.automlwb.engine.ensemble.StackingFitter;
import org.automlwb.engine.ensemble.StackingMetalearner;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the search: which way of using the candidates to keep, the best single model, a Caruana ensemble or a
 * stack, and whether calibrating its probabilities helps. Each is scored on the out-of-fold rows by its metric,
 * cross-fitted ({@link CrossFit}) so that none is scored on the rows it learnt from: the ensemble's weights, the
 * stack's metalearner, and the choice of the best single model too. That last one matters after a long search on
 * small data: the best of thousands of trials is partly the luckiest, and its own out-of-fold score flatters it
 * against blends scored honestly (blood-transfusion, 598 rows, 3,780 trials: 0.757 AUC out of fold, 0.777 on
 * test, with the stack not kept). The blends come out best first, so that the refit can fall back to the next
 * when one cannot be refit in time. Deterministic for a seed.
 */
final class Blending {
    private static final Logger LOG = LoggerFactory.getLogger(Blending.class);
    /** Folds of the cross-fitting of combiners and calibrations. */
    static final int FOLDS = 5;

    private Blending() { }

    /**
     * One way to make the final model.
     *
     * @param kind        single, weighted ensemble or stack
     * @param members     the trials whose refits it needs, in the order of {@code weights} / the stack's weights
     * @param weights     raw weights of a weighted ensemble (1 for a single model, unused for a stack)
     * @param stack       the metalearner over {@code members}' predictions, or null
     * @param calibration applied to the combined probabilities (identity for none)
     * @param predictions its out-of-fold predictions (cross-fitted for ensembles), calibrated as it would be
     * @param score       the run's metric on them
     * @param entry       its leaderboard entry: the single trial itself, or a new entry for an ensemble or stack
     * @param rankScore   what the blends are ranked by: {@code score}, except for the single model, whose choice
     *                    among the candidates is cross-fitted like the blends' weights (when there are blends)
     */
    record Blend(ModelBundle.Kind kind, List<TrialResult> members, double[] weights, StackingMetalearner stack,
                 Calibration calibration, Predictions predictions, double score, TrialResult entry,
                 double rankScore) { }

    /**
     * The blends to try, best first (at least the best single model when any trial succeeded).
     *
     * @param candidates successful trials that kept their out-of-fold predictions, best first
     * @param best       the best successful trial (it may have lost its out-of-fold predictions on a resume)
     * @param ensembles  whether ensembles and stacks may be built (the user can switch them off)
     * @param nextId     the leaderboard id for the first new entry
     * @param stopAt     {@link System#nanoTime()} by which the ensemble and the stack must be done (the refit of
     *                   the best model needs the rest of the budget); what is not done by then is left out
     */
    static List<Blend> rank(List<TrialResult> candidates, TrialResult best, Targets targets, TaskType task,
                            Metric metric, long seed, boolean ensembles, int nextId, long stopAt) {
        List<Blend> out = new ArrayList<>();
        Blend single = single(best, targets, task, metric, seed);
        out.add(single);
        // The constant baseline never helps: for AUC it is rank-neutral, so it would win ties and flatten the
        // blend's probabilities towards the class priors.
        List<TrialResult> pool = candidates.stream().filter(r -> !r.spec().algorithm().equals("baseline"))
                .sorted(Comparator.comparingInt(r -> r.spec().trialId())).toList();
        if (ensembles && pool.size() >= 2) {
            List<Blend> blends = Collections.synchronizedList(new ArrayList<>());
            boolean done = Timed.run("blending", stopAt, () -> {
                List<Predictions> oof = pool.stream().map(TrialResult::oof).toList();
                int id = nextId;
                Blend caruana = caruana(pool, oof, targets, task, metric, seed, id);
                if (caruana != null) {
                    blends.add(caruana);
                    id++;
                }
                Blend stack = stack(pool, oof, targets, task, metric, seed, id);
                if (stack != null) blends.add(stack);
                if (!blends.isEmpty() && single.predictions() != null) {
                    blends.add(chosenHonestly(single, pool, oof, targets, metric, seed));
                }
            });
            synchronized (blends) {
                // Without the honest single score the blends cannot be compared with the single model fairly.
                Blend honest = blends.stream().filter(b -> b.kind() == ModelBundle.Kind.SINGLE).findFirst()
                        .orElse(null);
                if (honest != null) {
                    out.set(0, honest);
                    blends.stream().filter(b -> b.kind() != ModelBundle.Kind.SINGLE).forEach(out::add);
                }
            }
            if (!done) LOG.info("ensembles left out: not done before the time the refit needs ({} of them done)",
                    out.size() - 1);
        }
        // Ties go to the single model: an ensemble no better than it is not worth its refits.
        List<Blend> ranked = new ArrayList<>(out);
        ranked.sort(Comparator.<Blend>comparingDouble(x -> metric.toLoss(x.rankScore()))
                .thenComparing(x -> x.kind() != ModelBundle.Kind.SINGLE));
        LOG.info("blends, best first: {}", ranked.stream().map(b -> b.kind().key() + " " + metric.key() + " "
                + String.format(java.util.Locale.ROOT, "%.6g", b.rankScore())).toList());
        return ranked;
    }

    /** Whether a leaderboard entry is an ensemble or a stack made here rather than a trial of the search. */
    static boolean isBlend(TrialResult r) {
        return "ensemble".equals(r.spec().origin()) || "stack".equals(r.spec().origin());
    }

    private static Blend single(TrialResult best, Targets targets, TaskType task, Metric metric, long seed) {
        Calibration c = Calibration.identity();
        Predictions p = best.oof();
        double score = best.score();
        if (p != null) {
            CalibrationChoice choice = CalibrationChoice.choose(task, metric, targets, p, FOLDS, seed);
            if (choice.helps()) {
                c = choice.calibration();
                p = c.apply(p);
                score = choice.calibrated();
            }
        }
        return new Blend(ModelBundle.Kind.SINGLE, List.of(best), new double[] {1}, null, c, p, score, best, score);
    }

    /**
     * The single model with its rank score made comparable with the blends': the score of choosing the best
     * candidate on four fifths of the rows and predicting the fifth with it, plus the gain its calibration brought
     * to its own score (calibration is cross-fitted already).
     */
    private static Blend chosenHonestly(Blend single, List<TrialResult> pool, List<Predictions> oof, Targets targets,
                                        Metric metric, long seed) {
        Predictions chosen = CrossFit.predictions(oof, targets, CombinerFitter.bestSingle(metric), FOLDS, seed);
        double calibrationGain = single.score() - single.entry().score();
        double honest = metric.compute(targets, chosen) + calibrationGain;
        return new Blend(single.kind(), single.members(), single.weights(), single.stack(), single.calibration(),
                single.predictions(), single.score(), single.entry(), honest);
    }

    private static Blend caruana(List<TrialResult> pool, List<Predictions> oof, Targets targets, TaskType task,
                                 Metric metric, long seed, int id) {
        Predictions crossFitted = CrossFit.predictions(oof, targets, CombinerFitter.caruana(metric), FOLDS, seed);
        List<CaruanaEnsemble.Candidate> candidates = new ArrayList<>();
        for (int m = 0; m < pool.size(); m++) candidates.add(new CaruanaEnsemble.Candidate(m, oof.get(m)));
        EnsembleSelection s = new CaruanaEnsemble(metric).select(candidates, targets);
        List<TrialResult> members = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int m = 0; m < pool.size(); m++) {
            if (s.weight(m) > 0) {
                members.add(pool.get(m));
                weights.add(s.weight(m));
            }
        }
        if (members.size() < 2) return null; // an ensemble of one is the single model again
        Map<String, Object> shown = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            shown.put("trial_" + members.get(i).spec().trialId(), Math.round(weights.get(i) * 1000) / 1000.0);
        }
        return finish(ModelBundle.Kind.WEIGHTED_ENSEMBLE, members,
                weights.stream().mapToDouble(Double::doubleValue).toArray(), null, crossFitted, targets, task, metric,
                seed, id, shown);
    }

    private static Blend stack(List<TrialResult> pool, List<Predictions> oof, Targets targets, TaskType task,
                               Metric metric, long seed, int id) {
        StackingMetalearner all = StackingFitter.fit(task, oof, targets, seed).metalearner();
        // The cross-fit keeps the penalty the full fit chose instead of choosing it again in every fold: one
        // number picked by its own inner cross-validation barely flatters the score, and re-tuning cost five
        // times as much (kddcup99, 23k held-out rows x 23 classes: 34 s of a 60 s budget).
        double[] lambda = {all.lambda()};
        CombinerFitter fixed = (members, rows) -> StackingFitter.fit(task, members, rows, lambda,
                StackingFitter.DEFAULT_FOLDS, seed).metalearner();
        Predictions crossFitted = CrossFit.predictions(oof, targets, fixed, FOLDS, seed);
        int[] used = all.usedMembers();
        if (used.length == 0) return null;
        double[] w = all.weights();
        double[] kept = new double[used.length];
        List<TrialResult> members = new ArrayList<>();
        Map<String, Object> shown = new LinkedHashMap<>();
        for (int i = 0; i < used.length; i++) {
            kept[i] = w[used[i]];
            members.add(pool.get(used[i]));
            shown.put("trial_" + pool.get(used[i]).spec().trialId(), Math.round(kept[i] * 1000) / 1000.0);
        }
        StackingMetalearner stack = new StackingMetalearner(task, kept, all.biases(), all.lambda());
        return finish(ModelBundle.Kind.STACK, members, new double[used.length], stack, crossFitted, targets, task,
                metric, seed, id, shown);
    }

    /** Calibrates the cross-fitted predictions when that helps, and makes the leaderboard entry. */
    private static Blend finish(ModelBundle.Kind kind, List<TrialResult> members, double[] weights,
                                StackingMetalearner stack, Predictions crossFitted, Targets targets, TaskType task,
                                Metric metric, long seed, int id, Map<String, Object> shown) {
        CalibrationChoice choice = CalibrationChoice.choose(task, metric, targets, crossFitted, FOLDS, seed);
        Calibration c = choice.helps() ? choice.calibration() : Calibration.identity();
        Predictions p = c.apply(crossFitted);
        double score = metric.compute(targets, p);
        if (c.kind() != Calibration.Kind.IDENTITY) shown.put("calibration", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        String algorithm = kind == ModelBundle.Kind.STACK ? "stack" : "ensemble";
        TrialSpec spec = new TrialSpec(id, algorithm, new Config(shown), seed, algorithm);
        TrialResult entry = new TrialResult(spec, TrialStatus.OK, score, Metrics.all(task, targets, p), 0, null, null,
                0);
        return new Blend(kind, members, weights, stack, c, p, score, entry, score);
    }
}
