package org.automlwb.experiment;

import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.export.ModelExport;

/**
 * A finished experiment: where it was written and what the engine produced.
 *
 * @param folder       the experiment folder
 * @param result       the engine's result (final model, leaderboard, summary)
 * @param trainedModel the chosen model exported under {@code models/trained_models/}, or null without a model
 */
public record ExperimentOutcome(ExperimentFolder folder, RunResult result, ModelExport.ExportedModel trainedModel) {
    /** An outcome without an exported model. */
    public ExperimentOutcome(ExperimentFolder folder, RunResult result) {
        this(folder, result, null);
    }

    public RunSummary summary() { return result.summary(); }
}
