package org.automlwb.common;

import java.util.Locale;

/**
 * How this program was started, for messages that tell the user what to type: the installed launcher (jpackage
 * sets {@code jpackage.app-path} to it) or {@code java -jar automl-workbench.jar}.
 */
public final class Launcher {
    private static final String JAR = "java -jar automl-workbench.jar";

    private Launcher() { }

    /** The command that starts this program, quoted when it holds a space. */
    public static String command() {
        String launcher = installed();
        if (launcher == null) return JAR;
        return launcher.contains(" ") ? "\"" + launcher + "\"" : launcher;
    }

    /**
     * The command that starts this program with {@code gigabytes} of heap: {@code java -Xmx8g -jar ...}, or for the
     * installed launcher (whose JVM options are fixed in the image) the JVM's own environment variable.
     */
    public static String withHeap(long gigabytes) {
        String xmx = "-Xmx" + gigabytes + "g";
        if (installed() == null) return "java " + xmx + " -jar automl-workbench.jar";
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
        return (windows ? "set JAVA_TOOL_OPTIONS=" + xmx + " && " : "JAVA_TOOL_OPTIONS=" + xmx + " ") + command();
    }

    private static String installed() {
        String path = System.getProperty("jpackage.app-path");
        return path == null || path.isBlank() ? null : path;
    }
}
