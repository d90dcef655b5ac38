package org.automlwb.ui.prepare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.LoadedData;
import org.automlwb.prep.FitResult;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.RecipeInputException;
import org.automlwb.prep.Step;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.dialog.ErrorReport;
import org.automlwb.ui.session.Session;
import org.automlwb.ui.task.TaskExecutor;
import org.automlwb.ui.task.TaskHandle;
import tech.tablesaw.api.Table;

/**
 * The Prepare view's state: the recipe being edited (steps on or off, undo and redo), the selected step, the
 * problems {@link Recipe#validate} finds, and a live preview of a sample of the data after the recipe. Every
 * edit puts the effective recipe (the steps switched on) into {@link Session#recipeProperty()}.
 */
public final class PrepareViewModel {
    /** The most rows the preview fits on. */
    public static final int PREVIEW_ROWS = 2_000;

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Session session;
    private final Debouncer debouncer;
    private final ObservableList<RecipeDraft.Item> items = FXCollections.observableArrayList();
    // One read-only view each, held here: a wrapper made per call would be collected with its listeners.
    private final ObservableList<RecipeDraft.Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyObjectWrapper<PreviewState> previewState = new ReadOnlyObjectWrapper<>(PreviewState.NONE);
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final Deque<RecipeDraft> undo = new ArrayDeque<>();
    private final Deque<RecipeDraft> redo = new ArrayDeque<>();
    private RecipeDraft draft = new RecipeDraft(List.of());
    private TaskHandle previewJob;
    private long generation;
    private Path lastDirectory;
    private final DataExport dataExport;

