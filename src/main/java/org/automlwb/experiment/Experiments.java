package org.automlwb.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.data.SampledSource;
import org.automlwb.engine.api.Availability;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.EngineRegistry;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.ExecutorSettings;
import org.automlwb.engine.run.TrialExecutors;
import org.automlwb.engine.run.AutoMLRun;
import org.automlwb.engine.run.Journal;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.ResumeState;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.space.SpaceFile;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.export.ExperimentConfig;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.export.ExperimentWriter;
import org.automlwb.export.ModelExport;
import org.automlwb.export.RunStateFile;
import org.automlwb.export.report.ReportWriter;
import org.automlwb.prep.Recipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An experiment from start to folder, the one path that the {@code run} and {@code bench} commands and the
 * desktop app all take: check the inputs (nothing is written if they are wrong), create
 * {@code models/experiments/<id>/} with {@code config.json}, run with a live journal and {@code run.log}, write the
 * results, and export the chosen model to {@code models/trained_models/<experiment-id>/} ({@link ModelExport}).
 */
public final class Experiments {
    private static final Logger LOG = LoggerFactory.getLogger(Experiments.class);
    private Experiments() { }

    /**
     * A run of the plan's engines, one after another on the same data ({@link RunPlan}).
     *
     * @param test       test data, or null
     * @param recipe     the preprocessing recipe, or null for the automatic one
     * @param modelsRoot the {@code models/} folder
     * @throws BadInputException before anything is written, when the inputs are wrong or no engine of the plan
     *                           can run here (an engine of several that cannot is said in one line, and skipped)
     */
    public static ExperimentOutcome run(LoadedData train, LoadedData test, RunPlan plan, Recipe recipe,
                                        Path modelsRoot, CancelToken cancel, RunListener... listeners)
            throws BadInputException, InterruptedException {
        return start(train, null, test, plan, recipe, null, modelsRoot, cancel, true, listeners);
    }

    /**
     * A run on rows drawn from a source larger than this JVM's heap (data read through Spark): the search keeps to
     * the rows that fit one executor, the refit takes the drawn rows, and config.json, the metrics and the report
     * record the source with all three sizes instead of a file and its hash.
     *
     * @param drawn  the drawn rows (their {@code source} path names the location, for the experiment's name)
     * @param source where and how they were drawn
     * @param report whether to write report.html ({@code bench} leaves it out)
     */
    public static ExperimentOutcome runDrawn(LoadedData drawn, SampledSource source, LoadedData test, RunPlan plan,
                                             Recipe recipe, Path recipeFile, Path modelsRoot, boolean report,
                                             CancelToken cancel, RunListener... listeners)
            throws BadInputException, InterruptedException {
        return start(drawn, source, test, plan, recipe, recipeFile, modelsRoot, cancel, report, listeners);
    }

    /** As {@link #run(LoadedData, LoadedData, RunPlan, Recipe, Path, CancelToken, RunListener...)}, with the file the
     * recipe came from, named with its hash in the experiment's lineage. */
    public static ExperimentOutcome run(LoadedData train, LoadedData test, RunPlan plan, Recipe recipe,
                                        Path recipeFile, Path modelsRoot, CancelToken cancel, RunListener... listeners)
            throws BadInputException, InterruptedException {
        return start(train, null, test, plan, recipe, recipeFile, modelsRoot, cancel, true, listeners);
    }

    /** As {@link #run(LoadedData, LoadedData, RunPlan, Recipe, Path, CancelToken, RunListener...)}, without writing
     * report.html (the benchmark times runs, not reports). */
    public static ExperimentOutcome runWithoutReport(LoadedData train, LoadedData test, RunPlan plan, Recipe recipe,
                                        Path modelsRoot, CancelToken cancel, RunListener... listeners)
            throws BadInputException, InterruptedException {
        return start(train, null, test, plan, recipe, null, modelsRoot, cancel, false, listeners);
    }

    private static ExperimentOutcome start(LoadedData train, SampledSource source, LoadedData test, RunPlan plan,
                                           Recipe recipe, Path recipeFile, Path modelsRoot, CancelToken cancel,
                                           boolean report, RunListener[] listeners)
            throws BadInputException, InterruptedException {
        PreparedRun prepared = AutoMLRun.prepare(train.table(), test == null ? null : test.table(), plan.spec(),
                recipe, source);
        TrialExecutors.check(plan.spec().executor()); // a cluster that does not answer: no engine is readied
        List<EngineSequence.Part> parts = parts(plan.engines(), prepared);
        prepared = clockAfterConnecting(prepared);
        ExperimentFolder folder = ExperimentFolder.create(modelsRoot, datasetName(train.source()));
        AtomicFiles.writeString(folder.configJson(), source != null
                ? ExperimentConfig.json(prepared, source, test == null ? null : test.source(), recipeFile)
                : ExperimentConfig.json(prepared, train.source(), test == null ? null : test.source(), recipeFile));
        AtomicFiles.writeString(folder.dir().resolve(RunPlan.FILE), plan.toJson(prepared));
        return execute(folder, prepared, parts, ResumeState.none(), cancel, report
                ? new ReportWriter.Loaded(train, test) : null, listeners);
    }

