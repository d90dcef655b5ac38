package org.automlwb.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.scene.paint.Color;

/** The two AtlantaFX themes the app offers. */
public enum Theme {
    LIGHT, DARK;

    /**
     * The theme's page background (AtlantaFX Primer's {@code -color-bg-default}), as the scene's fill: the window's
     * first frame is drawn before the stylesheet has styled anything, and a dark theme must not open white.
     */
    public Color background() {
        return this == DARK ? Color.web("#0d1117") : Color.WHITE;
    }

    /** The user-agent stylesheet that applies this theme to the whole application. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }
}
