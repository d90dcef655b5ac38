package org.automlwb.engine.space;

import java.util.List;
import java.util.Optional;

/** The hyperparameters of one algorithm that a search may vary, in a fixed order. */
public record SearchSpace(List<Param> params) {
    public SearchSpace {
        params = List.copyOf(params);
    }

    public static SearchSpace of(Param... params) { return new SearchSpace(List.of(params)); }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Whether a parameter's condition holds for the given configuration. */
    public boolean isActive(Param p, Config config) {
        Param.Condition c = p.condition();
        if (c == null) return true;
        Object v = config.values().get(c.parent());
        return v != null && c.values().contains(String.valueOf(v));
    }
}
