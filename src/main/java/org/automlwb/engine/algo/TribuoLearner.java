package org.automlwb.engine.algo;

import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.LabelledMatrix;
import org.automlwb.engine.OutputAdapter;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * Trains a Tribuo {@link Trainer} on a {@link LabelledMatrix}. The rows become a Tribuo dataset once per matrix
 * (kept in its cache), so the trials that share a fold share its dataset. Tribuo trainers cannot stop part-way:
 * the stop signal is not polled, and a fit past its time runs to its end on its own thread.
 */
final class TribuoLearner implements Learner {
    /** The cache key of the Tribuo dataset in a {@link LabelledMatrix}. */
    private static final String DATASET = "tribuo-dataset";

    private final Trainer<? extends Output<?>> trainer;
    private final TaskType task;

    TribuoLearner(Trainer<? extends Output<?>> trainer, TaskType task) {
        this.trainer = trainer;
        this.task = task;
    }

    @Override
    public TrainedModel fit(LabelledMatrix train, LabelledMatrix validation, FitControl control) {
        return fit(train);
    }

    @SuppressWarnings("unchecked")
    private <T extends Output<T>> TrainedModel fit(LabelledMatrix train) {
        OutputAdapter<T> out = (OutputAdapter<T>) OutputAdapter.of(task, train.targets().classNames(),
                TribuoModel.REGRESSION_DIMENSION);
        MutableDataset<T> ds = train.derived(DATASET, () -> FeatureMatrix.dataset(
                train.x().examples(i -> out.truth(train.targets(), i)), out.factory(), train.rows() + " training rows"));
        Model<T> model = ((Trainer<T>) trainer).train(ds);
        return new TribuoModel(model, task, train.targets().classNames());
    }

    @Override
    public String toString() {
        return "TribuoLearner(" + trainer + ")";
    }
}
