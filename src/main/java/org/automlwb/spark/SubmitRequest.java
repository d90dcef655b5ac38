package org.automlwb.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.automlwb.engine.run.RunSpec;

/**
 * A run to start through spark-submit: the same settings a run on this computer would use, as the {@code run}
 * command's options, with its trials on the cluster ({@code --executor spark}) and its events on stdout
 * ({@code --events}) for the app to follow.
 *
 * @param target     the Spark home and master
 * @param appJar     the jar holding this program (spark-submit's application jar)
 * @param extraJars  further jars it needs ({@code --jars}): empty for the single desktop jar, the libraries of an
 *                   installed app image otherwise
 * @param data       the training file, as the cluster's driver sees it (client mode: this computer's path)
 * @param test       the separate test file, or null
 * @param spec       the run's settings
 * @param recipeFile the recipe as a file, or null for the automatic one
 * @param spaceFile  the search space as a file, or null for the declared one
 * @param modelsRoot the {@code models/} folder the experiment is written under
 * @param engines    engine keys ({@code tribuo}, ...), in order
 */
public record SubmitRequest(SparkSubmitTarget target, Path appJar, List<Path> extraJars, Path data, Path test,
                            RunSpec spec, Path recipeFile, Path spaceFile, Path modelsRoot, List<String> engines) {
    /** The class spark-submit starts: the jar's one entry point ({@code Main-Class} of its manifest). */
    public static final String MAIN_CLASS = "org.automlwb.Main";

    public SubmitRequest {
        extraJars = List.copyOf(extraJars);
        engines = List.copyOf(engines);
    }

    /** The whole command line: spark-submit, its options, the application jar, then {@code run} and its options. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(target.sparkSubmit().toString());
        cmd.add("--master");
        cmd.add(target.master());
        // client mode: the driver runs here, so the data path and the models folder are this computer's, and its
        // stdout (the event lines) comes back through the pipe the app reads
        cmd.add("--deploy-mode");
        cmd.add("client");
        cmd.add("--name");
        cmd.add("AutoML Workbench: " + data.getFileName());
        cmd.add("--class");
        cmd.add(MAIN_CLASS);
        if (!extraJars.isEmpty()) {
            cmd.add("--jars");
            cmd.add(extraJars.stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        cmd.add(appJar.toString());
        cmd.addAll(runArguments());
        return cmd;
    }

    /** The {@code run} command and its options, as {@code java -jar automl-workbench.jar run ...} takes them. */
    public List<String> runArguments() {
        List<String> a = new ArrayList<>();
        a.add("run");
        add(a, "--data", data.toString());
        add(a, "--target", spec.target());
        if (test != null) add(a, "--test", test.toString());
        add(a, "--task", spec.task() == null ? "auto" : spec.task().key());
        if (spec.metric() != null) add(a, "--metric", spec.metric().key());
        if (spec.budget() != null) add(a, "--budget", seconds(spec.budget()));
        if (spec.maxTrials() > 0) add(a, "--max-trials", Integer.toString(spec.maxTrials()));
        add(a, "--threads", Integer.toString(spec.threads()));
        add(a, "--seed", Long.toString(spec.seed()));
        add(a, "--search", spec.search());
        if (!spec.algorithms().isEmpty()) add(a, "--algorithms", String.join(",", spec.algorithms()));
        add(a, "--folds", Integer.toString(spec.folds()));
        if (!spec.ensemble()) a.add("--no-ensemble");
        if (recipeFile != null) add(a, "--recipe", recipeFile.toString());
        if (spaceFile != null) add(a, "--space", spaceFile.toString());
        add(a, "--out", modelsRoot.toString());
        if (!engines.isEmpty()) add(a, "--engine", String.join(",", engines));
        add(a, "--executor", "spark");
        add(a, "--master", target.master());
        a.add("--events");
        return a;
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }

    /** A budget in whole seconds, rounded up (the run's own parser takes {@code 90s}). */
    private static String seconds(Duration d) {
        long s = (d.toMillis() + 999) / 1000;
        return String.format(Locale.ROOT, "%ds", Math.max(1, s));
    }
}
