package org.automlwb.engine.trial;

import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.FittedFeatures;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.OutputAdapter;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.space.Config;
import org.automlwb.prep.TrainingRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * Trains the final model of a configuration: the pipeline fitted on every training row, then the algorithm on
 * all of them. Same time limits and cancellation as a trial.
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
        SingleModel model = Fits.await(() -> fit(algorithm, config, seed, threads), cancel, deadlineNanos,
                "the run's time budget");
        LOG.info("refitted {} on {} rows in {}", algorithm.id(), data.rows(), Fits.seconds(System.nanoTime() - start));
        return model;
    }

    @SuppressWarnings("unchecked")
    private <T extends Output<T>> SingleModel fit(Algorithm algorithm, Config config, long seed, int threads) {
        FittedFeatures features = pipelines.forAlgorithm(algorithm).fit(data.table(), data.target());
        TrainingRows kept = features.applyForTraining(data.table()); // the recipe's row filters act
        FeatureMatrix x = FeatureMatrix.of(kept.features(), features.featureNames());
        OutputAdapter<T> out = (OutputAdapter<T>) OutputAdapter.of(data.task(), data.classNames(), data.target());
        MutableDataset<T> ds = FeatureMatrix.dataset(x.examples(i -> out.truth(data.targets(), kept.rows()[i])),
                out.factory(), "all training rows");
        Trainer<T> trainer = (Trainer<T>) algorithm.trainer(data.task(), config, seed, threads);
        Model<T> model = trainer.train(ds);
        return new SingleModel(features, model, algorithm.id(), config, data.task(), data.classNames());
    }
}
