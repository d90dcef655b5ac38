package org.automlwb.ui;

import java.util.Locale;

/**
 * Which file names the app opens as delimited text. Free of logging on purpose: {@link DesktopLauncher} asks it
 * before the app's logging is configured, and a class with a logger would configure it too early.
 */
public final class CsvFileNames {
    private CsvFileNames() { }

    /** Whether {@code name} looks like a delimited text file (or a Parquet file) the app opens. */
    public static boolean isCsvName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt") || n.endsWith(".parquet");
    }
}
