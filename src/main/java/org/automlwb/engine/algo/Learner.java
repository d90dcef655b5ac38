package org.automlwb.engine.algo;

import org.automlwb.engine.LabelledMatrix;
import org.automlwb.engine.TrainedModel;

/**
 * One configured algorithm, ready to train: made by {@link Algorithm#learner} for a configuration, a seed and a
 * number of threads. Stateless between fits, so one learner may train every fold of a trial.
 */
@FunctionalInterface
public interface Learner {
    /**
     * Trains on {@code train}.
     *
     * @param validation rows the learner may watch to stop early (boosting rounds), or null when it must train
     *                   exactly as configured (the final refit, which reuses what the trial learnt)
     * @param control    polled between iterations by learners that can stop part-way (see {@link FitControl})
     * @throws Exception anything the library throws; the trial records it as the reason it failed
     */
    TrainedModel fit(LabelledMatrix train, LabelledMatrix validation, FitControl control) throws Exception;
}
