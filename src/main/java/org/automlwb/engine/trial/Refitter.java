package org.automlwb.engine.trial;

import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.FeaturePipeline;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.FittedFeatures;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.LabelledMatrix;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.FitControl;
import org.automlwb.engine.space.Config;
import org.automlwb.prep.TrainingRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the final model of a configuration: the pipeline fitted on every training row, then the algorithm on
 * all of them, without early stopping (the configuration carries what the trial's fits learnt, e.g. the boosting
 * rounds: {@link TrialResult#refitConfig()}). Same time limits and cancellation as a trial.
 */
public final class Refitter {
    private static final Logger LOG = LoggerFactory.getLogger(Refitter.class);

    private final LabelledData data;
    private final FeaturePipelines pipelines;

    public Refitter(LabelledData data, FeaturePipelines pipelines) {
        this.data = data;
        this.pipelines = pipelines;
    }

    /**
     * Fits pipeline and model on all rows.
     *
     * @param deadlineNanos when to give up, on the {@link System#nanoTime()} scale
     * @throws FitAbortedException FAILED (with a one-line reason), TIMEOUT or CANCELLED
     */
    public SingleModel refit(Algorithm algorithm, Config config, long seed, int threads, CancelToken cancel,
                             long deadlineNanos) throws FitAbortedException {
        long start = System.nanoTime();
        long softDeadline = start + (long) ((deadlineNanos - start) * 0.9);
        SingleModel model = Fits.await(stop -> fit(algorithm, config, seed, threads,
                FitControl.until(stop, softDeadline)), cancel, deadlineNanos, "the run's time budget");
        LOG.info("refitted {} on {} rows in {}", algorithm.id(), data.rows(), Fits.seconds(System.nanoTime() - start));
        return model;
    }

    private SingleModel fit(Algorithm algorithm, Config config, long seed, int threads, FitControl control)
            throws Exception {
        FeaturePipeline.Fit fit = pipelines.of(algorithm.encoding()).fitTransform(data.table(), data.target(),
                data.targets());
        FittedFeatures features = fit.features();
        LabelledMatrix all = rows(fit);
        fit = null; // the preprocessed table goes with it
        TrainedModel model = algorithm.learner(data.task(), config, seed, threads).fit(all, null, control);
        return new SingleModel(features, model, algorithm.id(), config, data.task(), data.classNames());
    }

    /**
     * The transformed rows as a matrix, in a method of its own so that the preprocessed table is garbage once the
     * matrix exists and is not held through the fit (adult: 30 MB).
     */
    private LabelledMatrix rows(FeaturePipeline.Fit fit) {
        TrainingRows kept = fit.rows(); // the recipe's row filters act
        FeatureMatrix x = FeatureMatrix.of(kept.features(), fit.features().featureNames(),
                fit.features().categoricalFeatures());
        return LabelledMatrix.of(x, data.targets().select(kept.rows()));
    }
}
