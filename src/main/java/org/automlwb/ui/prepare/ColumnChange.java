package org.automlwb.ui.prepare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.ui.Fmt;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How one column differs between the preview sample before and after the recipe, for the before/after table.
 *
 * @param column the column name
 * @param before its summary before the recipe, or "—" when the recipe added it
 * @param after  its summary after the recipe, or "removed"
 */
public record ColumnChange(String column, String before, String after) {
    static final String ABSENT = "—";
    static final String REMOVED = "removed";

    /** The columns whose summary changed, were added or were removed, in before-then-added order. */
    public static List<ColumnChange> between(Table before, Table after, String target) {
        Map<String, String> b = summaries(before, target);
        Map<String, String> a = summaries(after, target);
        List<ColumnChange> out = new ArrayList<>();
        java.util.Set<String> folded = new java.util.HashSet<>();
        b.forEach((name, s) -> {
            String now = a.get(name);
            if (now == null) {
                // One-hot columns are named column=level: show them as what became of the column.
                List<String> levels = a.keySet().stream().filter(k -> k.startsWith(name + "=")).toList();
                folded.addAll(levels);
                out.add(new ColumnChange(name, s, levels.isEmpty() ? REMOVED
                        : "one-hot: " + levels.size() + (levels.size() == 1 ? " column" : " columns")));
            } else if (!now.equals(s)) {
                out.add(new ColumnChange(name, s, now));
            }
        });
        a.forEach((name, s) -> {
            if (!b.containsKey(name) && !folded.contains(name)) out.add(new ColumnChange(name, ABSENT, s));
        });
        return out;
    }

    private static Map<String, String> summaries(Table t, String target) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Column<?> c : t.columns()) if (!c.name().equals(target)) out.put(c.name(), summary(c));
        return out;
    }

    /**
     * e.g. "mean 38.2 (17 … 90) · 3 missing" or "text, 9 values". Numbers are not told apart by storage type,
     * so a whole-number column the recipe passes through as decimals does not show as changed.
     */
    static String summary(Column<?> c) {
        StringBuilder sb = new StringBuilder();
        if (c instanceof NumericColumn<?> n) {
            if (n.size() > n.countMissing()) {
                sb.append("mean ").append(Fmt.number(n.mean())).append(" (").append(Fmt.number(n.min()))
                  .append(" … ").append(Fmt.number(n.max())).append(')');
            } else {
                sb.append("numbers, none present");
            }
        } else {
            String kind = c.type().name().toLowerCase(java.util.Locale.ROOT);
            sb.append(kind.equals("string") ? "text" : kind).append(", ").append(Fmt.count(c.countUnique()))
              .append(" values");
        }
        if (c.countMissing() > 0) sb.append(" · ").append(Fmt.count(c.countMissing())).append(" missing");
        return sb.toString();
    }
}
