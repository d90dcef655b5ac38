package org.automlwb.engine.space;

import java.util.List;

/** One of a fixed list of strings. */
public record ChoiceParam(String name, List<String> choices, String help, Param.Condition condition)
        implements Param {
    public ChoiceParam {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) throw new IllegalArgumentException(name + ": no choices");
    }

    public ChoiceParam(String name, List<String> choices, String help) {
        this(name, choices, help, null);
    }
}
