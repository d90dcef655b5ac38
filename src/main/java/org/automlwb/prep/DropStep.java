package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Removes columns. Learns nothing. At prediction time a dropped column need not be present.
 *
 * @param columns the columns to remove (at least one)
 * @param reason  why, in plain words, shown in the editor (may be null)
 */
@JsonTypeName("drop")
public record DropStep(List<String> columns, String reason) implements Step, FittedStep {
    public DropStep {
        columns = Steps.copy(columns);
    }

    /** Drops these columns, with no reason given. */
    public static DropStep of(String... columns) { return new DropStep(List.of(columns), null); }

    @Override
    public String describe() {
        return "Drop " + Steps.join(columns, "no columns") + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }

    @Override
    public void check(SchemaCheck check) {
        if (columns.isEmpty()) check.problem("names no columns to drop");
        check.require(columns, Steps::anyKind, "drop", "any column");
        columns.forEach(check::remove);
    }

    @Override
    public FittedStep fit(Frame frame) {
        apply(frame, true);
        return this;
    }

    @Override
    public void apply(Frame frame, boolean training) {
        // At prediction time a dropped column is not read from the input, so it may be absent.
        for (String c : columns) if (frame.has(c)) frame.remove(c);
    }
}