    /**
     * Finds and readies each engine of the plan. An engine this build lacks, that cannot run here, or that cannot
     * take this data is left out with its reason when others remain; when none remains the run is refused, before
     * anything is written.
     */
    static List<EngineSequence.Part> parts(List<EngineKind> engines, PreparedRun prepared) throws BadInputException {
        EngineRegistry registry = EngineRegistry.installed();
        List<EngineSequence.Part> parts = new ArrayList<>();
        List<String> why = new ArrayList<>();
        BadInputException only = null;
        for (EngineKind kind : engines) {
            Availability a = registry.availability(kind);
            if (!a.available()) {
                parts.add(new EngineSequence.Part(kind, null, a.reason()));
                why.add(kind.key() + ": " + a.reason());
                continue;
            }
            try {
                parts.add(new EngineSequence.Part(kind, registry.find(kind).orElseThrow().prepare(prepared), null));
            } catch (BadInputException e) {
                parts.add(new EngineSequence.Part(kind, null, e.getMessage()));
                why.add(kind.key() + ": " + e.getMessage());
                only = e;
            }
        }
        if (parts.stream().noneMatch(p -> p.prepared() != null)) {
            if (engines.size() == 1 && only != null) throw only;
            throw new BadInputException("no engine of this run can run: " + String.join("; ", why),
                    "choose another engine (--engine tribuo is always there)");
        }
        return parts;
    }

    /** Continues a stopped or killed run: finished trials are read from the journal and not repeated. */
    public static ExperimentOutcome resume(ExperimentFolder folder, CancelToken cancel, RunListener... listeners)
            throws BadInputException, InterruptedException {
        ExperimentConfig.Saved saved = ExperimentConfig.read(folder.configJson());
        if (!Files.exists(saved.train())) {
            throw new BadInputException("the training file of this experiment is gone", saved.train(), 0, null,
                    "put it back where it was to resume");
        }
        if (!ExperimentConfig.sha256(saved.train()).equals(saved.trainHash())) {
            throw new BadInputException("the training file changed since the run started", saved.train(), 0, null,
                    "start a new run instead of resuming");
        }
        // A kill -9 during the earlier run's export left its partial model folder behind.
        ModelExport.removeAbandonedPartials(modelsRoot(folder), folder.id());
        LoadedData train = CsvLoader.load(saved.train());
        LoadedData test = saved.test() == null ? null : CsvLoader.load(saved.test());
        // A run resumes where its trials ran: a Spark run on its cluster (from the plan), checked before anything.
        ExecutorSettings where = savedExecutor(folder);
        TrialExecutors.check(where);
        PreparedRun prepared = AutoMLRun.prepare(train.table(), test == null ? null : test.table(),
                saved.spec().withExecutor(where), Recipe.fromJson(saved.recipeJson()));
        List<EngineSequence.Part> parts = parts(savedEngines(folder), prepared);
        prepared = clockAfterConnecting(prepared);
        ResumeState resume;
        try {
            List<TrialResult> previous = Journal.read(folder.journal());
            // The journal bounds the ids it holds; run.log also knows trials started and cut off mid-line.
            int nextId = Math.max(Journal.nextTrialId(folder.journal()),
                    RunLog.highestTrialStarted(folder.runLog()) + 1);
            RunStateFile.Saved state = RunStateFile.read(folder.runState());
            resume = new ResumeState(previous, nextId, state.elapsedSeconds(), state.searchEnded());
        } catch (IOException e) {
            throw new BadInputException("cannot read the trial journal (" + e.getMessage() + ")", folder.journal(),
                    0, null, null);
        }
        LOG.info("resuming {}: {} trials kept, next trial id {}, {} s of the budget used, search {}", folder.id(),
                resume.trials().size(), resume.nextTrialId(), resume.usedSeconds(),
                resume.searchEnded() == null ? "not ended" : "ended (" + resume.searchEnded() + ")");
        return execute(folder, prepared, parts, resume, cancel, new ReportWriter.Loaded(train, test), listeners);
    }

    /**
     * The budget of a run on a cluster counts from when its workers are ready (the engines connected while being
     * readied), as a local run's counts from when its data is loaded: Spark's start-up (7-28 s measured on this
     * machine) is the cluster's, like loading the file is the disk's, and would otherwise eat a short budget.
     */
    private static PreparedRun clockAfterConnecting(PreparedRun prepared) {
        return prepared.spec().executor().isLocal() ? prepared
                : prepared.forShare(prepared.spec().budget(), System.nanoTime());
    }

    /** Where the trials of the saved run ran; local threads for a run saved before there were other executors. */
    private static ExecutorSettings savedExecutor(ExperimentFolder folder) throws BadInputException {
        return fromSavedPlan(folder, ExecutorSettings.local(), RunPlan::readExecutor);
    }

