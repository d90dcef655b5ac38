package org.automlwb.ui.results;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.automlwb.export.Deployment;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.export.serving.Deployer;
import org.automlwb.export.serving.SchemaChangedException;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.dialog.ErrorReport;
import org.automlwb.ui.run.RunErrors;
import org.automlwb.ui.task.TaskExecutor;

/**
 * The Results view's Deploy action: the chosen model as the next version of a served model in the
 * {@code deployment/} folder beside the run's {@code models/} folder (as {@code deploy} does on the command line),
 * under a name the user can change, made the current version when asked. The work runs off the UI thread; where it
 * went is said in {@link #statusProperty()}.
 */
public final class DeployViewModel {
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<ExperimentOutcome> outcome;
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty promote = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * @param executor where the deployment is written, off the UI thread
     * @param dialogs  where a refusal or failure is shown
     * @param outcome  the experiment shown; its exported model is what is deployed
     */
    public DeployViewModel(TaskExecutor executor, DialogService dialogs, ObjectProperty<ExperimentOutcome> outcome) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.outcome = outcome;
        outcome.addListener((obs, o, n) -> reset(n));
        reset(outcome.get());
    }

    /** The served model's name; the model's id until the user changes it. */
    public StringProperty nameProperty() { return name; }
    /** Whether the new version becomes the current one. */
    public BooleanProperty promoteProperty() { return promote; }
    /** True while a deployment is written. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True when the run exported a model that can be deployed. */
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }
    /** Where the last deployment went, in a sentence; empty before one. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    private void reset(ExperimentOutcome o) {
        status.set("");
        available.set(o != null && o.trainedModel() != null);
        name.set(o == null || o.trainedModel() == null ? "" : o.trainedModel().id());
    }

    /** Deploys the shown experiment's model. */
    public void deploy() {
        ExperimentOutcome o = outcome.get();
        if (o == null || busy.get()) return;
        if (o.trainedModel() == null) {
            dialogs.showInfo("No model to deploy", "This run has no exported model: no trial succeeded, or exporting "
                    + "failed (see the log).");
            return;
        }
        String wanted = name.get() == null || name.get().isBlank() ? null : name.get().strip();
        Path model = o.trainedModel().dir().toAbsolutePath().normalize();
        Deployer.Request request = new Deployer.Request(model,
                Deployment.rootFor(model.getParent().getParent()), wanted, promote.get(), false);
        busy.set(true);
        status.set("Deploying…");
        executor.submit("deploy", () -> Deployer.deploy(request),
                r -> {
                    busy.set(false);
                    status.set("Deployed as " + r.name() + " " + r.version()
                            + (r.promoted() ? " (now the current version)" : r.previous() == null ? ""
                            : " (" + r.previous() + " stays the current version)") + ": " + r.dir());
                },
                error -> {
                    busy.set(false);
                    status.set("");
                    dialogs.showError(report(error));
                });
    }

    static ErrorReport report(Throwable error) {
        Throwable e = error.getCause() instanceof SchemaChangedException s ? s : error;
        if (e instanceof SchemaChangedException changed) {
            return new ErrorReport("Not deployed: the inputs changed", "This model reads its input columns with "
                    + "other types than the version that is served, so clients of that version would break:\n"
                    + String.join("\n", changed.details()).replace("  ", ""),
                    "Deploy it under another name, or deploy it from the command line with --allow-schema-change "
                    + "once clients send the new types.", changed.oneLine());
        }
        return RunErrors.report("The model could not be deployed", "The deployment failed", error);
    }
}
