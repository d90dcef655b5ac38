package org.automlwb.ui;

import java.util.Locale;
import javafx.application.Application;

/**
 * Starts the JavaFX application from a plain class, because launching an {@code Application} subclass
 * directly from the classpath fails with "JavaFX runtime components are missing".
 */
public final class DesktopLauncher {
    private DesktopLauncher() { }

    /** Opens the desktop window, or explains on stderr why it cannot (no display) and exits with 1. */
    public static void launch(String[] args) {
        if (!hasDisplay()) {
            System.err.println("No display found: the desktop app needs a graphical session (DISPLAY or "
                    + "WAYLAND_DISPLAY). Run a command instead, e.g. 'java -jar automl-workbench.jar --help'.");
            System.exit(1);
        }
        Application.launch(WorkbenchApp.class, args);
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) return true; // Windows and macOS always have one
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) { return s != null && !s.isBlank(); }
}
