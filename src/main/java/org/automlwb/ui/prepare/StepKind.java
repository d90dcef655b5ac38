package org.automlwb.ui.prepare;

import java.util.List;
import java.util.Map;
import org.automlwb.data.ColumnKind;
import org.automlwb.prep.BinStep;
import org.automlwb.prep.CastStep;
import org.automlwb.prep.ClipStep;
import org.automlwb.prep.DatePartsStep;
import org.automlwb.prep.DerivedStep;
import org.automlwb.prep.DropStep;
import org.automlwb.prep.EncodeStep;
import org.automlwb.prep.FilterRowsStep;
import org.automlwb.prep.ImputeStep;
import org.automlwb.prep.ScaleStep;
import org.automlwb.prep.Step;
import org.automlwb.prep.TargetEncodeStep;

/** The eleven kinds of step the Add menu offers, with a name and a sensible new step of each kind. */
public enum StepKind {
    DROP("Drop columns", DropStep.class),
    CAST("Change type", CastStep.class),
    IMPUTE("Fill missing values", ImputeStep.class),
    ENCODE("Encode categories", EncodeStep.class),
    TARGET_ENCODE("Target encode", TargetEncodeStep.class),
    SCALE("Scale", ScaleStep.class),
    CLIP("Clip outliers", ClipStep.class),
    BIN("Bin numbers", BinStep.class),
    DATE_PARTS("Split dates", DatePartsStep.class),
    DERIVED("Derived column", DerivedStep.class),
    FILTER_ROWS("Filter training rows", FilterRowsStep.class);

    private final String title;
    private final Class<? extends Step> type;

    StepKind(String title, Class<? extends Step> type) {
        this.title = title;
        this.type = type;
    }

    /** The menu and list title, e.g. "Fill missing values". */
    public String title() { return title; }

    /** The kind of a step. */
    public static StepKind of(Step step) {
        for (StepKind k : values()) if (k.type.isInstance(step)) return k;
        throw new IllegalArgumentException("unknown step " + step);
    }

    /**
     * A new step of this kind for data with these columns (the target left out). Steps that take a column list
     * start with an empty one (= every column the step applies to) where the step allows it.
     */
    public Step create(Map<String, ColumnKind> columns, String target) {
        String firstNumber = columns.entrySet().stream()
                .filter(e -> !e.getKey().equals(target) && e.getValue().isNumeric())
                .map(Map.Entry::getKey).findFirst().orElse("x");
        String firstColumn = columns.keySet().stream().filter(c -> !c.equals(target)).findFirst().orElse("x");
        return switch (this) {
            case DROP -> new DropStep(List.of(firstColumn), null);
            case CAST -> new CastStep(List.of(firstColumn), ColumnKind.TEXT);
            case IMPUTE -> ImputeStep.median(List.of());
            case ENCODE -> EncodeStep.oneHot(List.of());
            case SCALE -> ScaleStep.standardiseAll();
            case CLIP -> new ClipStep(List.of(), ClipStep.Bounds.QUANTILE, 0.01, 0.99);
            case BIN -> new BinStep(List.of(firstNumber), BinStep.Method.QUANTILE, 5);
            case DATE_PARTS -> DatePartsStep.of(List.of());
            case DERIVED -> new DerivedStep(firstNumber + "_log", "log(" + quoted(firstNumber) + " + 1)");
            case FILTER_ROWS -> FilterRowsStep.dropMissing(firstColumn);
            case TARGET_ENCODE -> TargetEncodeStep.of(List.of());
        };
    }

    private static String quoted(String column) {
        return column.matches("[A-Za-z_][A-Za-z0-9_]*") ? column : "\"" + column + "\"";
    }
}
