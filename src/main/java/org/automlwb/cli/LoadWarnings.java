package org.automlwb.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.automlwb.data.LoadedData;
import org.automlwb.data.NumberFixes;

/** Prints what loading a file changed or found doubtful, one {@code warning:} line each, for commands that train. */
final class LoadWarnings {
    private LoadWarnings() { }

    /**
     * One line per column where the number rule changed values, and one per load warning (e.g. mixed encodings),
     * each naming the file; nothing when there is nothing to say.
     */
    static void print(LoadedData data, PrintWriter err) {
        for (Map.Entry<String, NumberFixes> e : data.numberFixes().entrySet()) {
            err.println("warning: " + data.source() + ": column '" + e.getKey() + "': " + e.getValue().describe());
        }
        for (String w : data.warnings()) err.println("warning: " + data.source() + ": " + w);
        err.flush();
    }
}
