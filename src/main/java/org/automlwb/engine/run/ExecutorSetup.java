package org.automlwb.engine.run;

import org.automlwb.common.CancelToken;
import org.automlwb.engine.trial.Pruner;

/**
 * What an executor needs to run one run's trials somewhere else.
 *
 * @param settings  which executor, and for a cluster which one
 * @param context   the run's context, sent once to every worker
 * @param pruner    the run's pruner: a remote executor sends a {@link Pruner#snapshot} with each trial and records
 *                  the losses a report brings back in this one
 * @param cancel    the run's cancel token: once cancelled, running trials must stop promptly
 * @param foldBytes about how much memory one prepared fold takes on a worker, to refuse workers that are too small
 */
public record ExecutorSetup(ExecutorSettings settings, RunContext context, Pruner pruner, CancelToken cancel,
                            long foldBytes) { }
