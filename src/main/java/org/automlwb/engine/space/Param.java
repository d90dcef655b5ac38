package org.automlwb.engine.space;

/**
 * One hyperparameter of an algorithm's search space.
 *
 * <p>Values in a {@link Config} are {@code Integer} for {@link IntParam}, {@code Double} for {@link RealParam}
 * and {@code String} for {@link ChoiceParam}.
 */
public sealed interface Param permits IntParam, RealParam, ChoiceParam {
    /** The name, unique within its space (e.g. {@code max_depth}). */
    String name();

    /** One or two plain sentences for a tooltip: what it does, and what raising it does. */
    String help();

    /** When non-null, the parameter only matters while another parameter has one of some values. */
    Condition condition();

    /** A parameter active only when {@code parent} takes one of {@code values}. */
    record Condition(String parent, java.util.Set<String> values) {
        public Condition {
            values = java.util.Set.copyOf(values);
        }
    }
}
