package org.automlwb.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: runs {@code run} on every {@code NAME.train.csv} / {@code NAME.test.csv} pair of a folder and
 * appends one JSON line per data set, in the shape the peer harness writes, so the two tables line up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run AutoML on every NAME.train.csv / NAME.test.csv pair in a folder (target = last column) "
                + "and append one JSON line per data set.")
public final class BenchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", required = true, description = "Folder with NAME.train.csv / NAME.test.csv pairs.")
    Path dataDir;

    @Option(names = "--budget", required = true, converter = Durations.class,
            description = "Wall-clock budget per data set, e.g. 60s.")
    Duration budget;

    @Option(names = "--threads", description = "Cores to use (default: all).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--only", split = ",", description = "Only these data set names.")
    List<String> only;

    @Option(names = "--search", defaultValue = "auto", description = "auto, tpe, random or portfolio.")
    String search;

    @Option(names = "--engine", defaultValue = "tribuo", description = "Engines, comma-separated: each data set is run "
            + "once per engine, on the same split and seed, and each run is one line with its engine (default: "
            + "${DEFAULT-VALUE}).")
    String engine;

    @picocli.CommandLine.Mixin
    ExecutorOptions where = new ExecutorOptions();

    /** {@link #where}, checked once before the first data set. */
    private org.automlwb.engine.run.ExecutorSettings executor;

    @Option(names = "--models", description = "Where experiments go (default: a bench-out/models folder).")
    Path models;

    @Option(names = "--out", required = true, description = "JSON lines file to append to.")
    Path out;

    @Option(names = "--in-process", description = "Run every data set in this process instead of a fresh one each "
            + "(peak memory then includes what earlier data sets left on the heap).")
    boolean inProcess;

    /** Set in the child process of one data set: print the line instead of appending it. */
    @Option(names = "--child", hidden = true)
    boolean child;

    @Override
    public Integer call() throws Exception {
        List<String> names = datasets();
        if (names.isEmpty()) {
            throw new BadInputException("no NAME.train.csv / NAME.test.csv pairs found", dataDir, 0, null,
                    "point --data-dir at a folder holding such pairs");
        }
        Path modelsRoot = models != null ? models : Path.of("bench-out", "models");
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<EngineKind> engines = EngineKind.parseList(engine);
        executor = where.settings();
        for (String name : names) {
            for (EngineKind kind : engines) {
                Map<String, Object> line;
                if (inProcess || child) {
                    PeakMemory.reset();
                    line = benchOne(name, modelsRoot, cores, kind);
                    PeakMemory.peakMb().ifPresent(mb -> line.put("peak_rss_mb", round(mb)));
                } else {
                    line = ChildJvm.bench(name, this, modelsRoot, cores, kind);
                }
                if (!child) appendLine(line);
                spec.commandLine().getOut().println(Json.line(line));
                spec.commandLine().getOut().flush();
            }
        }
        return Cli.OK;
    }

    private List<String> datasets() throws IOException {
        if (!Files.isDirectory(dataDir)) return List.of();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDir)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".train.csv"))
                    .map(f -> f.substring(0, f.length() - ".train.csv".length()))
                    .filter(n -> Files.exists(dataDir.resolve(n + ".test.csv")))
                    .filter(n -> only == null || only.contains(n))
                    .sorted().forEach(names::add);
        }
        return names;
    }

    private Map<String, Object> benchOne(String name, Path modelsRoot, int cores, EngineKind kind) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("tool", "automl-workbench");
        line.put("tool_version", new Cli.Version().getVersion()[0].replace("AutoML Workbench ", ""));
        line.put("dataset", name);
        line.put("engine", kind.key());
        line.put("budget_s", budget.toMillis() / 1000.0);
        line.put("seed", seed);
        line.put("nthreads", cores);
        line.put("executor", executor.describe());
        CpuMeter cpu = new CpuMeter();
        try {
            LoadedData train = CsvLoader.load(dataDir.resolve(name + ".train.csv"));
            LoadedData test = CsvLoader.load(dataDir.resolve(name + ".test.csv"));
            String target = train.table().columnNames().get(train.table().columnCount() - 1);
            double loadSeconds = cpu.wallSeconds();
            RunSpec runSpec = RunSpec.defaults(target).withBudget(budget).withThreads(cores).withSeed(seed)
                    .withSearch(search).withHoldoutAbove(RunSpec.holdoutAboveFor(budget))
                    .withExecutor(executor);
            spec.commandLine().getErr().println("== " + name + " (" + train.table().rowCount() + " rows)");
            ExperimentOutcome outcome = Experiments.runWithoutReport(train, test, new RunPlan(List.of(kind), runSpec),
                    null, modelsRoot,
                    CancelToken.none(),
                    new ProgressPrinter(spec.commandLine().getErr(), false), cpu);
            RunSummary s = outcome.summary();
            line.put("task", s.task().key());
            // wall_s includes reading the files, like the peers' figure; run_s is what the budget governs.
            line.put("wall_s", round(cpu.wallSeconds()));
            line.put("run_s", round(s.wallSeconds()));
            line.put("load_s", round(loadSeconds));
            line.put("n_models", s.trials());
            line.put("leader", s.leader() == null ? null : s.leader().spec().algorithm() + " "
                    + s.leader().spec().config());
            line.put("n_train", train.table().rowCount());
            line.put("n_test", test.table().rowCount());
            line.put("metrics", s.test());
            line.put("validation_metrics", s.validation());
            line.put("outcome", s.outcome().name());
            line.put("cpu_s", round(cpu.cpuSeconds()));
            line.put("cpu_use_search", round(cpu.searchUse(cores)));
            line.put("experiment", outcome.folder().dir().toString());
        } catch (BadInputException e) {
            line.put("error", e.oneLine());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            line.put("error", "interrupted");
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("bench {} failed", name, e);
            line.put("error", e.toString());
        }
        return line;
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    private void appendLine(Map<String, Object> line) throws IOException {
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(Json.line(line));
            w.newLine();
        }
    }
}
