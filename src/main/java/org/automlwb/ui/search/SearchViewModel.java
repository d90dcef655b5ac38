package org.automlwb.ui.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.EngineRegistry;
import org.automlwb.engine.algo.AlgorithmCatalogue;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.space.SpaceFile;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.dialog.ErrorReport;
import org.automlwb.ui.session.Session;
import org.automlwb.ui.task.TaskExecutor;

/**
 * The Search view's state: the algorithms that apply to the task, each on or off with its ranges, the presets,
 * and the run settings (budget, trials, metric, folds, threads, seed, ensemble). While every field is valid the
 * result is put into {@link Session#settingsProperty()} as a {@link RunSpec} carrying a {@link SpaceFile}.
 */
public final class SearchViewModel {
    /** Most cross-validation folds offered. */
    public static final int MAX_FOLDS = 10;

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Session session;
    private final ObservableValue<TaskType> task;
    private final ObservableList<AlgorithmEditor> algorithms = FXCollections.observableArrayList();
    private final ObservableList<Metric> metrics = FXCollections.observableArrayList();
    private final List<EngineChoice> engines = new ArrayList<>();
    private final IntegerProperty budgetSeconds = new SimpleIntegerProperty(60);
    private final IntegerProperty maxTrials = new SimpleIntegerProperty(0);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>();
    private final IntegerProperty folds = new SimpleIntegerProperty(5);
    private final IntegerProperty threads = new SimpleIntegerProperty(Runtime.getRuntime().availableProcessors());
    private final IntegerProperty seed = new SimpleIntegerProperty(42);
    private final BooleanProperty ensemble = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<SearchPreset> preset = new ReadOnlyObjectWrapper<>(SearchPreset.FAST);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final InvalidationListener onEdit = this::edited;
    private boolean applyingPreset;
    private Path lastDirectory;

