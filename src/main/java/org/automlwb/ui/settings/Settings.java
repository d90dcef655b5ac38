package org.automlwb.ui.settings;

import java.util.List;
import org.automlwb.ui.Theme;

/**
 * What the desktop app remembers between launches.
 *
 * @param theme       light or dark
 * @param recentFiles absolute paths of recently opened CSV files, most recent first
 * @param window      the main window's bounds
 * @param spark       the Spark home and master URL a run on a Spark cluster goes to (none set by default)
 */
public record Settings(Theme theme, List<String> recentFiles, WindowBounds window, SparkSettings spark) {
    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
        window = window == null ? WindowBounds.defaults() : window;
        spark = spark == null ? SparkSettings.none() : spark; // a settings file from before Spark has none
    }

    /** Settings without Spark ones (a file written before they existed reads the same way). */
    public Settings(Theme theme, List<String> recentFiles, WindowBounds window) {
        this(theme, recentFiles, window, SparkSettings.none());
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, List.of(), WindowBounds.defaults(), SparkSettings.none());
    }

    public Settings withTheme(Theme t) { return new Settings(t, recentFiles, window, spark); }

    public Settings withRecentFiles(List<String> files) { return new Settings(theme, files, window, spark); }

    public Settings withWindow(WindowBounds w) { return new Settings(theme, recentFiles, w, spark); }

    public Settings withSpark(SparkSettings s) { return new Settings(theme, recentFiles, window, s); }
}
