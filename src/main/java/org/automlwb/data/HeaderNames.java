package org.automlwb.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns the header line into usable, unique column names. */
final class HeaderNames {
    private HeaderNames() { }

    /**
     * Trims each name; a blank name becomes {@code column_<n>} (1-based position); a repeated name gets
     * {@code _2}, {@code _3}, ... Names are compared ignoring case, as Tablesaw looks columns up that way.
     */
    static List<String> normalise(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        Set<String> used = new HashSet<>();
        for (String name : raw) used.add(name.strip().toLowerCase(Locale.ROOT));
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i).strip();
            if (name.isEmpty()) name = "column_" + (i + 1);
            String key = name.toLowerCase(Locale.ROOT);
            if (taken.contains(key) || !raw.get(i).strip().equalsIgnoreCase(name) && used.contains(key)) {
                int k = 2;
                while (taken.contains(key + "_" + k) || used.contains(key + "_" + k)) k++;
                name = name + "_" + k;
                key = name.toLowerCase(Locale.ROOT);
            }
            taken.add(key);
            out.add(name);
        }
        return out;
    }

    /** {@code column_1 .. column_n}, for files without a header. */
    static List<String> numbered(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) out.add("column_" + i);
        return out;
    }
}
