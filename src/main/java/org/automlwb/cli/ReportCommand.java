package org.automlwb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureImportance;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.export.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report --experiment models/experiments/ID}: writes the experiment's self-contained HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report of an experiment (opens offline, charts included).")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--experiment", required = true, paramLabel = "DIR",
            description = "The experiment folder, models/experiments/ID.")
    private Path experiment;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the report (default: report.html in the experiment folder).")
    private Path out;

    @Option(names = "--importance-rows", defaultValue = "5000", paramLabel = "N",
            description = "Rows sampled for feature importance (default: ${DEFAULT-VALUE}).")
    private int importanceRows;

    @Option(names = "--importance-seconds", defaultValue = "60", paramLabel = "S",
            description = "Time allowed for feature importance; fewer rows and repeats for slow models "
                    + "(default: ${DEFAULT-VALUE}).")
    private double importanceSeconds;

    @Option(names = "--paths",
            description = "Write the data files' full paths on this machine (default: their names only, so a report "
                    + "sent to others does not tell where the data lives).")
    private boolean paths;

    @Override
    public Integer call() throws Exception {
        ExperimentFolder folder = ExperimentFolder.open(experiment);
        FeatureImportance.Settings d = FeatureImportance.Settings.defaults();
        Path written = ReportWriter.write(folder, out != null ? out : folder.dir().resolve(ReportWriter.REPORT_FILE),
                new FeatureImportance.Settings(Math.max(2, importanceRows), d.repeats(), d.seed(),
                        Math.max(1, importanceSeconds)), CancelToken.none(), paths);
        spec.commandLine().getOut().println(written.toAbsolutePath());
        return Cli.OK;
    }
}
