package org.automlwb.ui.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.common.BadInputException;
import org.automlwb.export.ExperimentDisplayName;
import org.automlwb.export.ExperimentList;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.export.ExperimentRemoval;
import org.automlwb.export.ExperimentSummary;
import org.automlwb.experiment.SavedExperiment;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.run.RunErrors;
import org.automlwb.ui.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Experiments view's state: every experiment in the models folder (newest first), and what the user does with
 * them: open one into Results, compare several, rename, delete. Files are read and removed off the UI thread.
 */
public final class ExperimentsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentsViewModel.class);

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<Path> modelsRoot;
    private final Consumer<ExperimentOutcome> onOpen;
    private final ObservableList<ExperimentSummary> experiments = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ExperimentSummary> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Consumer<List<Path>> onDeleted = dirs -> { };

    /**
     * @param modelsRoot where runs write ({@code models/}); the list follows it
     * @param onOpen     shows an experiment read back from its folder (in Results)
     */
    public ExperimentsViewModel(TaskExecutor executor, DialogService dialogs, ObjectProperty<Path> modelsRoot,
                                Consumer<ExperimentOutcome> onOpen) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.modelsRoot = modelsRoot;
        this.onOpen = onOpen;
        modelsRoot.addListener((obs, o, n) -> refresh());
    }

    /** Told the folders of deleted experiments, so that a view showing one of them can let it go. */
    public void setOnDeleted(Consumer<List<Path>> onDeleted) { this.onDeleted = onDeleted; }

    /** Every experiment in the models folder, newest first. */
    public ObservableList<ExperimentSummary> experiments() { return experiments; }
    /** The newest experiment that has a model, or null: what Results offers when it has nothing to show. */
    public ReadOnlyObjectProperty<ExperimentSummary> latestProperty() { return latest.getReadOnlyProperty(); }
    /** The experiments compared last, or null. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    /** One line on what was done or went wrong. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** True while files are read or removed: the actions wait. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The models folder listed. */
    public Path modelsRoot() { return modelsRoot.get(); }

    /** Lists the models folder again. A folder that does not exist yet (no run so far) lists nothing. */
    public void refresh() {
        Path root = modelsRoot.get();
        executor.submit("list experiments", () -> Files.isDirectory(root) ? ExperimentList.of(root)
                        : List.<ExperimentSummary>of(),
                list -> {
                    experiments.setAll(list);
                    latest.set(list.stream().filter(s -> s.problem() == null && s.leader() != null).findFirst()
                            .orElse(null));
                },
                error -> status.set("The experiments could not be listed: " + message(error)));
    }

    /** Reads {@code s} from its folder and shows it in Results. */
    public void open(ExperimentSummary s) {
        if (s == null || busy.get()) return;
        busy.set(true);
        status.set("Opening " + s.displayName() + "…");
        Path root = modelsRoot.get();
        executor.submit("open experiment", () -> SavedExperiment.read(s.dir(), root),
                outcome -> {
                    busy.set(false);
                    status.set("");
                    onOpen.accept(outcome);
                },
                error -> {
                    busy.set(false);
                    status.set("");
                    LOG.warn("cannot open experiment {}", s.dir(), error);
                    dialogs.showError(RunErrors.report("This experiment cannot be opened", "This experiment cannot be opened", error));
                });
    }

    /** File › Open experiment…: asks for an experiment folder (or any file in one) and opens it. */
    public void openWithChooser() {
        Optional<Path> chosen = dialogs.chooseFolder("Open Experiment", modelsRoot.get().resolve("experiments"));
        if (chosen.isEmpty()) return;
        Path dir = chosen.get();
        if (!Files.exists(dir.resolve("config.json")) && dir.getParent() != null
                && Files.exists(dir.getParent().resolve("config.json"))) {
            dir = dir.getParent();
        }
        Path experimentsDir = dir.getParent();
        if (experimentsDir != null && experimentsDir.getParent() != null
                && "experiments".equals(String.valueOf(experimentsDir.getFileName()))
                && !experimentsDir.getParent().equals(modelsRoot.get())) {
            LOG.info("opening an experiment from another models folder: {}", experimentsDir.getParent());
        }
        Path folder = dir;
        open(new ExperimentSummary(folder.getFileName().toString(), folder, null, null, null, null, null, null,
                null, 0, null, null, ExperimentSummary.DEFAULT_ENGINE, null, ExperimentDisplayName.read(folder)));
    }

    /** Reads the chosen experiments and puts them side by side; two or more are needed. */
    public void compare(List<ExperimentSummary> chosen) {
        if (busy.get()) return;
        if (chosen.size() < 2) {
            status.set("Select two or more experiments to compare (Ctrl+click or Shift+click).");
            return;
        }
        List<ExperimentSummary> list = List.copyOf(chosen);
        Path root = modelsRoot.get();
        busy.set(true);
        status.set("Reading " + list.size() + " experiments…");
        executor.submit("compare experiments", () -> {
                    List<ExperimentOutcome> outcomes = new ArrayList<>();
                    for (ExperimentSummary s : list) outcomes.add(SavedExperiment.read(s.dir(), root));
                    return Comparison.of(list, outcomes);
                },
                c -> {
                    busy.set(false);
                    status.set("");
                    comparison.set(c);
                },
                error -> {
                    busy.set(false);
                    status.set("The experiments could not be compared: " + message(error));
                });
    }

    /** Closes the comparison. */
    public void closeComparison() { comparison.set(null); }

    /** Asks for a new display name for {@code s} and stores it in its folder; the folder's id does not change. */
    public void rename(ExperimentSummary s) {
        if (s == null || busy.get()) return;
        Optional<String> name = dialogs.askText("Rename Experiment", "Name (the folder stays " + s.id() + "):",
                s.name() == null ? "" : s.name());
        if (name.isEmpty()) return;
        try {
            String stored = ExperimentDisplayName.write(s.dir(), name.get());
            status.set(stored == null ? "The name of " + s.id() + " is removed." : "Renamed to " + stored + ".");
        } catch (BadInputException e) {
            dialogs.showError(RunErrors.report("The name could not be saved", "The name could not be saved", e));
        }
        refresh();
    }

    /**
     * Deletes the chosen experiments after asking: to the desktop's trash when it has one, for good otherwise (the
     * question says which). Their exported models under {@code trained_models/} are kept.
     */
    public void delete(List<ExperimentSummary> chosen) {
        if (chosen.isEmpty() || busy.get()) return;
        List<ExperimentSummary> list = List.copyOf(chosen);
        boolean trash = dialogs.trashAvailable();
        String what = list.size() == 1 ? "“" + list.get(0).displayName() + "”" : list.size() + " experiments";
        String how = trash ? "They go to the trash, where you can restore them."
                : "This desktop has no trash that the app can use: they are deleted for good.";
        if (!dialogs.confirm("Delete " + what + "?", how + " Exported models in trained_models/ are kept.",
                trash ? "Move to Trash" : "Delete for good")) {
            return;
        }
        busy.set(true);
        executor.submit("delete experiments", () -> {
                    int n = 0;
                    for (ExperimentSummary s : list) {
                        if (!(trash && dialogs.moveToTrash(s.dir()))) ExperimentRemoval.delete(s.dir());
                        n++;
                    }
                    return n;
                },
                n -> {
                    busy.set(false);
                    status.set(n == 1 ? "Deleted " + what + "." : "Deleted " + n + " experiments.");
                    Comparison c = comparison.get();
                    if (c != null && c.experiments().stream().anyMatch(list::contains)) comparison.set(null);
                    onDeleted.accept(list.stream().map(ExperimentSummary::dir).toList());
                    refresh();
                },
                error -> {
                    busy.set(false);
                    dialogs.showError(RunErrors.report("The experiment could not be deleted", "The experiment could not be deleted", error));
                    refresh();
                });
    }

    /** Opens the experiment's folder in the file manager. */
    public void openFolder(ExperimentSummary s) {
        if (s == null) return;
        Path dir = s.dir().toAbsolutePath().normalize();
        LOG.info("opening the experiment folder with the system's program: {}", dir);
        dialogs.openExternally(dir);
        status.set("Asked the system to open " + dir + " (if nothing opened, open it yourself).");
    }

    private static String message(Throwable e) {
        return e instanceof BadInputException b ? b.oneLine() : String.valueOf(e.getMessage());
    }
}
