package org.automlwb.engine.algo;

import java.util.function.BooleanSupplier;
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
     * @param stop       polled between iterations by learners that can stop part-way; true means give up now (the
     *                   fit's time is over or the run was stopped): throw, the result is not wanted
     * @throws Exception anything the library throws; the trial records it as the reason it failed
     */
    TrainedModel fit(LabelledMatrix train, LabelledMatrix validation, BooleanSupplier stop) throws Exception;
}
