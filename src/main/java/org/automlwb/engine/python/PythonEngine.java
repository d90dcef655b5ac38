package org.automlwb.engine.python;

import java.util.List;
import java.util.Objects;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.api.AutoMLEngine;
import org.automlwb.engine.api.Availability;
import org.automlwb.engine.api.EngineFailedException;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.EnginePrepared;
import org.automlwb.engine.api.EngineResult;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;

/**
 * The Python engines behind the engine API: each run starts the engine script in a child process
 * ({@link PythonSearch}). Offered only where a Python with scikit-learn (and, for auto-sklearn, auto-sklearn)
 * imports; otherwise {@link #availability} says in one line what to install.
 */
public abstract class PythonEngine implements AutoMLEngine {
    private final EngineKind kind;
    private final PythonEngineKind python;

    PythonEngine(EngineKind kind, PythonEngineKind python) {
        this.kind = kind;
        this.python = python;
    }

    @Override
    public EngineKind kind() { return kind; }

    @Override
    public Availability availability() {
        String why = PythonLocator.find().whyNot(python);
        return why == null ? Availability.yes() : Availability.no(why);
    }

    @Override
    public EnginePrepared prepare(PreparedRun data) throws BadInputException {
        PythonRuntime runtime = PythonSearch.require(python);
        return (context, listener, cancel) -> {
            // alone, the clock started when the data's preparation began; a share of a run of several engines has
            // its own budget and clock, like the Tribuo engine's
            boolean whole = context.startNanos() == data.startNanos()
                    && Objects.equals(context.budget(), data.spec().budget());
            PreparedRun p = whole ? data : data.forShare(context.budget(), context.startNanos());
            RunResult r = PythonSearch.run(p, python, runtime, context.journal(), context.resume().nextTrialId(),
                    cancel, List.of(listener));
            if (r.summary().outcome() == RunSummary.Outcome.FAILED && r.leaderboard().isEmpty()) {
                throw new EngineFailedException(kind, r.summary().message(), null);
            }
            return new EngineResult(kind, r);
        };
    }

    /** scikit-learn pipelines ({@code --engine sklearn}). */
    public static final class Sklearn extends PythonEngine {
        /** For the service loader. */
        public Sklearn() { super(EngineKind.SKLEARN, PythonEngineKind.SKLEARN); }
    }

    /** auto-sklearn ({@code --engine auto-sklearn}), where it imports. */
    public static final class AutoSklearn extends PythonEngine {
        /** For the service loader. */
        public AutoSklearn() { super(EngineKind.AUTO_SKLEARN, PythonEngineKind.AUTO_SKLEARN); }
    }
}
