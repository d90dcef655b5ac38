package org.automlwb.ui.settings;

import java.util.ArrayList;
import java.util.List;

/** The rules of the recent-files list: most recent first, no duplicates, at most {@link #MAX} entries. */
public final class RecentFiles {
    /** How many files the list keeps. */
    public static final int MAX = 10;

    private RecentFiles() { }

    /** The list after opening {@code path}. */
    public static List<String> push(List<String> current, String path) {
        List<String> out = new ArrayList<>(MAX);
        out.add(path);
        for (String p : current) {
            if (out.size() == MAX) break;
            if (!p.equals(path)) out.add(p);
        }
        return List.copyOf(out);
    }

    /** The list without {@code path} (e.g. after the file was found missing). */
    public static List<String> remove(List<String> current, String path) {
        List<String> out = new ArrayList<>(current);
        out.remove(path);
        return List.copyOf(out);
    }
}
