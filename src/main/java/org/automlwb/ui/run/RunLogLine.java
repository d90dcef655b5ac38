package org.automlwb.ui.run;

import java.util.Locale;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.experiment.RunLog;

/** The log pane's line for an event: run.log's words with the run time in front. */
final class RunLogLine {
    private RunLogLine() { }

    static String of(RunEvent e) {
        return String.format(Locale.ROOT, "%7.2fs  %s", e.elapsedSeconds(), RunLog.text(e));
    }
}
