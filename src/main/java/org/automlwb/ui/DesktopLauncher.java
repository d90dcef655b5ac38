package org.automlwb.ui;

/** Starts the JavaFX application. (Implemented by the desktop shell work.) */
public final class DesktopLauncher {
    private DesktopLauncher() { }

    public static void launch(String[] args) {
        throw new UnsupportedOperationException("TODO ui");
    }
}
