package org.automlwb.ui.search;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.SearchSpace;

/** One algorithm in the search-space editor: on or off, and its hyperparameter ranges. */
public final class AlgorithmEditor {
    private final String id;
    private final String displayName;
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final List<ParamEditor> params;

    AlgorithmEditor(Algorithm algorithm, SearchSpace declared) {
        this.id = algorithm.id();
        this.displayName = algorithm.displayName();
        this.params = declared.params().stream().map(ParamEditor::new).toList();
    }

    public String id() { return id; }
    public String displayName() { return displayName; }
    public BooleanProperty enabledProperty() { return enabled; }
    public List<ParamEditor> params() { return params; }

    /** Whether every range is valid. */
    public boolean isValid() { return params.stream().allMatch(ParamEditor::isValid); }

    /** The edited space, or empty while a range is invalid. */
    public Optional<SearchSpace> space() {
        if (!isValid()) return Optional.empty();
        return Optional.of(new SearchSpace(params.stream().map(p -> p.toParam().orElseThrow()).toList()));
    }

    /** Puts every range back to the algorithm's own. */
    public void reset() {
        params.forEach(p -> p.set(p.declared()));
    }

    /** Shows the ranges of {@code space} for the parameters it names; others keep their value. */
    public void set(SearchSpace space) {
        for (ParamEditor p : params) {
            Optional<Param> given = space.param(p.name());
            if (given.isPresent() && given.get().getClass() == p.declared().getClass()) p.set(given.get());
        }
    }
}
