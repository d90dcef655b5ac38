package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A step with its fitted values (medians, levels, scaling constants, bin edges...), ready to replay on new rows.
 * Steps that learn nothing ({@link DropStep}, {@link CastStep}, {@link DatePartsStep}, {@link DerivedStep},
 * {@link FilterRowsStep}) are their own fitted form. In JSON the same {@code type} names as {@link Step}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DropStep.class, name = "drop"),
    @JsonSubTypes.Type(value = CastStep.class, name = "cast"),
    @JsonSubTypes.Type(value = ImputeStep.Fitted.class, name = "impute"),
    @JsonSubTypes.Type(value = EncodeStep.Fitted.class, name = "encode"),
    @JsonSubTypes.Type(value = ScaleStep.Fitted.class, name = "scale"),
    @JsonSubTypes.Type(value = ClipStep.Fitted.class, name = "clip"),
    @JsonSubTypes.Type(value = BinStep.Fitted.class, name = "bin"),
    @JsonSubTypes.Type(value = DatePartsStep.class, name = "date_parts"),
    @JsonSubTypes.Type(value = DerivedStep.class, name = "derived"),
    @JsonSubTypes.Type(value = FilterRowsStep.class, name = "filter_rows"),
    @JsonSubTypes.Type(value = TargetEncodeStep.Fitted.class, name = "target_encode"),
})
public sealed interface FittedStep extends StepApplying
        permits DropStep, CastStep, ImputeStep.Fitted, EncodeStep.Fitted, ScaleStep.Fitted, ClipStep.Fitted,
                BinStep.Fitted, DatePartsStep, DerivedStep, FilterRowsStep, TargetEncodeStep.Fitted {

    /** A plain-words summary including what was learnt, e.g. "Fill missing values in age with 38.5". */
    String describe();
}
