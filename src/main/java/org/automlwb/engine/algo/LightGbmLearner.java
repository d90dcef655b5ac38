package org.automlwb.engine.algo;

import java.util.Map;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.LabelledMatrix;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.algo.lightgbm.DenseRows;
import org.automlwb.engine.algo.lightgbm.LightGbmFit;
import org.automlwb.engine.algo.lightgbm.LightGbmObjective;
import org.automlwb.engine.algo.lightgbm.LightGbmParams;
import org.automlwb.engine.algo.lightgbm.LightGbmTrainer;

/**
 * Trains LightGBM on a fold (early stopping on the fold's validation rows) or on all rows (exactly the rounds
 * learnt). The matrix's category-code columns are passed as categorical features.
 */
final class LightGbmLearner implements Learner {
    /**
     * The refit trains a little longer than the folds chose: it learns from all rows, where each fold learnt from
     * (k-1)/k of them, and more rows bear more rounds before they overfit.
     */
    static final double REFIT_ROUNDS_FACTOR = 1.1;
    /** Rounds without improvement before a fit stops: long enough for slow, steady gains on small data. */
    static final int MIN_PATIENCE = 50;

    private final TaskType task;
    private final LightGbmParams params;
    private final boolean fixedRounds;
    private final int threads;
    private final long seed;

    LightGbmLearner(TaskType task, LightGbmParams params, boolean fixedRounds, int threads, long seed) {
        this.task = task;
        this.params = params;
        this.fixedRounds = fixedRounds;
        this.threads = Math.max(1, threads);
        this.seed = seed;
    }

    @Override
    public TrainedModel fit(LabelledMatrix train, LabelledMatrix validation, FitControl control) {
        FeatureMatrix x = train.x();
        int classes = task.isClassification() ? train.targets().classNames().size() : 1;
        LightGbmTrainer trainer = new LightGbmTrainer(objective(task, classes), classes, x.names(),
                x.categoricalIndices(), capped(params, x.rows()), threads, seed)
                .withPatience(Math.max(MIN_PATIENCE, params.rounds() / 10))
                .withStopCheck(control.stop())
                .withTimeUp(control.timeUp());
        DenseRows rows = DenseRows.rowMajor(x.rowMajor(), x.rows(), x.features());
        LightGbmFit fit;
        if (validation == null || fixedRounds) {
            fit = trainer.fit(rows, labels(train.targets()));
        } else {
            FeatureMatrix v = validation.x();
            fit = trainer.fit(rows, labels(train.targets()), DenseRows.rowMajor(v.rowMajor(), v.rows(), v.features()),
                    labels(validation.targets()));
        }
        int refitRounds = (int) Math.ceil(fit.bestIteration() * REFIT_ROUNDS_FACTOR);
        return new LightGbmTrainedModel(fit.toModel(), task, train.targets().classNames(),
                validation == null || fixedRounds ? Map.of() : Map.of(LightGbm.ROUNDS, refitRounds),
                fit.stopReason().name().toLowerCase(java.util.Locale.ROOT), x.rows());
    }

    /** A leaf may not need more than a tenth of the rows, or nothing would split on small data. */
    private static LightGbmParams capped(LightGbmParams p, int rows) {
        int most = Math.max(1, rows / 10);
        return p.minDataInLeaf() <= most ? p : p.toBuilder().minDataInLeaf(most).build();
    }

    private static LightGbmObjective objective(TaskType task, int classes) {
        return switch (task) {
            case REGRESSION -> LightGbmObjective.REGRESSION;
            case BINARY -> LightGbmObjective.BINARY;
            case MULTICLASS -> LightGbmObjective.classification(classes);
        };
    }

    /** Class indices or values as LightGBM labels. */
    private static double[] labels(Targets t) {
        if (!t.isClassification()) return t.values();
        double[] y = new double[t.size()];
        for (int i = 0; i < y.length; i++) y[i] = t.classIndex()[i];
        return y;
    }
}
