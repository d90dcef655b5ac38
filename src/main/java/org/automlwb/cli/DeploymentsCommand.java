package org.automlwb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.automlwb.common.Json;
import org.automlwb.export.serving.DeploymentList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deployments}: the served models, their versions, which one is current, scores and dates. */
@Command(name = "deployments", mixinStandardHelpOptions = true,
        description = "List the served models and their versions: which is current, metric, scores, date.")
public final class DeploymentsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--deployment", paramLabel = "DIR", defaultValue = "deployment",
            description = "The deployment/ folder (default: ${DEFAULT-VALUE}).")
    private Path deployment;

    @Option(names = "--json", description = "print one JSON line: an array with one object per version")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        List<DeploymentList.Version> list = DeploymentList.of(deployment);
        if (json) {
            spec.commandLine().getOut().println(Json.line(list.stream().map(DeploymentList.Version::toJson).toList()));
        } else if (list.isEmpty()) {
            spec.commandLine().getOut().println("no deployed models in " + deployment.toAbsolutePath().normalize()
                    + " yet: deploy --experiment ID --name NAME writes them");
        } else {
            spec.commandLine().getOut().print(table(list));
        }
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }

    /** Columns sized to their widest cell; '*' marks the served version. */
    static String table(List<DeploymentList.Version> list) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "version", "current", "algorithm", "metric", "validation", "test", "created"});
        for (DeploymentList.Version v : list) {
            rows.add(new String[] {v.model(), v.version(), v.current() ? (v.promoted() ? "*" : "* (highest)") : "",
                    dash(v.algorithm()), dash(v.metric()), score(v.validation()), score(v.test()),
                    v.created() == null ? "-" : ExperimentsCommand.started(v.created())});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                sb.append(c == r.length - 1 ? r[c] : String.format(Locale.ROOT, "%-" + width[c] + "s  ", r[c]));
            }
            sb.append('\n');
        }
        for (DeploymentList.Version v : list) {
            if (v.problem() != null) sb.append(v.model()).append(' ').append(v.version()).append(": ")
                    .append(v.problem()).append('\n');
        }
        return sb.toString();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String score(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
