package org.automlwb.export;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.trial.TrialResult;

/**
 * {@code leaderboard.csv}: every trial, best first, of every engine of the run ({@code engine}, the last column,
 * so that readers of the earlier columns by position keep working).
 */
public final class LeaderboardCsv {
    private LeaderboardCsv() { }

    public static String format(List<TrialResult> rankedBestFirst, String metricKey) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            csv.printRecord("rank", "trial_id", "algorithm", "hyperparameters", metricKey, "fit_seconds", "status",
                    "origin", "error", "engine");
            int rank = 0;
            for (TrialResult r : rankedBestFirst) {
                csv.printRecord(r.ok() ? String.valueOf(++rank) : "", r.spec().trialId(), r.spec().algorithm(),
                        r.spec().config().toString(), r.ok() ? String.format(Locale.ROOT, "%.6g", r.score()) : "",
                        String.format(Locale.ROOT, "%.3f", r.fitSeconds()), r.status().name().toLowerCase(Locale.ROOT),
                        r.spec().origin(), r.error() == null ? "" : r.error(),
                        EngineKind.ofAlgorithm(r.spec().algorithm()).key());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
