package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import org.automlwb.data.ColumnKind;

/**
 * Adds a numeric column computed from others with a small expression, e.g. {@code log(income + 1)} or
 * {@code "floor area" / rooms}: numbers, column names (plain words, or any name in double quotes or backticks),
 * {@code + - * /}, parentheses, {@code log} (natural), {@code sqrt}, {@code abs}. Learns nothing. Results without
 * a finite value (missing inputs, division by zero, log of zero or less, sqrt of a negative) are missing: fill
 * them with a later impute step (any left at the end get the training median).
 *
 * @param name       the new column's name
 * @param expression the formula
 */
@JsonTypeName("derived")
public record DerivedStep(String name, String expression) implements Step, FittedStep {

    @Override
    public String describe() { return "Add " + name + " = " + expression; }

    @Override
    public void check(SchemaCheck check) {
        check.requireNew(name);
        try {
            Expression parsed = Expression.parse(expression);
            check.require(new ArrayList<>(parsed.columns()), k -> Steps.plainNumber(k) || k == ColumnKind.BOOLEAN,
                    "compute with", "numbers");
        } catch (Expression.ParseException e) {
            check.problem(e.getMessage());
        }
        if (name != null && !name.isBlank()) check.put(name, ColumnKind.DECIMAL);
    }

    @Override
    public FittedStep fit(Frame frame) {
        apply(frame, true);
        return this;
    }

    @Override
    public void apply(Frame frame, boolean training) {
        Expression parsed;
        try {
            parsed = Expression.parse(expression);
        } catch (Expression.ParseException e) {
            throw RecipeInputException.of(e.getMessage(), name, "correct the formula of the derived column");
        }
        double[] values = parsed.eval(c -> frame.col(c).num(), frame.rows());
        frame.add(name, Col.numbers(ColumnKind.DECIMAL, values));
    }
}
