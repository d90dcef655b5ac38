package org.automlwb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import org.automlwb.common.Launcher;

/**
 * Starts the JavaFX application from a plain class, because launching an {@code Application} subclass
 * directly from the classpath fails with "JavaFX runtime components are missing".
 */
public final class DesktopLauncher {
    private DesktopLauncher() { }

    /**
     * Whether these arguments open the window: none, or one existing CSV file (a desktop's "Open with"), which the
     * window then opens. Anything else is a command.
     */
    public static boolean opensWindow(String[] args) {
        if (args.length == 0) return true;
        if (args.length > 1 || args[0].startsWith("-") || !CsvFileNames.isCsvName(args[0])) return false;
        try {
            return Files.isRegularFile(Path.of(args[0]));
        } catch (RuntimeException e) { // not a path on this system
            return false;
        }
    }

    /**
     * Opens the desktop window, or explains on stderr why it cannot (no display) and exits with 1.
     *
     * @param setUpLogging routes java.util.logging to SLF4J; run with the rest of the start-up's one-time set-up
     *                     beside the toolkit's start ({@link StartupWarmup}), not before it
     */
    public static void launch(String[] args, Runnable setUpLogging) {
        if (!hasDisplay()) {
            System.err.println("No display found: the desktop app needs a graphical session (DISPLAY or "
                    + "WAYLAND_DISPLAY). Run a command instead, e.g. '" + Launcher.command() + " --help'.");
            System.exit(1);
        }
        StartupWarmup.startInBackground(setUpLogging);
        Application.launch(WorkbenchApp.class, args);
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) return true; // Windows and macOS always have one
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) { return s != null && !s.isBlank(); }
}
