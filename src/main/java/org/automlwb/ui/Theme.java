package org.automlwb.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The two AtlantaFX themes the app offers. */
public enum Theme {
    LIGHT, DARK;

    /** The user-agent stylesheet that applies this theme to the whole application. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }
}
