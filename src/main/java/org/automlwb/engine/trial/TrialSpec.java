package org.automlwb.engine.trial;

import org.automlwb.engine.space.Config;

/**
 * What to train and evaluate in one trial.
 *
 * @param trialId   1-based, unique in a run, in the order trials were suggested
 * @param algorithm the algorithm id
 * @param config    its hyperparameters
 * @param seed      the seed for this trial (derived from the run seed and the trial id)
 * @param origin    who suggested it: {@code portfolio}, {@code tpe}, {@code random}, {@code ensemble}
 */
public record TrialSpec(int trialId, String algorithm, Config config, long seed, String origin)
        implements java.io.Serializable { }
