package org.automlwb.export.serving;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.export.ModelLoader;
import tech.tablesaw.api.Table;

/**
 * {@code compare}: a candidate model and the served one scored on the same test file with the same metric. The
 * candidate is better only when its score is strictly better: on a tie the served version stays, since replacing
 * it gains nothing and costs a rollout.
 */
public final class ModelComparison {
    private ModelComparison() { }

    /**
     * The outcome.
     *
     * @param metric    the metric both were scored with
     * @param rows      test rows scored (those with a target)
     * @param candidate the candidate's score
     * @param baseline  the served version's score, or null when nothing is served yet
     * @param better    whether the candidate should replace the served version
     */
    public record Outcome(Metric metric, int rows, double candidate, Double baseline, boolean better) {
        /** The JSON object {@code compare} prints. */
        public Map<String, Object> toJson(String candidateDir, String baselineDir) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("better", better ? "candidate" : "baseline");
            m.put("metric", metric.key());
            m.put("rows", rows);
            m.put("candidate", candidate);
            m.put("baseline", baseline);
            m.put("candidate_model", candidateDir);
            m.put("baseline_model", baselineDir);
            return m;
        }
    }

    /**
     * Scores both on {@code test}.
     *
     * @param metricKey the metric, or null for the candidate's run metric
     * @param baseline  the served version, or null when there is none (the candidate is then better)
     */
    public static Outcome compare(ModelLoader.LoadedModel candidate, ModelLoader.LoadedModel baseline, Path test,
                                  String metricKey) throws BadInputException {
        Metric metric = metric(candidate, metricKey);
        if (baseline != null && (baseline.model().task() != candidate.model().task()
                || !baseline.metadata().target().equals(candidate.metadata().target()))) {
            throw new BadInputException("the models predict different things: " + describe(candidate) + " and "
                    + describe(baseline), baseline.dir(), 0, null, "compare models of the same target and task");
        }
        Table raw = CsvLoader.load(test).table();
        LabelledData c = labelled(raw, candidate, test);
        double cs = metric.compute(c.targets(), candidate.model().predict(c.table()));
        if (baseline == null) return new Outcome(metric, c.targets().size(), cs, null, true);
        LabelledData b = labelled(raw, baseline, test);
        double bs = metric.compute(b.targets(), baseline.model().predict(b.table()));
        boolean better = metric.higherIsBetter() ? cs > bs : cs < bs;
        return new Outcome(metric, c.targets().size(), cs, bs, better);
    }

    private static LabelledData labelled(Table raw, ModelLoader.LoadedModel m, Path test) throws BadInputException {
        try {
            return LabelledData.forScoring(raw, m.metadata().target(), m.model().task(), m.model().classNames());
        } catch (BadInputException e) {
            // The loader's message names the column; the file is the test file.
            throw new BadInputException(e.getMessage(), test, e.line(), e.column(), e.hint());
        }
    }

    private static Metric metric(ModelLoader.LoadedModel candidate, String key) throws BadInputException {
        String k = key != null ? key : candidate.metadata().json().path("metric").asText(null);
        Metric m;
        try {
            m = k == null ? Metric.defaultFor(candidate.model().task()) : Metric.fromKey(k);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown metric '" + k + "'",
                    "use auc, accuracy, balanced_accuracy, logloss, macro_f1, rmse, mae or r2");
        }
        if (!m.appliesTo(candidate.model().task())) {
            throw new BadInputException("the metric " + m.key() + " does not apply to " + describe(candidate),
                    "choose a metric for " + candidate.model().task().key());
        }
        return m;
    }

    private static String describe(ModelLoader.LoadedModel m) {
        return m.metadata().modelId() + " (" + m.model().task().key() + " of '" + m.metadata().target() + "')";
    }
}
