package org.automlwb.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.export.Deployment;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.RecipeFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: an AutoML run from the command line. A live progress line on stderr; the last stdout line is a
 * one-line JSON summary (experiment id, leader, main metric).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Search for the best model for TARGET in a CSV file and write models/experiments/<id>/.")
public final class RunCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(RunCommand.class);
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", description = "Training CSV or Parquet file; with --executor spark also a folder, a glob "
            + "or an hdfs:// or s3a:// location that Spark reads, profiled on the cluster and sampled to fit.")
    Path data;

    @Option(names = "--target", description = "Column to predict.")
    String target;

    @Option(names = "--test", description = "Separate test CSV, scored once at the end by the final model only.")
    Path test;

    @Option(names = "--task", defaultValue = "auto", description = "auto, binary, multiclass or regression.")
    String task;

    @Option(names = "--metric", description = "auc, accuracy, balanced_accuracy, logloss, macro_f1, rmse, mae, r2 "
            + "(default: auc for binary, logloss for multiclass, rmse for regression).")
    String metric;

    @Option(names = "--budget", converter = Durations.class,
            description = "Wall-clock budget including ensemble and refit, e.g. 60s, 5m (default 60s unless "
                    + "--max-trials is given).")
    Duration budget;

    @Option(names = "--max-trials", defaultValue = "0", description = "Stop after this many trials.")
    int maxTrials;

    @Option(names = "--threads", description = "Cores to use (default: all).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--search", defaultValue = "auto", description = "auto (portfolio, then TPE and random in turn), tpe, "
            + "random, portfolio.")
    String search;

    @Option(names = "--algorithms", split = ",", description = "Only these algorithm ids.")
    List<String> algorithms;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--no-ensemble", description = "Do not build an ensemble at the end.")
    boolean noEnsemble;

    @Option(names = "--recipe", description = "Preprocessing recipe JSON, or a fitted recipe from prepare (its steps"
            + " are fitted again on each fold's training rows; default: the automatic recipe).")
    Path recipe;

    @Option(names = "--space", description = "Search space JSON (algorithms and ranges).")
    Path space;

    @Option(names = "--out", defaultValue = "models", description = "The models/ folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", description = "Continue a stopped or killed run: models/experiments/ID.")
    Path resume;

    @Option(names = "--engine", defaultValue = "tribuo", description = "Engines, comma-separated, run one after another "
            + "on the same data, each with an equal share of the budget left: tribuo, h2o, sklearn, auto-sklearn "
            + "(default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--events", description = "Also print every run event (trials started and finished, stages, "
            + "new best) on stdout as it happens, one JSON line each, before the summary line: for programs that follow "
            + "the run, such as the desktop app running it through spark-submit.")
    boolean events;

    @Option(names = "--no-deploy", description = "Do not copy the model to deployment/ (beside the models/ folder).")
    boolean noDeploy;

    @picocli.CommandLine.Mixin
    ExecutorOptions where = new ExecutorOptions();

    @Override
    public Integer call() throws Exception {
        if (resume != null) return resume();
        if (data == null || target == null) {
            throw new BadInputException("run needs --data and --target (or --resume)", "see: run --help");
        }
        RunSpec runSpec = runSpec();
        List<EngineKind> engines = EngineKind.parseList(engine);
        try (TrainingData training = TrainingData.load(dataText(), runSpec, spec.commandLine().getErr())) {
            return run(training, engines);
        }
    }

    /** The run on data loaded or drawn. */
    private Integer run(TrainingData training, List<EngineKind> engines) throws Exception {
        RunSpec runSpec = training.spec();
        LoadedData train = training.rows();
        LoadedData testData = test == null ? null : CsvLoader.load(test);
        LoadWarnings.print(train, spec.commandLine().getErr());
        if (testData != null) LoadWarnings.print(testData, spec.commandLine().getErr());
        Recipe userRecipe = null;
        if (recipe != null) {
            RecipeFile given = RecipeFile.read(recipe);
            given.checkFor(target, train.table().columnNames());
            // A fitted recipe's steps are fitted again on each fold's training rows, as any recipe's: its values were
            // learnt from rows that include this run's validation rows. Its values as they are: run on the
            // prepared file (prepare --recipe replays them).
            userRecipe = given.recipe();
        }
        ExperimentOutcome outcome;
        try (StopOnInterrupt stop = StopOnInterrupt.install(spec.commandLine().getErr())) {
            RunListener progress = listeners();
            outcome = training.source() == null
                    ? Experiments.run(train, testData, new RunPlan(engines, runSpec), userRecipe, recipe, out,
                            stop.token(), progress)
                    : Experiments.runDrawn(train, training.source(), testData, new RunPlan(engines, runSpec),
                            userRecipe, recipe, out, true, stop.token(), progress);
        }
        return finish(outcome, out, outcome.summary().outcome() == RunSummary.Outcome.FAILED ? Cli.INTERNAL_ERROR
                : Cli.OK);
    }

    /**
     * Deploys and prints the summary. A failed deployment (a full disk) does not hide what succeeded: the summary
     * still names the experiment and the exported model, and one more line on stderr says what failed (exit 2).
     */
    private Integer finish(ExperimentOutcome outcome, Path modelsRoot, int exitCode) {
        Deployment.Deployed deployed;
        try {
            deployed = deploy(outcome, modelsRoot);
        } catch (BadInputException e) {
            printSummary(outcome, null);
            spec.commandLine().getErr().println("error: " + e.oneLine()
                    + " (the experiment and the model were written; deploy again with: export --experiment "
                    + outcome.folder().dir() + " --deploy)");
            spec.commandLine().getErr().flush();
            LOGGER.info("deployment failed after the run", e);
            return Cli.BAD_INPUT;
        }
        printSummary(outcome, deployed);
        return exitCode;
    }

    /**
     * {@code --data} as typed: a Path would fold {@code hdfs://host/x} into {@code hdfs:/host/x}.
     */
    private String dataText() {
        picocli.CommandLine.Model.OptionSpec o = spec.commandLine().getParseResult() == null ? null
                : spec.commandLine().getParseResult().matchedOption("--data");
        return o != null && !o.originalStringValues().isEmpty()
                ? o.originalStringValues().get(o.originalStringValues().size() - 1) : data.toString();
    }

    private Integer resume() throws Exception {
        ExperimentFolder folder = ExperimentFolder.open(resume);
        ExperimentOutcome outcome;
        try (StopOnInterrupt stop = StopOnInterrupt.install(spec.commandLine().getErr())) {
            outcome = Experiments.resume(folder, stop.token(), listeners());
        }
        return finish(outcome, resume.toAbsolutePath().normalize().getParent().getParent(), Cli.OK);
    }

    /** The live progress line on stderr, and with {@code --events} the event lines on stdout. */
    private RunListener listeners() {
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), System.console() != null);
        if (!events) return progress;
        EventLinePrinter lines = new EventLinePrinter(spec.commandLine().getOut());
        return e -> {
            progress.onEvent(e);
            lines.onEvent(e);
        };
    }

    RunSpec runSpec() throws BadInputException {
        TaskType t = switch (task.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> null;
            case "binary" -> TaskType.BINARY;
            case "multiclass" -> TaskType.MULTICLASS;
            case "regression" -> TaskType.REGRESSION;
            default -> throw new BadInputException("unknown task '" + task + "'",
                    "use auto, binary, multiclass or regression");
        };
        Metric m = null;
        if (metric != null) {
            try {
                m = Metric.fromKey(metric);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("unknown metric '" + metric + "'",
                        "use auc, accuracy, balanced_accuracy, logloss, macro_f1, rmse, mae or r2");
            }
        }
        if (folds < 2) throw new BadInputException("--folds must be at least 2", "use e.g. --folds 5");
        Duration b = budget != null ? budget : (maxTrials > 0 ? null : Duration.ofSeconds(60));
        RunSpec s = new RunSpec(target, t, m, b, Math.max(0, maxTrials),
                threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors(), seed, search,
                algorithms == null ? List.of() : algorithms, folds, RunSpec.holdoutAboveFor(b), 0, !noEnsemble, null);
        if (space != null) s = Experiments.applySpaceFile(s, space);
        return s.withExecutor(where.settings());
    }

    /** Deploys the exported model beside {@code models/}, unless told not to; null when nothing was deployed. */
    private Deployment.Deployed deploy(ExperimentOutcome outcome, Path modelsRoot) throws BadInputException {
        if (noDeploy || outcome.trainedModel() == null) return null;
        return Deployment.deploy(outcome.trainedModel().dir(), Deployment.rootFor(modelsRoot));
    }

    private void printSummary(ExperimentOutcome outcome, Deployment.Deployed deployed) {
        RunSummary s = outcome.summary();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("experiment", outcome.folder().id());
        line.put("path", outcome.folder().dir().toString());
        line.put("outcome", s.outcome().name().toLowerCase(java.util.Locale.ROOT));
        line.put("task", s.task() == null ? null : s.task().key());
        line.put("metric", s.metric() == null ? null : s.metric().key());
        line.put("leader", s.leader() == null ? null : s.leader().spec().algorithm());
        line.put("validation", s.metric() == null ? null : s.validation().get(s.metric().key()));
        if (!s.test().isEmpty()) line.put("test", s.test().get(s.metric().key()));
        line.put("trials", s.trials());
        line.put("wall_s", Math.round(s.wallSeconds() * 10) / 10.0);
        if (outcome.trainedModel() != null) line.put("model", outcome.trainedModel().dir().toString());
        RunResult result = outcome.result();
        if (result != null && result.source() != null) {
            // Data drawn from a larger source: how many rows each step saw.
            Map<String, Object> rows = new LinkedHashMap<>();
            rows.put("total", result.source().totalRows());
            rows.put("drawn", result.trainingRows());
            rows.put("searched", result.searchedRows());
            rows.put("final_model", result.trainedRows());
            line.put("rows", rows);
        }
        if (deployed != null) line.put("serving", deployed.serving().toString());
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
    }
}
