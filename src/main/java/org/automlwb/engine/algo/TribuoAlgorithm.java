package org.automlwb.engine.algo;

import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.tribuo.Output;
import org.tribuo.Trainer;

/** An algorithm that Tribuo trains: it builds a Tribuo {@link Trainer}, and the learner wraps it. */
public interface TribuoAlgorithm extends Algorithm {
    /**
     * Builds the trainer. The output type is {@code Label} for classification and {@code Regressor} for
     * regression.
     *
     * @param threads native threads the trainer may use (only XGBoost uses more than one)
     */
    Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads);

    @Override
    default Learner learner(TaskType task, Config config, long seed, int threads) {
        return new TribuoLearner(trainer(task, config, seed, threads), task);
    }
}
