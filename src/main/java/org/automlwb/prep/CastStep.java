package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.automlwb.data.ColumnKind;

/**
 * Changes the type of columns, e.g. integer codes to TEXT so they are one-hot encoded, or text to DECIMAL.
 * Learns nothing. Values that cannot be read as the new type become missing; dates cast to numbers become days
 * (date-times: seconds) since 1970-01-01; numbers and booleans cast to dates become missing; numbers cast to
 * INTEGER are rounded; whole numbers cast to TEXT are written without a decimal point.
 *
 * @param columns the columns to change (at least one)
 * @param to      the new type
 */
@JsonTypeName("cast")
public record CastStep(List<String> columns, ColumnKind to) implements Step, FittedStep {
    public CastStep {
        columns = Steps.copy(columns);
    }

    @Override
    public String describe() {
        return "Treat " + Steps.join(columns, "no columns") + " as " + Values.words(to == null ? ColumnKind.TEXT : to);
    }

    @Override
    public void check(SchemaCheck check) {
        if (to == null) check.problem("says no type to change to");
        if (columns.isEmpty()) check.problem("names no columns to change");
        check.require(columns, Steps::anyKind, "change", "any column");
        if (to != null) for (String c : columns) if (check.exists(c)) check.put(c, to);
    }

    @Override
    public FittedStep fit(Frame frame) {
        apply(frame, true);
        return this;
    }

    @Override
    public void apply(Frame frame, boolean training) {
        for (String c : columns) frame.replace(c, Values.convert(frame.col(c), to, c, false));
    }
}
