package org.automlwb.ui.run;

import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.data.LoadedData;
import java.util.List;
import java.util.function.Supplier;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.automlwb.prep.Recipe;

/** Starts an experiment; the real one writes it under the models folder, tests pass a scripted one. */
@FunctionalInterface
public interface RunLauncher {
    /** Runs to the end (or until {@code cancel}), reporting to {@code listener} from engine threads. */
    ExperimentOutcome run(LoadedData train, RunSpec spec, Recipe recipe, Path modelsRoot, CancelToken cancel,
                          RunListener listener) throws BadInputException, InterruptedException;

    /** {@link Experiments#run} without test data, with the Tribuo engine alone. */
    static RunLauncher experiments() {
        return experiments(() -> List.of(EngineKind.TRIBUO), () -> null);
    }

    /**
     * {@link Experiments#run} with the engines {@code engines} gives and the test file the Search view names (read on
     * the run's thread, as {@code run --test} reads it; none when it names none), both taken when the run starts.
     */
    static RunLauncher experiments(Supplier<List<EngineKind>> engines, Supplier<Path> testFile) {
        return (train, spec, recipe, root, cancel, listener) -> {
            Path test = testFile.get();
            LoadedData testData = test == null ? null : org.automlwb.data.CsvLoader.load(test);
            return Experiments.run(train, testData, new RunPlan(engines.get(), spec), recipe, root, cancel, listener);
        };
    }
}
