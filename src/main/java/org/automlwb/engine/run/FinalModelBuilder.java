package org.automlwb.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.trial.FitAbortedException;
import org.automlwb.engine.trial.Refitter;
import org.automlwb.engine.trial.TrialResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refits the chosen configuration(s) on all training rows. An ensemble's members are refit in parallel; when
 * that cannot finish in time the best single model is refit instead, and when even that fails, the next best.
 */
final class FinalModelBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(FinalModelBuilder.class);

    private final Refitter refitter;
    private final java.util.function.Function<String, Algorithm> algorithms;
    private final int cores;
    private final CancelToken cancel;
    private final RefitEstimate estimate;
    private final Deadline deadline;

    FinalModelBuilder(Refitter refitter, java.util.function.Function<String, Algorithm> algorithms, int cores,
                      CancelToken cancel, RefitEstimate estimate, Deadline deadline) {
        this.refitter = refitter;
        this.algorithms = algorithms;
        this.cores = cores;
        this.cancel = cancel;
        this.estimate = estimate;
        this.deadline = deadline;
    }

    /**
     * Refits an ensemble's or a stack's members, in parallel; null when that is not expected to finish in time, or
     * when any member fails or times out. The calibration is the caller's to add.
     */
    ModelBundle blend(Blending.Blend blend, long deadlineNanos) {
        List<SingleModel> refit = refitAll(blend.members(), deadlineNanos);
        if (refit == null) return null;
        if (blend.kind() == ModelBundle.Kind.STACK) return ModelBundle.stacked(refit, blend.stack());
        List<ModelBundle.Member> out = new ArrayList<>();
        for (int i = 0; i < refit.size(); i++) out.add(new ModelBundle.Member(refit.get(i), blend.weights()[i]));
        return ModelBundle.weighted(out);
    }

    private List<SingleModel> refitAll(List<TrialResult> members, long deadlineNanos) {
        double need = estimate.together(members, cores);
        double left = (deadlineNanos - System.nanoTime()) / 1e9;
        if (deadline.bounded() && need > left) {
            LOG.info("refitting {} models needs about {} s, {} s left: refitting the best model alone",
                    members.size(), Math.round(need), Math.round(left));
            return null;
        }
        int threadsEach = Math.max(1, cores / members.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(cores, members.size()), r -> {
            Thread t = new Thread(r, "refit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SingleModel>> futures = new ArrayList<>();
            for (TrialResult m : members) {
                futures.add(pool.submit(() -> refit(m, threadsEach, deadlineNanos)));
            }
            List<SingleModel> out = new ArrayList<>();
            for (Future<SingleModel> f : futures) out.add(f.get());
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.info("refitting the ensemble's members abandoned: {}", e.getCause().getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Refits the best trial that can be refit, trying them in leaderboard order.
     *
     * @return the model and the trial it came from, or null when none could be refit
     */
    Chosen single(List<TrialResult> rankedOk, long deadlineNanos) {
        Chosen within = firstRefit(rankedOk, deadlineNanos);
        if (within != null || rankedOk.isEmpty()) return within;
        // Past the budget, a late model beats none: refit the best one without a deadline.
        LOG.warn("no refit finished within the budget; refitting trial {} regardless",
                rankedOk.get(0).spec().trialId());
        return firstRefit(rankedOk.subList(0, 1), System.nanoTime() + java.time.Duration.ofDays(1).toNanos());
    }

    /** Refits the first trial, in rank order, whose refit is expected to fit before the deadline. */
    private Chosen firstRefit(List<TrialResult> rankedOk, long deadlineNanos) {
        for (TrialResult r : rankedOk) {
            double left = (deadlineNanos - System.nanoTime()) / 1e9;
            if (deadline.bounded() && rankedOk.size() > 1 && estimate.of(r) > left) {
                LOG.info("trial {} would need about {} s to refit, {} s left: trying the next best",
                        r.spec().trialId(), Math.round(estimate.of(r)), Math.round(left));
                continue;
            }
            if (cancel.isCancelled() && !rankedOk.isEmpty() && r != rankedOk.get(0)) break;
            try {
                return new Chosen(ModelBundle.single(refit(r, cores, deadlineNanos)), r);
            } catch (FitAbortedException e) {
                LOG.warn("refit of trial {} ({}) failed: {}; trying the next best", r.spec().trialId(),
                        r.spec().algorithm(), e.getMessage());
            }
        }
        return null;
    }

    private SingleModel refit(TrialResult r, int threads, long deadlineNanos) throws FitAbortedException {
        Algorithm a = algorithms.apply(r.spec().algorithm());
        // One thread, as in the search: an OpenMP team of two on a machine where anything else runs spin-waits (a
        // LightGBM refit on 50,000 rows took 50 s on two threads beside other work, 4.8 s on one).
        int t = Math.max(1, a.threadsPerFit(r.spec().config(), threads));
        // The final refit is not cancelled with the search: a stopped run still leaves a usable model.
        return refitter.refit(a, r.refitConfig(), r.spec().seed(), t, CancelToken.none(), deadlineNanos);
    }

    /** A refit model and the leaderboard entry it stands for. */
    record Chosen(ModelBundle model, TrialResult trial) { }
}
