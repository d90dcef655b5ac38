package org.automlwb.engine.tribuo;

import java.util.List;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.api.AutoMLEngine;
import org.automlwb.engine.api.Availability;
import org.automlwb.engine.api.EngineContext;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.EnginePrepared;
import org.automlwb.engine.api.EngineResult;
import org.automlwb.engine.run.AutoMLRun;
import org.automlwb.engine.run.TrialExecutors;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.search.Searchers;

/**
 * Our own engine: portfolio, TPE and random search over the Tribuo and LightGBM catalogue, Caruana ensemble and
 * stack, refit ({@link AutoMLRun}). Always available: it is the product's own code.
 */
public final class TribuoEngine implements AutoMLEngine {
    @Override
    public EngineKind kind() { return EngineKind.TRIBUO; }

    @Override
    public Availability availability() { return Availability.yes(); }

    @Override
    public EnginePrepared prepare(PreparedRun data) throws BadInputException {
        Searchers.check(data.spec().search());
        if (data.algorithms().isEmpty()) {
            throw new BadInputException("no Tribuo algorithm is left to try for this data",
                    "enable more algorithms (--algorithms, or the space file)");
        }
        // A cluster is connected to now, before the run writes anything: one that has no worker for it, or workers
        // too small for a fold, is one line with nothing on disk.
        TrialExecutors.connect(data);
        return (EngineContext context, RunListener listener, CancelToken cancel) -> {
            // A run of this engine alone keeps the clock that started when the data was prepared, as it always did;
            // a share of a run of several has its own budget and clock.
            boolean whole = context.startNanos() == data.startNanos() && java.util.Objects.equals(context.budget(),
                    data.spec().budget());
            PreparedRun p = whole ? data : data.forShare(context.budget(), context.startNanos());
            return new EngineResult(EngineKind.TRIBUO,
                    AutoMLRun.run(p, context.journal(), context.resume(), cancel, List.of(listener)));
        };
    }
}
