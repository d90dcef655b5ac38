package org.automlwb.ui.search;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.automlwb.engine.api.EngineKind;

/**
 * One AutoML engine offered in the Search view: ticked or not, and why it cannot run here when it cannot (found
 * off the UI thread: a Python engine's check starts Python).
 */
public final class EngineChoice {
    private final EngineKind kind;
    private final BooleanProperty selected;
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(null);

    EngineChoice(EngineKind kind, boolean selected) {
        this.kind = kind;
        this.selected = new SimpleBooleanProperty(selected);
    }

    public EngineKind kind() { return kind; }

    /** Whether the run uses this engine. */
    public BooleanProperty selectedProperty() { return selected; }

    /** Why the engine cannot run here, one line; null while it can (or is not checked yet). */
    public ReadOnlyStringProperty unavailableProperty() { return unavailable.getReadOnlyProperty(); }

    void markUnavailable(String reason) {
        unavailable.set(reason);
        selected.set(false);
    }
}
