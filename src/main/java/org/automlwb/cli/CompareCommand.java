package org.automlwb.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.ModelLoader;
import org.automlwb.export.serving.ModelComparison;
import org.automlwb.export.serving.ModelSource;
import org.automlwb.export.serving.ServingVersions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: scores a candidate and a baseline (the served version of a deployed model, or a model folder)
 * on one test file. With {@code --require-better} the exit code says it too, for a pipeline step:
 * {@value #NOT_BETTER} when the candidate is not better (Airflow's default {@code skip_on_exit_code}, so the
 * deploy step after it is skipped, not failed).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Score a candidate model and the served version (or another model) on one test file; "
                + "prints which is better as one JSON line.")
public final class CompareCommand implements Callable<Integer> {
    /** The exit code of {@code --require-better} when the candidate is not better. */
    public static final int NOT_BETTER = 99;

    @Spec
    private CommandSpec spec;

    @Option(names = "--candidate", required = true, paramLabel = "ID|DIR",
            description = "An experiment id, 'latest', an experiment folder or a trained model folder.")
    private String candidate;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "The models/ folder experiment ids are looked up in (default: ${DEFAULT-VALUE}).")
    private Path models;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Baseline baseline;

    /** What the candidate is compared with. */
    static final class Baseline {
        @Option(names = "--name", description = "A deployed model: its served version is the baseline.")
        String name;

        @Option(names = "--baseline", paramLabel = "DIR", description = "A model folder as the baseline.")
        Path dir;
    }

    @Option(names = "--deployment", paramLabel = "DIR", defaultValue = "deployment",
            description = "The deployment/ folder for --name (default: ${DEFAULT-VALUE}).")
    private Path deployment;

    @Option(names = "--data", required = true, description = "The test CSV, with the target column.")
    private Path data;

    @Option(names = "--metric", description = "The metric (default: the candidate's run metric).")
    private String metric;

    @Option(names = "--require-better",
            description = "Exit with " + NOT_BETTER + " when the candidate is not better (for pipelines).")
    private boolean requireBetter;

    @Override
    public Integer call() throws Exception {
        ModelLoader.LoadedModel c = ModelLoader.load(ModelSource.trainedModel(candidate, models));
        Path base = baselineDir();
        ModelLoader.LoadedModel b = base == null ? null : ModelLoader.load(base);
        ModelComparison.Outcome o = ModelComparison.compare(c, b, data, metric);
        spec.commandLine().getOut().println(Json.line(o.toJson(c.dir().toAbsolutePath().normalize().toString(),
                base == null ? null : base.toAbsolutePath().normalize().toString())));
        spec.commandLine().getOut().flush();
        return requireBetter && !o.better() ? NOT_BETTER : Cli.OK;
    }

    /** The baseline's folder, or null when the deployed model has no version yet (the first deployment). */
    private Path baselineDir() throws BadInputException {
        if (baseline.dir != null) return baseline.dir;
        ServingVersions v = ServingVersions.of(deployment, baseline.name);
        Optional<String> served = v.served();
        return served.map(s -> v.dir().resolve(s)).orElse(null);
    }
}
