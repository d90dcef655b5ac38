package org.automlwb.export;

import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;

/**
 * A finished experiment: where it was written and what the engine produced.
 *
 * @param folder the experiment folder
 * @param result the engine's result (final model, leaderboard, summary)
 */
public record ExperimentOutcome(ExperimentFolder folder, RunResult result) {
    public RunSummary summary() { return result.summary(); }
}