    public PrepareViewModel(TaskExecutor executor, DialogService dialogs, Session session, Debouncer debouncer) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.session = session;
        this.debouncer = debouncer;
        this.dataExport = new DataExport(executor, dialogs, session);
        session.dataProperty().addListener((obs, o, d) -> onInputChanged(
                o == null || d == null || !o.source().equals(d.source())));
        session.targetProperty().addListener((obs, o, t) -> onInputChanged(false));
    }

    /** The steps, in order, each on or off. Read-only for views: edit through the methods. */
    public ObservableList<RecipeDraft.Item> items() { return itemsView; }
    /** The selected step's index, or -1. */
    public IntegerProperty selectedProperty() { return selected; }
    /** Problems with the effective recipe on this data, each naming its step. */
    public ObservableList<String> problems() { return problemsView; }
    public ReadOnlyObjectProperty<PreviewState> previewStateProperty() { return previewState.getReadOnlyProperty(); }
    /** The latest preview, or null; kept while a new one is computed. */
    public ReadOnlyObjectProperty<Preview> previewProperty() { return preview.getReadOnlyProperty(); }
    /** What the preview shows or why it failed. */
    public ReadOnlyStringProperty previewMessageProperty() { return previewMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }

    /** The current state of the editor. */
    public RecipeDraft draft() { return draft; }
    /** The recipe of the steps switched on. */
    public Recipe recipe() { return draft.effective(); }

    /** The columns of the data as read (name → type), the target included; empty without data. */
    public Map<String, ColumnKind> columns() {
        LoadedData d = session.dataProperty().get();
        return d == null ? Map.of() : d.kinds();
    }

    /** The target column, or null. */
    public String target() { return session.targetProperty().get(); }

    /** Adds a new step of this kind after the selected one (at the end when none is), and selects it. */
    public void add(StepKind kind) {
        int at = selected.get() < 0 ? draft.items().size() : selected.get() + 1;
        edit(draft.inserted(at, new RecipeDraft.Item(kind.create(columns(), target()), true)), at);
    }

    /** Removes the step at {@code index}. */
    public void remove(int index) {
        int sel = Math.min(index, draft.items().size() - 2);
        edit(draft.without(index), sel);
    }

    /** Moves the step at {@code from} to position {@code to} (its index afterwards). */
    public void move(int from, int to) {
        if (from == to || to < 0 || to >= draft.items().size()) return;
        edit(draft.moved(from, to), to);
    }

    /** Switches the step at {@code index} on or off. */
    public void setEnabled(int index, boolean enabled) {
        RecipeDraft.Item it = draft.items().get(index);
        if (it.enabled() != enabled) edit(draft.with(index, new RecipeDraft.Item(it.step(), enabled)), index);
    }

    /** Replaces the settings of the step at {@code index}. */
    public void replace(int index, Step step) {
        RecipeDraft.Item it = draft.items().get(index);
        if (!it.step().equals(step)) edit(draft.with(index, new RecipeDraft.Item(step, it.enabled())), index);
    }

    /** Replaces the whole recipe, every step switched on (undoable). */
    public void replaceAll(Recipe recipe) {
        edit(RecipeDraft.of(recipe), -1);
    }

    /** Replaces the recipe by the automatic one for this data and target (undoable). */
    public void automatic() {
        LoadedData d = session.dataProperty().get();
        if (d == null) return;
        replaceAll(Recipe.automatic(d.table(), target()));
    }

    public void undo() {
        if (undo.isEmpty()) return;
        redo.push(draft);
        show(undo.pop(), -1);
    }

    public void redo() {
        if (redo.isEmpty()) return;
        undo.push(draft);
        show(redo.pop(), -1);
    }

    /** Asks for a file and writes the effective recipe there as JSON. */
    public void save() {
        dialogs.chooseJsonToSave("Save Recipe", lastDirectory, "recipe.json").ifPresent(file -> {
            lastDirectory = file.getParent();
            String json = recipe().toJson();
            executor.submit("save recipe", () -> Files.writeString(file, json, StandardCharsets.UTF_8), ok -> { },
                    e -> dialogs.showError(new ErrorReport("Could not save the recipe",
                            "Writing " + file.getFileName() + " failed: " + e.getMessage(),
                            "Choose another folder.", "")));
        });
    }

    /** Export prepared data… and Save recipe to feature_engineering/, with their progress. */
    public DataExport dataExport() { return dataExport; }

    /** Writes the open file through the current recipe into the data/ layout (asks where first). */
    public void exportPrepared() { dataExport.exportPrepared(recipe()); }

    /** Fits the current recipe on the open file and saves it to data/feature_engineering/. */
    public void saveToFeatureEngineering() { dataExport.saveRecipe(recipe()); }

    /** Asks for a recipe JSON file and replaces the recipe by it (undoable). */
    public void open() {
        dialogs.chooseJsonToOpen("Open Recipe", lastDirectory).ifPresent(file -> {
            lastDirectory = file.getParent();
            executor.submit("open recipe", () -> Recipe.fromJson(Files.readString(file, StandardCharsets.UTF_8)),
                    this::replaceAll, e -> dialogs.showError(ErrorReport.openFailed(file, e)));
        });
    }

    /**
     * A new file starts from the automatic recipe for it, which the user then edits; so does a re-read of the
     * same file (a column type changed) or a new target while the user has not edited the recipe. Otherwise the
     * edited recipe stays, checked against the new columns.
     */
    private void onInputChanged(boolean newFile) {
        if (newFile) {
            undo.clear();
            redo.clear();
        }
        LoadedData d = session.dataProperty().get();
        RecipeDraft next;
        if (d == null) next = new RecipeDraft(List.of());
        else if (target() != null && undo.isEmpty()) next = RecipeDraft.of(Recipe.automatic(d.table(), target()));
        else next = draft;
        show(next, -1);
    }

    private void edit(RecipeDraft next, int select) {
        undo.push(draft);
        redo.clear();
        show(next, select);
    }

    private void show(RecipeDraft next, int select) {
        draft = next;
        items.setAll(next.items());
        selected.set(Math.min(select, items.size() - 1));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        session.recipeProperty().set(next.effective());
        LoadedData d = session.dataProperty().get();
        problems.setAll(d == null ? List.of() : next.effective().validate(d.kinds(), target()));
        schedulePreview();
    }

    private void schedulePreview() {
        long asked = ++generation;
        if (previewJob != null) previewJob.cancel();
        LoadedData d = session.dataProperty().get();
        if (d == null || target() == null) {
            previewState.set(PreviewState.NONE);
            preview.set(null);
            previewMessage.set(d == null ? "Open a CSV file first." : "Pick the column to predict in Data first.");
            return;
        }
        if (!problems.isEmpty()) {
            previewState.set(PreviewState.FAILED);
            previewMessage.set("No preview until the problems above are fixed.");
            return;
        }
        previewState.set(PreviewState.UPDATING);
        previewMessage.set("Updating the preview…");
        Recipe recipe = draft.effective();
        String target = target();
        debouncer.request(() -> {
            if (asked != generation) return; // a newer edit has its own request
            previewJob = executor.submit("recipe preview", () -> compute(d.table(), recipe, target),
                    this::onPreview, this::onPreviewFailed);
        });
    }

    private void onPreview(Preview p) {
        preview.set(p);
        previewState.set(PreviewState.READY);
        previewMessage.set(p.rows().rowCount() == p.sampled()
                ? p.sampled() + " sample rows after the recipe"
                : p.rows().rowCount() + " of " + p.sampled() + " sample rows kept for training after the recipe");
    }

    private void onPreviewFailed(Throwable e) {
        previewState.set(PreviewState.FAILED);
        previewMessage.set("The recipe failed on the sample: " + reason(e));
    }

    private static String reason(Throwable e) {
        if (e instanceof RecipeInputException r) {
            var b = r.badInput();
            return (b.column() == null ? "" : "column '" + b.column() + "' ") + b.getMessage()
                    + (b.hint() == null ? "" : " (" + b.hint() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Fits the recipe on an evenly spread sample of at most {@link #PREVIEW_ROWS} rows. */
    static Preview compute(Table data, Recipe recipe, String target) {
        Table sample = sample(data, PREVIEW_ROWS);
        FitResult fit = recipe.fitTransform(sample, target);
        return new Preview(fit.features(), sample.rowCount(), ColumnChange.between(sample, fit.features(), target));
    }

    /** Every k-th row, so the sample spans the file (its start may be sorted) and is the same every time. */
    static Table sample(Table data, int max) {
        int n = data.rowCount();
        if (n <= max) return data;
        int[] rows = new int[max];
        for (int i = 0; i < max; i++) rows[i] = (int) ((long) i * n / max);
        return data.rows(rows);
    }
}
