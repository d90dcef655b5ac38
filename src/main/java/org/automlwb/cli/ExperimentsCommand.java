package org.automlwb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.automlwb.export.ExperimentList;
import org.automlwb.export.ExperimentSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code experiments}: every experiment in a models folder, newest first, as a table or JSON. */
@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = "List the experiments in a models folder, newest first: data, target, metric, scores, "
                + "the chosen model, trials, date, budget and engine.")
public final class ExperimentsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "The models/ folder runs wrote to (default: models).")
    private Path models;

    @Option(names = "--json", description = "print one JSON line: an array with one object per experiment")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        List<ExperimentSummary> list = ExperimentList.of(models);
        if (json) {
            spec.commandLine().getOut().println(org.automlwb.common.Json.line(
                    list.stream().map(ExperimentsCommand::withLineage).toList()));
            return Cli.OK;
        }
        if (list.isEmpty()) {
            spec.commandLine().getOut().println("no experiments in " + models.toAbsolutePath().normalize()
                    + " yet: run writes them (run --data FILE --target COLUMN --out " + models + ")");
            return Cli.OK;
        }
        spec.commandLine().getOut().print(table(list));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }

    /** Columns sized to their widest cell, so that nothing is cut off. */
    static String table(List<ExperimentSummary> list) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "data", "target", "metric", "validation", "test", "model", "trials", "budget",
                "started", "engine"});
        for (ExperimentSummary s : list) {
            rows.add(new String[] {s.id(), orDash(s.data()), orDash(s.target()), orDash(s.metric()),
                    score(s.validation()), score(s.test()), s.problem() != null && s.leader() == null ? "(incomplete)"
                    : orDash(s.leader()), String.valueOf(s.trials()),
                    s.budgetSeconds() == null ? "trials" : String.format(Locale.ROOT, "%.0f s", s.budgetSeconds()),
                    started(s.created()), s.engine()});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                boolean last = c == r.length - 1;
                sb.append(last ? r[c] : String.format(Locale.ROOT, "%-" + width[c] + "s  ", r[c]));
            }
            sb.append('\n');
        }
        for (ExperimentSummary s : list) {
            if (s.problem() != null) sb.append(s.id()).append(": ").append(s.problem()).append('\n');
        }
        return sb.toString();
    }

    /** {@code 2026-12-07T13:38:52.947Z} as {@code 2026-12-07 13:38 UTC}, in the offset the run recorded. */
    static String started(String created) {
        if (created == null) return "-";
        try {
            java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(created);
            return String.format(Locale.ROOT, "%tF %<tR %s", t, t.getOffset().getTotalSeconds() == 0 ? "UTC"
                    : t.getOffset().getId());
        } catch (java.time.format.DateTimeParseException e) {
            return created;
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String score(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }

    /** An experiment's JSON with the lineage its config.json records (null for experiments from before lineage). */
    private static java.util.Map<String, Object> withLineage(ExperimentSummary e) {
        java.util.Map<String, Object> m = e.toJson();
        org.automlwb.data.Lineage l = org.automlwb.export.ExperimentConfig.lineage(e.dir().resolve("config.json"));
        m.put("lineage", l == null ? null : l.toJson());
        return m;
    }
}