    /** @param task the task the run will have (from the Data view), or null while unknown */
    public SearchViewModel(TaskExecutor executor, DialogService dialogs, Session session,
                           ObservableValue<TaskType> task) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.session = session;
        this.task = task;
        task.addListener((obs, o, t) -> rebuild());
        for (Observable p : List.of(budgetSeconds, maxTrials, metric, folds, threads, seed, ensemble)) {
            p.addListener(onEdit);
        }
        budgetSeconds.addListener(o -> presetEdited());
        for (EngineKind k : EngineRegistry.installed().kinds()) {
            EngineChoice c = new EngineChoice(k, session.enginesProperty().get().contains(k));
            c.selectedProperty().addListener(onEdit);
            engines.add(c);
        }
        checkEngines();
        rebuild();
    }

    /** The optional test file (the session's): scored once at the end, it fills the Test column in Results. */
    public ObjectProperty<Path> testFileProperty() { return session.testFileProperty(); }

    /** Asks for a test CSV, starting next to the training file. */
    public void chooseTestFile() {
        Path start = session.dataProperty().get() == null ? lastDirectory
                : session.dataProperty().get().source().toAbsolutePath().getParent();
        dialogs.chooseCsvFile(start).ifPresent(p -> session.testFileProperty().set(p.toAbsolutePath().normalize()));
    }

    /** Runs without a test file again. */
    public void clearTestFile() { session.testFileProperty().set(null); }

    /** Asks each engine whether it can run here, off the UI thread (a Python engine starts Python to know). */
    private void checkEngines() {
        EngineRegistry registry = EngineRegistry.installed();
        for (EngineChoice c : engines) {
            executor.submit("check the " + c.kind().key() + " engine", () -> registry.availability(c.kind()),
                    a -> { if (!a.available()) c.markUnavailable(a.reason()); }, e -> c.markUnavailable(
                            "its check failed: " + e.getMessage()));
        }
    }

    /** The engines of this build, each ticked or not; a run uses the ticked ones, one after another. */
    public List<EngineChoice> engines() { return List.copyOf(engines); }

    /** The algorithms that can learn the task, cheapest first. */
    public ObservableList<AlgorithmEditor> algorithms() { return algorithms; }
    /** The metrics that apply to the task. */
    public ObservableList<Metric> metrics() { return metrics; }
    /** Wall-clock budget in seconds; 0 for none (then max trials must be set). */
    public IntegerProperty budgetSecondsProperty() { return budgetSeconds; }
    /** Most trials; 0 for no limit. */
    public IntegerProperty maxTrialsProperty() { return maxTrials; }
    public ObjectProperty<Metric> metricProperty() { return metric; }
    public IntegerProperty foldsProperty() { return folds; }
    public IntegerProperty threadsProperty() { return threads; }
    public IntegerProperty seedProperty() { return seed; }
    public BooleanProperty ensembleProperty() { return ensemble; }
    /** The preset last applied, or null once the settings were changed by hand. */
    public ReadOnlyObjectProperty<SearchPreset> presetProperty() { return preset.getReadOnlyProperty(); }
    /** Why the settings cannot be used yet; empty when they are put into the session. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public TaskType task() { return task.getValue(); }

    /** Sets the budget and the algorithms of a preset (ranges are kept). */
    public void applyPreset(SearchPreset p) {
        applyingPreset = true;
        try {
            budgetSeconds.set((int) p.budget().toSeconds());
            maxTrials.set(0);
            for (AlgorithmEditor a : algorithms) a.enabledProperty().set(p.includes(a.id()));
            preset.set(p);
        } finally {
            applyingPreset = false;
        }
    }

    /** The edited space: every algorithm's switch and every range; empty while a range is invalid. */
    public Optional<SpaceFile> spaceFile() {
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        Map<String, List<Param>> params = new LinkedHashMap<>();
        for (AlgorithmEditor a : algorithms) {
            Optional<SearchSpace> s = a.space();
            if (s.isEmpty()) return Optional.empty();
            enabled.put(a.id(), a.enabledProperty().get());
            if (!s.get().params().isEmpty()) params.put(a.id(), s.get().params()); // as SpaceFile.parse reads it
        }
        return Optional.of(new SpaceFile(enabled, params));
    }

    /** The space as {@code space.json} text, or empty while a range is invalid. */
    public Optional<String> spaceJson() {
        if (spaceFile().isEmpty()) return Optional.empty();
        Map<String, SearchSpace> spaces = new LinkedHashMap<>();
        Set<String> disabled = new HashSet<>();
        for (AlgorithmEditor a : algorithms) {
            spaces.put(a.id(), a.space().orElseThrow());
            if (!a.enabledProperty().get()) disabled.add(a.id());
        }
        return Optional.of(SpaceFile.write(spaces, disabled));
    }

    /** Shows a space file: switches and ranges for the algorithms it names; the others keep theirs. */
    public void load(SpaceFile file) {
        for (AlgorithmEditor a : algorithms) {
            a.enabledProperty().set(file.isEnabled(a.id()));
            AlgorithmCatalogue.byId(a.id()).ifPresent(algo -> a.set(file.apply(a.id(), algo.space(task()))));
        }
    }

    /** Asks for a file and writes the space there. */
    public void save() {
        Optional<String> json = spaceJson();
        if (json.isEmpty()) return;
        dialogs.chooseJsonToSave("Save Search Space", lastDirectory, "space.json").ifPresent(file -> {
            lastDirectory = file.getParent();
            executor.submit("save space", () -> Files.writeString(file, json.get(), StandardCharsets.UTF_8),
                    ok -> { }, e -> dialogs.showError(new ErrorReport("Could not save the search space",
                            "Writing " + file.getFileName() + " failed: " + e.getMessage(), "Choose another folder.",
                            "")));
        });
    }

    /** Asks for a {@code space.json} and shows it. */
    public void open() {
        dialogs.chooseJsonToOpen("Open Search Space", lastDirectory).ifPresent(file -> {
            lastDirectory = file.getParent();
            executor.submit("open space", () -> SpaceFile.parse(Files.readString(file, StandardCharsets.UTF_8)),
                    this::load, e -> dialogs.showError(new ErrorReport("Could not open " + file.getFileName(),
                            "It is not a search-space file: " + e.getMessage(),
                            "Save one from this view to see the expected shape.", "")));
        });
    }

    private void rebuild() {
        for (AlgorithmEditor a : algorithms) unlisten(a);
        TaskType t = task.getValue();
        List<AlgorithmEditor> next = new ArrayList<>();
        if (t != null) {
            for (Algorithm a : AlgorithmCatalogue.all()) if (a.supports(t)) next.add(new AlgorithmEditor(a, a.space(t)));
        }
        algorithms.setAll(next);
        for (AlgorithmEditor a : algorithms) listen(a);
        metrics.setAll(t == null ? List.of() : Metric.forTask(t));
        if (t != null && (metric.get() == null || !metric.get().appliesTo(t))) metric.set(Metric.defaultFor(t));
        if (preset.get() != null) applyPreset(preset.get());
        edited(null);
    }

    private void listen(AlgorithmEditor a) {
        a.enabledProperty().addListener(onEdit);
        a.enabledProperty().addListener(o -> presetEdited());
        for (ParamEditor p : a.params()) p.errorProperty().addListener(onEdit);
        for (ParamEditor p : a.params()) {
            for (Observable o : List.of(p.lowProperty(), p.highProperty(), p.logProperty())) o.addListener(onEdit);
            p.choices().forEach(c -> c.on().addListener(onEdit));
        }
    }

    private void unlisten(AlgorithmEditor a) {
        a.enabledProperty().removeListener(onEdit);
        for (ParamEditor p : a.params()) {
            p.errorProperty().removeListener(onEdit);
            for (Observable o : List.of(p.lowProperty(), p.highProperty(), p.logProperty())) o.removeListener(onEdit);
            p.choices().forEach(c -> c.on().removeListener(onEdit));
        }
    }

    private void presetEdited() {
        if (!applyingPreset) preset.set(null);
    }

    private void edited(Observable ignored) {
        Optional<RunSpec> spec = runSpec();
        problem.set(spec.isPresent() ? "" : currentProblem());
        spec.ifPresent(s -> session.settingsProperty().set(s));
        List<EngineKind> ticked = engines.stream().filter(c -> c.selectedProperty().get()).map(EngineChoice::kind)
                .toList();
        if (!ticked.isEmpty()) session.enginesProperty().set(ticked);
    }

    private String currentProblem() {
        if (task.getValue() == null) return "Pick the column to predict in Data first.";
        if (engines.stream().noneMatch(c -> c.selectedProperty().get())) return "Tick at least one engine.";
        long bad = algorithms.stream().flatMap(a -> a.params().stream()).filter(p -> !p.isValid()).count();
        if (bad > 0) return bad == 1 ? "One range needs fixing." : bad + " ranges need fixing.";
        if (algorithms.stream().noneMatch(a -> a.enabledProperty().get())) return "Switch on at least one algorithm.";
        if (budgetSeconds.get() <= 0 && maxTrials.get() <= 0) return "Set a time budget or a number of trials.";
        return "";
    }

    /** The settings as a run spec (target and task left to the session), or empty while something is invalid. */
    public Optional<RunSpec> runSpec() {
        if (!currentProblem().isEmpty()) return Optional.empty();
        Optional<SpaceFile> space = spaceFile();
        if (space.isEmpty()) return Optional.empty();
        Duration budget = budgetSeconds.get() > 0 ? Duration.ofSeconds(budgetSeconds.get()) : null;
        RunSpec base = session.settingsProperty().get();
        return Optional.of(new RunSpec(base.target(), base.task(), metric.get(), budget, Math.max(0, maxTrials.get()),
                Math.max(1, threads.get()), seed.get(), base.search(), base.algorithms(),
                Math.max(2, Math.min(MAX_FOLDS, folds.get())), RunSpec.holdoutAboveFor(budget),
                base.trialCapSeconds(), ensemble.get(), space.get()));
    }
}
