package org.automlwb.ui.settings;

import java.util.List;
import org.automlwb.ui.Theme;

/**
 * What the desktop app remembers between launches.
 *
 * @param theme       light or dark
 * @param recentFiles absolute paths of recently opened CSV files, most recent first
 * @param window      the main window's bounds
 */
public record Settings(Theme theme, List<String> recentFiles, WindowBounds window) {
    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
        window = window == null ? WindowBounds.defaults() : window;
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, List.of(), WindowBounds.defaults());
    }

    public Settings withTheme(Theme t) { return new Settings(t, recentFiles, window); }

    public Settings withRecentFiles(List<String> files) { return new Settings(theme, files, window); }

    public Settings withWindow(WindowBounds w) { return new Settings(theme, recentFiles, w); }
}
