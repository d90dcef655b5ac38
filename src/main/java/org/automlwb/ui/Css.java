package org.automlwb.ui;

import java.net.URL;

/**
 * Style-class names used by the app's own stylesheets, and where those stylesheets live. Colours come from
 * AtlantaFX theme tokens ({@code -color-*}) in the CSS, never from code.
 */
public final class Css {
    public static final String SHELL = "shell.css";
    public static final String WELCOME = "welcome.css";
    public static final String LOADING = "loading.css";
    public static final String DATA_GRID = "data-grid.css";
    public static final String PROFILE = "profile.css";
    public static final String DIALOGS = "dialogs.css";

    public static final String NAV = "nav";
    public static final String NAV_STEP = "nav-step";
    public static final String STATUS_BAR = "status-bar";
    public static final String EMPTY_STATE = "empty-state";
    public static final String EMPTY_ICON = "empty-icon";
    public static final String WELCOME_PANE = "welcome";
    public static final String CARD = "wb-card";
    public static final String SECTION_TITLE = "section-title";
    public static final String FILE_LINK = "file-link";
    public static final String SAMPLE_TILE = "sample-tile";
    public static final String SAMPLE_TITLE = "sample-title";
    public static final String DROP_HINT = "drop-hint";
    public static final String DROP_TARGET = "drop-target";
    public static final String LOADING_VEIL = "loading-veil";
    public static final String DATA_GRID_TABLE = "data-grid";
    public static final String ROW_NUMBER = "row-number";
    public static final String KIND_BADGE = "kind-badge";
    public static final String PROFILE_PANEL = "profile-panel";
    public static final String STAT_LABEL = "stat-label";
    public static final String STAT_VALUE = "stat-value";
    public static final String FLAG = "flag";
    public static final String ERROR_HINT = "error-hint";

    private Css() { }

    /** The URL of one of the app's stylesheets, for {@code getStylesheets().add(...)}. */
    public static String stylesheet(String name) {
        URL url = Css.class.getResource(name);
        if (url == null) throw new IllegalStateException("missing stylesheet " + name);
        return url.toExternalForm();
    }

    /** The style class of a column-kind badge, e.g. {@code kind-decimal}. */
    public static String kindClass(Enum<?> kind) {
        return "kind-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
