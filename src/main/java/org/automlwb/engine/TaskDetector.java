package org.automlwb.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.automlwb.common.BadInputException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Infers the task from the target column, and checks a task the user forced.
 *
 * <p>Classification when the target is not numeric, or holds integers with at most
 * {@value #MAX_INTEGER_CLASSES} distinct values; two classes make it binary. Rows whose target is missing
 * are ignored here (and dropped by {@link LabelledData#forTraining}).
 */
public final class TaskDetector {
    /** An integer target with at most this many distinct values is taken for classes, not quantities. */
    public static final int MAX_INTEGER_CLASSES = 20;

    private TaskDetector() { }

    /** The task inferred from the data. */
    public static TaskType detect(Table data, String target) throws BadInputException {
        return detect(data, target, null);
    }

    /**
     * The task to run: {@code override} when it fits the data, otherwise the inferred one.
     *
     * @param override the task the user asked for, or null for automatic
     * @throws BadInputException when the column is absent, entirely blank, has one class (or one value), holds
     *                           text while regression is forced, or more than two classes while binary is forced
     */
    public static TaskType detect(Table data, String target, TaskType override) throws BadInputException {
        Column<?> column = targetColumn(data, target);
        int present = 0;
        boolean numeric = true;
        boolean integral = true;
        String firstText = null;
        for (int i = 0; i < column.size(); i++) {
            if (TargetValues.isMissing(column, i)) continue;
            present++;
            if (!numeric) continue; // parsing text fails slowly: stop at the first non-number
            double v = TargetValues.number(column, i);
            if (!Double.isFinite(v)) {
                firstText = column.getString(i).trim();
                numeric = false;
            } else if (v != Math.rint(v)) {
                integral = false;
            }
        }
        if (present == 0) {
            throw new BadInputException("every value of the target is blank", null, 0, target,
                    "choose a column that holds what you want to predict");
        }
        if (override == TaskType.REGRESSION) {
            if (!numeric) {
                throw new BadInputException("regression needs numbers, but the target holds text such as '"
                        + firstText + "'", null, 0, target, "use --task auto, binary or multiclass");
            }
            if (distinctLabels(column, 2).size() < 2) {
                throw new BadInputException("every row has the same target value '" + firstLabel(column)
                        + "', so there is nothing to predict", null, 0, target, "choose another target column");
            }
            return TaskType.REGRESSION;
        }
        boolean classes = override != null || !numeric || integral;
        // Up to MAX_INTEGER_CLASSES + 1 labels settle whether an integer column is a set of classes.
        int limit = override != null || !numeric ? Integer.MAX_VALUE : MAX_INTEGER_CLASSES + 1;
        Set<String> labels = classes ? distinctLabels(column, limit) : Set.of();
        if (!classes || labels.size() > MAX_INTEGER_CLASSES && override == null && numeric) {
            return TaskType.REGRESSION;
        }
        if (labels.size() < 2) {
            throw new BadInputException("the target has only one class, '" + labels.iterator().next()
                    + "', so there is nothing to predict", null, 0, target,
                    "choose another target column, or add rows of the other classes");
        }
        if (override == TaskType.BINARY && labels.size() > 2) {
            throw new BadInputException("binary classification needs two classes, but the target has "
                    + labels.size(), null, 0, target, "use --task multiclass or auto");
        }
        if (override != null) return override;
        return labels.size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
    }

    /**
     * The target column.
     *
     * @throws BadInputException when there is no column of exactly that name; the message lists similar names
     */
    static Column<?> targetColumn(Table data, String target) throws BadInputException {
        if (target != null && data.columnNames().contains(target)) return data.column(target);
        String wanted = target == null ? "" : target;
        List<String> similar = TargetValues.similarNames(data, wanted);
        String hint = similar.isEmpty()
                ? "the columns are: " + abbreviate(data.columnNames())
                : "did you mean " + quoteAll(similar) + "?";
        throw new BadInputException("there is no target column '" + wanted + "'", null, 0, null, hint);
    }

    private static Set<String> distinctLabels(Column<?> column, int limit) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < column.size() && out.size() < limit; i++) {
            if (!TargetValues.isMissing(column, i)) out.add(TargetValues.label(column, i));
        }
        return out;
    }

    private static String firstLabel(Column<?> column) {
        return distinctLabels(column, 1).iterator().next();
    }

    private static String quoteAll(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append(i == names.size() - 1 ? " or " : ", ");
            sb.append('\'').append(names.get(i)).append('\'');
        }
        return sb.toString();
    }

    private static String abbreviate(List<String> names) {
        List<String> head = names.size() > 10 ? names.subList(0, 10) : names;
        String s = String.join(", ", head);
        return names.size() > 10 ? s + ", ... (" + names.size() + " in all)" : s;
    }
}
