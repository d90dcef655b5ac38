package org.automlwb.ui.run;

import java.util.Map;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;

/** Hand-made trial results for tests. */
public final class Trials {
    private Trials() { }

    public static TrialResult ok(int id, String algorithm, double score) {
        return new TrialResult(new TrialSpec(id, algorithm, Config.of("depth", id % 7 + 1), 7L, "random"),
                TrialStatus.OK, score, Map.of("accuracy", score), 0.25, null, null, 0);
    }

    public static TrialResult failed(int id, String algorithm, String error) {
        return new TrialResult(new TrialSpec(id, algorithm, Config.empty(), 7L, "random"), TrialStatus.FAILED,
                Double.NaN, Map.of(), 0.0, error, null, 0);
    }
}
