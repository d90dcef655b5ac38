package org.automlwb.ui.dialog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Launcher;

/**
 * An error as the user sees it: a plain sentence, what to do, and details that stay folded away.
 *
 * @param title   dialog title, e.g. "Could not open sales.csv"
 * @param message what went wrong, in plain words (never a stack trace)
 * @param hint    what to do about it, or empty
 * @param details the full technical text, shown only when expanded
 */
public record ErrorReport(String title, String message, String hint, String details) {
    /** Where the app log lives, mentioned when something unexpected happened. */
    public static final String LOG_LOCATION = "~/.automl-workbench/logs/workbench.log";

    /** Explains a failure to open {@code file}. */
    public static ErrorReport openFailed(Path file, Throwable error) {
        String title = "Could not open " + (file == null ? "the file" : file.getFileName());
        Throwable e = error instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : error;
        if (e instanceof BadInputException bad) {
            StringBuilder where = new StringBuilder();
            if (bad.line() > 0) where.append("Line ").append(bad.line());
            if (bad.column() != null) {
                where.append(where.length() == 0 ? "Column '" : ", column '").append(bad.column()).append('\'');
            }
            String message = (where.length() == 0 ? "" : where + ": ") + sentence(bad.getMessage());
            return new ErrorReport(title, message, bad.hint() == null ? "" : sentence(forDesktop(bad.hint())),
                    bad.oneLine());
        }
        if (e instanceof NoSuchFileException) {
            return new ErrorReport(title, "The file does not exist any more.",
                    "It may have been moved or deleted. Pick it again with File > Open file….", stackTrace(e));
        }
        if (e instanceof java.io.IOException) {
            return new ErrorReport(title, "The file could not be read: " + e.getMessage(),
                    "Check that it is readable and not open in another program that locks it.", stackTrace(e));
        }
        if (e instanceof OutOfMemoryError) {
            return new ErrorReport(title, "The file is too large for the memory this app may use.",
                    "Start the app with more memory (" + Launcher.withHeap(8) + ") or open a smaller sample of the file.",
                    stackTrace(e));
        }
        return new ErrorReport(title, "Something unexpected went wrong while reading the file.",
                "Details are in the log file " + LOG_LOCATION + ".", stackTrace(e));
    }

    /** Hints are shared with the command line; name the dialog where they name a command-line flag. */
    static String forDesktop(String hint) {
        return hint.replace("(--skip-bad-rows)", "(File > Open with Options, \"Skip malformed rows\")");
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) return "The file could not be read.";
        String t = s.strip();
        return Character.toUpperCase(t.charAt(0)) + t.substring(1) + (t.endsWith(".") ? "" : ".");
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
