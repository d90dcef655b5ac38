package org.automlwb.prep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.automlwb.data.ColumnKind;

/**
 * Walks a recipe over column names and kinds only, before any fitting, collecting the problems a user can fix
 * in the recipe editor. One-hot columns are not known before fitting: an encoded column {@code c} stands for
 * every name starting with {@code c=}.
 */
final class SchemaCheck {
    private final LinkedHashMap<String, ColumnKind> columns = new LinkedHashMap<>();
    private final Set<String> families = new HashSet<>();
    private final String target;
    private final List<String> problems = new ArrayList<>();
    private String prefix = "";

    SchemaCheck(Map<String, ColumnKind> columns, String target) {
        this.columns.putAll(columns);
        this.target = target;
        if (target != null) this.columns.remove(target);
    }

    /** Text put before every problem from now on (e.g. "Step 3 (Scale): "). */
    void prefix(String prefix) { this.prefix = prefix; }

    void problem(String message) { problems.add(prefix + message); }

    List<String> problems() { return List.copyOf(problems); }

    Map<String, ColumnKind> columns() { return new LinkedHashMap<>(columns); }

    boolean exists(String name) {
        if (columns.containsKey(name)) return true;
        int eq = name.lastIndexOf('=');
        while (eq > 0) {
            if (families.contains(name.substring(0, eq + 1))) return true;
            eq = name.lastIndexOf('=', eq - 1);
        }
        return false;
    }

    /** The kind of an existing column (one-hot columns are 0/1 whole numbers). */
    ColumnKind kind(String name) { return columns.getOrDefault(name, ColumnKind.INTEGER); }

    /**
     * Checks that each named column exists, is not the target and has a kind the step accepts.
     *
     * @param action what the step does, for "would <action> the target"
     * @param need   plain words for the accepted kinds, for the message
     * @return true when every column passed
     */
    boolean require(Collection<String> names, Predicate<ColumnKind> accepts, String action, String need) {
        boolean ok = true;
        for (String name : names) {
            if (name == null || name.isBlank()) {
                problem("a column name is empty");
                ok = false;
            } else if (name.equals(target)) {
                problem("would " + action + " the target column '" + name + "'; the target is never changed or used as a feature");
                ok = false;
            } else if (!exists(name)) {
                problem("column '" + name + "' does not exist at this point");
                ok = false;
            } else if (!accepts.test(kind(name))) {
                problem("column '" + name + "' holds " + Values.words(kind(name)) + "; this step needs " + need);
                ok = false;
            }
        }
        return ok;
    }

    /** The existing columns, in order, whose kind is accepted. */
    List<String> matching(Predicate<ColumnKind> accepts) {
        List<String> out = new ArrayList<>();
        columns.forEach((n, k) -> { if (accepts.test(k)) out.add(n); });
        return out;
    }

    /** Checks a name the step is about to create. */
    void requireNew(String name) {
        if (name == null || name.isBlank()) problem("the new column needs a name");
        else if (name.equals(target)) problem("the new column '" + name + "' has the target's name");
        else if (exists(name)) problem("column '" + name + "' already exists");
    }

    void put(String name, ColumnKind kind) { columns.put(name, kind); }

    void remove(String name) { columns.remove(name); }

    /** Marks {@code column} as replaced by one-hot columns named {@code column=level}. */
    void encoded(String column) {
        columns.remove(column);
        family(column + "=");
    }

    /** Declares that columns named {@code prefix<something>} may exist from here on (known only after fitting). */
    void family(String prefix) {
        families.add(prefix);
    }
}