    /** Reads one part of a saved plan's JSON. */
    @FunctionalInterface
    private interface PlanPart<T> {
        T read(String json, Path file) throws BadInputException;
    }

    /** A part of the plan saved with the run, or {@code absent} for a run saved before there were plans. */
    private static <T> T fromSavedPlan(ExperimentFolder folder, T absent, PlanPart<T> part) throws BadInputException {
        Path file = folder.dir().resolve(RunPlan.FILE);
        if (!Files.exists(file)) return absent;
        try {
            return part.read(Files.readString(file), file);
        } catch (IOException e) {
            throw new BadInputException("cannot read the run plan (" + e.getMessage() + ")", file, 0, null, null);
        }
    }

    /** The engines of the plan saved with the run; Tribuo alone for a run saved before there were plans. */
    private static List<EngineKind> savedEngines(ExperimentFolder folder) throws BadInputException {
        return fromSavedPlan(folder, List.of(EngineKind.TRIBUO), RunPlan::readEngines);
    }

    private static ExperimentOutcome execute(ExperimentFolder folder, PreparedRun prepared,
                                             List<EngineSequence.Part> parts, ResumeState resume, CancelToken cancel, ReportWriter.Loaded report,
                                             RunListener... listeners)
            throws BadInputException, InterruptedException {
        try (Journal journal = Journal.open(folder.journal()); RunLog log = new RunLog(folder.runLog())) {
            List<RunListener> all = new ArrayList<>(List.of(listeners));
            all.add(log);
            all.add(new RunStateFile(folder.runState(),
                    new RunStateFile.Saved(resume.usedSeconds(), resume.searchEnded())));
            RunResult result = EngineSequence.run(parts, prepared, journal, resume, cancel, new Fanout(all));
            ExperimentWriter.write(folder, result);
            ModelExport.ExportedModel exported = result.model() == null ? null
                    : ModelExport.export(result, modelsRoot(folder), folder.id(), folder.id());
            if (report != null) writeReport(folder, report);
            return new ExperimentOutcome(folder, result, exported);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(folder.dir(), e);
        } catch (OutOfMemoryError e) {
            // Every file of the folder is written whole or not at all, and the journal holds the finished trials:
            // the folder stays as consistent as after a kill, and resumable.
            LOG.error("the run ran out of memory", e);
            throw new BadInputException("the run ran out of memory (the heap holds "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB); the trials finished so far are kept",
                    folder.dir(), 0, null, "resume it with more heap: run --resume " + folder.dir());
        }
    }

    /** The {@code models/} folder of an experiment ({@code models/experiments/<id>}). */
    static Path modelsRoot(ExperimentFolder folder) {
        return folder.dir().toAbsolutePath().normalize().getParent().getParent();
    }

    /** Seconds of feature importance in the report written at the end of a run (the report command allows more). */
    private static final double REPORT_IMPORTANCE_SECONDS = 10;

    /** The report is a convenience: its failure is logged and never fails the run it describes. */
    private static void writeReport(ExperimentFolder folder, ReportWriter.Loaded data) {
        try {
            ReportWriter.write(folder, REPORT_IMPORTANCE_SECONDS, data);
        } catch (BadInputException | RuntimeException e) {
            LOG.warn("the run finished but its report could not be written: {}", e.getMessage(), e);
        }
    }

    /**
     * Checks that trials can run where the settings say (the executor is in this build and this JVM, a cluster's
     * URL is one and the cluster answers), so that a command can refuse before it reads a large file.
     *
     * @throws BadInputException one line naming the option to change
     */
    public static void checkExecutor(ExecutorSettings settings) throws BadInputException {
        TrialExecutors.check(settings);
    }

    /** Reads a {@code --space} file into the run spec. */
    public static RunSpec applySpaceFile(RunSpec spec, Path file) throws BadInputException {
        try {
            return spec.withSpace(SpaceFile.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new BadInputException("cannot read the search-space file (" + e.getMessage() + ")", file, 0, null,
                    null);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("invalid search space: " + e.getMessage(), file, 0, null,
                    "fix the file, or save a new one from the app's Search view");
        }
    }

    /** {@code adult.train.csv} → {@code adult}. */
    static String datasetName(Path source) {
        Path name = source == null ? null : source.getFileName();
        String f = name == null ? "data" : name.toString();
        // A glob names its folder (data/part-*.csv: "data"); the characters are no use in a folder name.
        if (f.contains("*") || f.contains("?") || f.contains("[") || f.contains("{")) {
            Path parent = source.getParent();
            f = parent == null || parent.getFileName() == null ? "data" : parent.getFileName().toString();
        }
        f = f.replaceAll("(?i)\\.(csv|parquet)$", "").replaceAll("(?i)\\.(train|training)$", "");
        return f;
    }

    /** The run's listeners as one: each event to each, in order; a listener that throws never stops the run. */
    private record Fanout(List<RunListener> all) implements RunListener {
        @Override
        public void onEvent(org.automlwb.engine.run.RunEvent event) {
            for (RunListener l : all) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("a run listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
