package org.automlwb.ui.results;

import java.util.Map;
import org.automlwb.engine.PlainNames;
import org.automlwb.predict.BatchPredictor;
import org.automlwb.export.PredictionsBesideInput;
import org.automlwb.ui.Fmt;

/** The message when Predict a file… is done: how many rows, where, and the metrics when the file had the target. */
final class PredictMessage {
    private PredictMessage() { }

    static String of(BatchPredictor.Summary s, PredictionsBesideInput.Result scored, String target) {
        StringBuilder text = new StringBuilder(Fmt.count(s.rows()) + " rows predicted and saved to " + s.out() + ".");
        if (!scored.metrics().isEmpty()) {
            text.append("\n\nThe file has the target column ").append(target).append(", so the predictions are "
                    + "scored on its ").append(Fmt.count(scored.scoredRows())).append(" rows:");
            for (Map.Entry<String, Double> m : scored.metrics().entrySet()) {
                text.append("\n  ").append(PlainNames.metric(m.getKey())).append("  ").append(Fmt.number(m.getValue()));
            }
            Double acc = scored.metrics().get("accuracy");
            if (acc != null) text.append("\nRight for ").append(Math.round(acc * 100)).append(" of every 100 rows.");
            Double mae = scored.metrics().get("mae");
            if (mae != null) text.append("\nTypical error ±").append(Fmt.shortNumber(mae)).append(' ').append(target)
                    .append('.');
        }
        if (!scored.note().isEmpty()) text.append("\n\n").append(scored.note());
        for (String w : s.warnings()) text.append("\n\nNote: ").append(w).append('.');
        return text.toString();
    }
}
