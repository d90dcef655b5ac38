package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import org.automlwb.data.ColumnKind;

/**
 * One preprocessing step with its settings, not yet fitted. Every step is an immutable record; in JSON it is an
 * object with a {@code type} field naming the step ({@code drop}, {@code cast}, {@code impute}, {@code encode},
 * {@code scale}, {@code clip}, {@code bin}, {@code date_parts}, {@code derived}, {@code filter_rows},
 * {@code target_encode}).
 *
 * <p>Steps that take a list of columns treat an empty list as "every column this step applies to at this point
 * of the recipe", resolved when fitting (the fitted step then names them).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DropStep.class, name = "drop"),
    @JsonSubTypes.Type(value = CastStep.class, name = "cast"),
    @JsonSubTypes.Type(value = ImputeStep.class, name = "impute"),
    @JsonSubTypes.Type(value = EncodeStep.class, name = "encode"),
    @JsonSubTypes.Type(value = ScaleStep.class, name = "scale"),
    @JsonSubTypes.Type(value = ClipStep.class, name = "clip"),
    @JsonSubTypes.Type(value = BinStep.class, name = "bin"),
    @JsonSubTypes.Type(value = DatePartsStep.class, name = "date_parts"),
    @JsonSubTypes.Type(value = DerivedStep.class, name = "derived"),
    @JsonSubTypes.Type(value = FilterRowsStep.class, name = "filter_rows"),
    @JsonSubTypes.Type(value = TargetEncodeStep.class, name = "target_encode"),
})
public sealed interface Step extends StepFitting
        permits DropStep, CastStep, ImputeStep, EncodeStep, ScaleStep, ClipStep, BinStep, DatePartsStep,
                DerivedStep, FilterRowsStep, TargetEncodeStep {

    /** A plain-words summary for the recipe editor, e.g. "Fill missing values in age with the median". */
    String describe();

    /**
     * Problems with this step when it runs on these columns (name → kind, as they are just before the step).
     * Empty when the step is fine. {@link Recipe#validate} checks a whole recipe, step after step.
     *
     * @param columns the columns before this step
     * @param target  the target column, which no step may touch, or null
     */
    default List<String> validate(Map<String, ColumnKind> columns, String target) {
        SchemaCheck check = new SchemaCheck(columns, target);
        check(check);
        return check.problems();
    }
}
