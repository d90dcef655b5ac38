package org.automlwb.prep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlwb.data.ColumnKind;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Chooses the default recipe's steps from a first look at the data (see the package documentation). */
final class AutomaticRecipe {
    /** Below this many values a column is too short to call ID-like. */
    static final int MIN_ROWS_FOR_ID = 10;
    /** Text with distinct values in at least this share of its rows is an identifier. */
    static final double ID_DISTINCT_SHARE = 0.9;
    /** Text with more distinct values than this share of its rows (and than the level cap) is free text. */
    static final double FREE_TEXT_DISTINCT_SHARE = 0.5;

    private AutomaticRecipe() { }

    /**
     * The steps for this data. With a target named, text with more levels than one-hot keeps (but not free text or
     * IDs) is target encoded; without one it is one-hot encoded with the top levels and other.
     */
    static List<Step> steps(Table data, String target) {
        List<String> allMissing = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        List<String> idLike = new ArrayList<>();
        List<String> freeText = new ArrayList<>();
        List<String> impute = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> encode = new ArrayList<>();
        List<String> targetEncode = new ArrayList<>();
        for (Column<?> column : data.columns()) {
            String name = column.name();
            if (name.equals(target)) continue;
            Col col = Values.read(column);
            int missing = 0;
            for (int i = 0; i < col.size(); i++) if (col.missing(i)) missing++;
            int present = col.size() - missing;
            int distinct = distinct(col);
            if (present == 0) {
                allMissing.add(name);
            } else if (distinct == 1 && missing == 0) {
                constant.add(name);
            } else if (col.kind() == ColumnKind.TEXT && present >= MIN_ROWS_FOR_ID && distinct >= ID_DISTINCT_SHARE * present) {
                idLike.add(name);
            } else if (col.kind() == ColumnKind.INTEGER && isSequence(col.num(), distinct)) {
                idLike.add(name);
            } else if (col.kind() == ColumnKind.TEXT && distinct > EncodeStep.DEFAULT_MAX_LEVELS
                    && distinct > FREE_TEXT_DISTINCT_SHARE * present) {
                freeText.add(name);
            } else if (col.kind() == ColumnKind.TEXT && distinct > EncodeStep.DEFAULT_MAX_LEVELS && target != null) {
                // One-hot would fold most of these levels into (other); their target means keep what they say.
                targetEncode.add(name);
            } else if (col.kind() == ColumnKind.TEXT) {
                encode.add(name);
            } else {
                impute.add(name);
                if (Values.isDate(col.kind())) dates.add(name);
                if (col.kind() == ColumnKind.BOOLEAN) encode.add(name);
            }
        }
        List<Step> steps = new ArrayList<>();
        if (!allMissing.isEmpty()) steps.add(new DropStep(allMissing, "no values"));
        if (!constant.isEmpty()) steps.add(new DropStep(constant, "the same value in every row"));
        if (!idLike.isEmpty()) steps.add(new DropStep(idLike, "ID-like: a different value in almost every row"));
        if (!freeText.isEmpty()) steps.add(new DropStep(freeText, "free text: too many different values to encode"));
        if (!impute.isEmpty()) steps.add(ImputeStep.median(impute));
        if (!dates.isEmpty()) steps.add(DatePartsStep.of(dates));
        if (!encode.isEmpty()) steps.add(EncodeStep.oneHot(encode));
        if (!targetEncode.isEmpty()) steps.add(TargetEncodeStep.of(targetEncode));
        return steps;
    }

    private static int distinct(Col col) {
        if (col.isText()) {
            Set<String> seen = new HashSet<>();
            for (String s : col.text()) if (s != null) seen.add(s);
            return seen.size();
        }
        double[] sorted = Stats.sortedFinite(col.num());
        int d = 0;
        for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) d++;
        return d;
    }

    /**
     * A row number or counter: no missing values, a different value in every row, and either consecutive
     * (any order) or strictly rising or falling in file order. Unique integers that are neither (prices,
     * counts) are kept as features.
     */
    private static boolean isSequence(double[] values, int distinct) {
        int n = values.length;
        if (n < MIN_ROWS_FOR_ID || distinct != n) return false;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean rising = true;
        boolean falling = true;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isNaN(v)) return false;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (i > 0) {
                rising &= v > values[i - 1];
                falling &= v < values[i - 1];
            }
        }
        return max - min == n - 1 || rising || falling;
    }
}
