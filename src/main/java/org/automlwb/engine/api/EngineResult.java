package org.automlwb.engine.api;

import java.util.List;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.run.RunResult;

/**
 * What one engine's part of a run produced.
 *
 * @param engine the engine
 * @param run    its models (best first), its chosen model refit for use (a bundle whose members name their artifact
 *               format, or null when no model succeeded), its test predictions and the validation rows they were
 *               all scored on: the shape export, the report and the Results view read
 */
public record EngineResult(EngineKind engine, RunResult run) {
    /** Its leaderboard, engine-neutral, best first. */
    public List<LeaderboardRow> leaderboard() {
        return run.leaderboard().stream().map(LeaderboardRow::of).toList();
    }

    /** Its chosen model, or null when none succeeded. */
    public ModelBundle model() { return run.model(); }
}
