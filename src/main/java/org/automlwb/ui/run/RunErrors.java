package org.automlwb.ui.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Launcher;
import org.automlwb.export.bundle.ModelFileChangedException;
import org.automlwb.ui.dialog.ErrorReport;

/** Why a run could not start or finish, in the words of an error dialog. */
public final class RunErrors {
    private RunErrors() { }

    static ErrorReport report(Throwable error) {
        return report("The run could not start", "The run failed", error);
    }

    /**
     * An error of background work in plain words.
     *
     * @param badInputTitle the title when the user's input is at fault
     * @param failedTitle   the title for anything else
     */
    public static ErrorReport report(String badInputTitle, String failedTitle, Throwable error) {
        Throwable e = error.getCause() != null && !(error instanceof BadInputException)
                && error.getCause() instanceof BadInputException ? error.getCause() : error;
        if (e instanceof ModelFileChangedException changed) {
            // the generic titles ("These rows cannot be predicted") would blame the user's data for a damaged model
            String name = changed.file() == null ? "A model file" : changed.file().getFileName().toString();
            return new ErrorReport("The model's files were changed", name + " is not what was written when the "
                    + "model was exported, so it is not loaded.", "Export the model again from its experiment.",
                    changed.oneLine());
        }
        if (e instanceof BadInputException bad) {
            String where = bad.column() == null ? "" : "Column '" + bad.column() + "': ";
            return new ErrorReport(badInputTitle, where + sentence(bad.getMessage()),
                    bad.hint() == null ? "" : sentence(bad.hint()), bad.oneLine());
        }
        if (e instanceof OutOfMemoryError) {
            return new ErrorReport("The run ran out of memory", "The data or the models are too large for the "
                    + "memory this app may use.", "Start the app with more memory (" + Launcher.withHeap(8) + ") or "
                    + "choose fewer or lighter algorithms in Search.", trace(e));
        }
        return new ErrorReport(failedTitle, "Something unexpected went wrong.",
                "Details are in the log file " + ErrorReport.LOG_LOCATION + ".", trace(e));
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) return "";
        String t = s.strip();
        return Character.toUpperCase(t.charAt(0)) + t.substring(1) + (t.endsWith(".") ? "" : ".");
    }

    private static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
