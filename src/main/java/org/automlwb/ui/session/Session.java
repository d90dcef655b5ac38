package org.automlwb.ui.session;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.prep.Recipe;

/**
 * What the flow's views share: the open data and its profile (Data), the target and task (Data), the recipe
 * (Prepare), the run settings (Search), and the last finished experiment (Run → Results). Properties only; each
 * view model reads and writes the parts it owns.
 */
public final class Session {
    private final ObjectProperty<LoadedData> data = new SimpleObjectProperty<>();
    private final ObjectProperty<DatasetProfile> profile = new SimpleObjectProperty<>();
    private final StringProperty target = new SimpleStringProperty();
    private final ObjectProperty<TaskType> taskOverride = new SimpleObjectProperty<>();
    private final ObjectProperty<Recipe> recipe = new SimpleObjectProperty<>();
    private final ObjectProperty<RunSpec> settings = new SimpleObjectProperty<>(RunSpec.defaults(""));
    private final ObjectProperty<Path> modelsRoot = new SimpleObjectProperty<>(defaultModelsRoot());
    private final ObjectProperty<ExperimentOutcome> lastOutcome = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> testFile = new SimpleObjectProperty<>();
    private final ObjectProperty<List<EngineKind>> engines = new SimpleObjectProperty<>(List.of(EngineKind.TRIBUO));

    /** The loaded training data, or null. */
    public ObjectProperty<LoadedData> dataProperty() { return data; }

    /** Its profile, once computed, or null. */
    public ObjectProperty<DatasetProfile> profileProperty() { return profile; }

    /** The column to predict, or null until chosen. */
    public StringProperty targetProperty() { return target; }

    /** A task forced by the user, or null to infer it. */
    public ObjectProperty<TaskType> taskOverrideProperty() { return taskOverride; }

    /** The preprocessing recipe as edited, or null for the automatic one. */
    public ObjectProperty<Recipe> recipeProperty() { return recipe; }

    /** Budget, metric, validation, threads, seed, search and space as set in the Search view (target ignored). */
    public ObjectProperty<RunSpec> settingsProperty() { return settings; }

    /** Where experiments are written. */
    public ObjectProperty<Path> modelsRootProperty() { return modelsRoot; }

    /**
     * A separate test CSV (same columns, target included), scored once at the end by the chosen model only, as
     * {@code run --test} does; null for none.
     */
    public ObjectProperty<Path> testFileProperty() { return testFile; }

    /** The engines a run uses, in order (ticked in the Search view); Tribuo alone by default. */
    public ObjectProperty<List<EngineKind>> enginesProperty() { return engines; }

    /** The engines and settings a run is started with. */
    public RunPlan runPlan() { return new RunPlan(engines.get(), runSpec()); }

    /** The last finished experiment, or null. */
    public ObjectProperty<ExperimentOutcome> lastOutcomeProperty() { return lastOutcome; }

    /**
     * The settings with the chosen target and task: what a run is started with. Validation follows the budget
     * set in Search (holdout above 10,000 rows for budgets up to 5 minutes, as on the command line).
     */
    public RunSpec runSpec() {
        RunSpec s = settings.get();
        return s.withTarget(target.get()).withTask(taskOverride.get())
                .withHoldoutAbove(RunSpec.holdoutAboveFor(s.budget()));
    }

    private static Path defaultModelsRoot() {
        return Path.of(System.getProperty("user.home"), "AutoML Workbench", "models");
    }
}
