package org.automlwb.ui.target;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.TaskDetector;
import org.automlwb.engine.TaskType;
import org.automlwb.ui.session.Session;
import org.automlwb.ui.task.TaskExecutor;
import org.automlwb.ui.task.TaskHandle;

/**
 * The Data view's target choice: the column to predict (the profile's suggestion preselected), the task inferred
 * from it off the UI thread, a task override, and per-column type overrides (which re-load the file).
 */
public final class TargetViewModel {
    private final TaskExecutor executor;
    private final Session session;
    private final Consumer<Map<String, ColumnKind>> reloadWithTypes;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TaskType> detectedTask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TaskType> task = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper detecting = new ReadOnlyBooleanWrapper();
    private final Map<String, ColumnKind> typeOverrides = new LinkedHashMap<>();
    private TaskHandle running;

    /**
     * @param session         where the target and task override live
     * @param reloadWithTypes re-reads the open file with these column types forced
     */
    public TargetViewModel(TaskExecutor executor, Session session, Consumer<Map<String, ColumnKind>> reloadWithTypes) {
        this.executor = executor;
        this.session = session;
        this.reloadWithTypes = reloadWithTypes;
        session.dataProperty().addListener((obs, o, d) -> onData(o, d));
        session.profileProperty().addListener((obs, o, p) -> onProfile(p));
        session.targetProperty().addListener((obs, o, t) -> detect());
        session.taskOverrideProperty().addListener((obs, o, t) -> detect());
    }

    /** The columns of the open data, in file order. */
    public ObservableList<String> columns() { return columns; }
    public StringProperty targetProperty() { return session.targetProperty(); }
    /** The task the user forced, or null for automatic. */
    public ObjectProperty<TaskType> taskOverrideProperty() { return session.taskOverrideProperty(); }
    /** The task inferred from the target alone, or null while unknown. */
    public ReadOnlyObjectProperty<TaskType> detectedTaskProperty() { return detectedTask.getReadOnlyProperty(); }
    /** The task a run would use (the override when it fits the data), or null when the target is unusable. */
    public ReadOnlyObjectProperty<TaskType> taskProperty() { return task.getReadOnlyProperty(); }
    /** Why the target or the override cannot be used, in plain words; empty when fine. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty detectingProperty() { return detecting.getReadOnlyProperty(); }

    /** The type of {@code column} as the file was read (with any override). */
    public ColumnKind kindOf(String column) {
        LoadedData d = session.dataProperty().get();
        return d == null ? null : d.kinds().get(column);
    }

    /** Forces {@code column} to be read as {@code kind} and re-loads the file in the background. */
    public void overrideType(String column, ColumnKind kind) {
        if (kind == null || kind == kindOf(column)) return;
        typeOverrides.put(column, kind);
        reloadWithTypes.accept(Map.copyOf(typeOverrides));
    }

    /** The type overrides in force for the open file. */
    public Map<String, ColumnKind> typeOverrides() { return Map.copyOf(typeOverrides); }

    private void onData(LoadedData old, LoadedData data) {
        // A re-load of the same file keeps the overrides and the target; another file starts afresh.
        if (data == null || old == null || !old.source().equals(data.source())) typeOverrides.clear();
        columns.setAll(data == null ? java.util.List.of() : data.table().columnNames());
        String t = session.targetProperty().get();
        if (t != null && !columns.contains(t)) session.targetProperty().set(null);
        detect();
    }

    private void onProfile(DatasetProfile p) {
        String t = session.targetProperty().get();
        if (p != null && (t == null || !columns.contains(t)) && columns.contains(p.suggestedTarget())) {
            session.targetProperty().set(p.suggestedTarget());
        }
    }

    private void detect() {
        if (running != null) running.cancel();
        LoadedData data = session.dataProperty().get();
        String target = session.targetProperty().get();
        TaskType override = session.taskOverrideProperty().get();
        detectedTask.set(null);
        task.set(null);
        if (data == null || target == null) {
            problem.set(data == null ? "" : "Pick the column to predict.");
            detecting.set(false);
            return;
        }
        problem.set("");
        detecting.set(true);
        running = executor.submit("detect task", () -> detectBoth(data, target, override), d -> {
            detecting.set(false);
            detectedTask.set(d.inferred());
            task.set(override == null ? d.inferred() : d.forced());
            problem.set(d.overrideProblem());
        }, e -> {
            detecting.set(false);
            problem.set(message(e));
        });
    }

    private static Detected detectBoth(LoadedData data, String target, TaskType override) throws BadInputException {
        TaskType inferred = TaskDetector.detect(data.table(), target);
        if (override == null) return new Detected(inferred, null, "");
        try {
            return new Detected(inferred, TaskDetector.detect(data.table(), target, override), "");
        } catch (BadInputException e) {
            return new Detected(inferred, null, message(e));
        }
    }

    /** A BadInputException as one plain sentence for the view, without the CLI's hints. */
    static String message(Throwable e) {
        if (e instanceof BadInputException b) {
            String m = b.getMessage();
            return Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".";
        }
        return "Could not inspect the target: " + e.getMessage();
    }

    private record Detected(TaskType inferred, TaskType forced, String overrideProblem) { }
}
